// The headers every answer of ours must get right, whoever builds it (a route handler, the
// response cache, the production server's fast path, or Next.js itself): CORS of the open data,
// what a 304 leaves out, what Vary lists, and weak validators for compressed bodies. No framework
// imports; src/server/open-data, src/server/page-cache and src/server/freshness depend on it,
// and it on none of them. Also: validators (If-None-Match), the cache-control of every public
// answer, the CDN's surrogate keys, the site's public origin, and the marks of the response
// cache's own renders.
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { appConfig, type Env } from "../runtime/env";
import { singleton } from "../runtime/singleton";

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Link, Content-Disposition, Content-Length",
};

/** The API, the feeds and the downloads: the URLs whose answers follow these conventions. */
const OPEN_DATA_PATH =
  /^\/api\/v1(?:\/|$)|^\/changes\.atom$|^\/deadlines\.ics$|^\/data\/[a-z-]+\.(?:csv|json)$|^\/commitments\/[a-z0-9-]+\/(?:badge\.svg|card\.png|changes\.atom)$|^\/(?:areas|organisations)\/[a-z0-9-]+\/(?:changes\.atom|deadlines\.ics)$/;

export function isOpenDataPath(pathname: string): boolean {
  return OPEN_DATA_PATH.test(pathname);
}

/** What a 304 must not repeat of the 200 it stands for (RFC 9110 §15.4.5: no representation metadata). */
export const REPRESENTATION_HEADERS = ["content-type", "content-length", "content-encoding", "content-disposition", "content-language"];

export function notModifiedHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !REPRESENTATION_HEADERS.includes(name.toLowerCase())));
}

/** What the open data's answers vary on: only the encoding (CORS is open to every origin, so not Origin). */
export const OPEN_DATA_VARY = "Accept-Encoding";

/** Headers Next.js adds to Vary for its client router, which never asks for the open data. */
const ROUTER_VARY = new Set(["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"]);

/** One Vary from several, each field once; for the open data, without Next's router headers. */
export function varyHeader(pathname: string, ...values: (string | undefined)[]): string | null {
  const seen = new Map<string, string>();
  for (const token of values.flatMap((v) => (v ?? "").split(",")).map((t) => t.trim())) {
    if (token && !seen.has(token.toLowerCase()) && !(isOpenDataPath(pathname) && ROUTER_VARY.has(token.toLowerCase())))
      seen.set(token.toLowerCase(), token);
  }
  return seen.size ? [...seen.values()].join(", ") : null;
}

/** A compressed answer is another representation: its validator must not be the identity's strong one (RFC 9110 §8.8.3). */
export function weakened(etag: string): string {
  return etag.startsWith("W/") ? etag : `W/${etag}`;
}

/**
 * The production server (scripts/server/serve.ts) passes every answer through this as its head
 * is written, so what Next.js adds after our code has run (its router's Vary; an ETag kept while
 * it gzips the body) follows the same rules as the answers we build ourselves.
 */
export function conformHeaders(request: IncomingMessage, response: ServerResponse): void {
  const pathname = (request.url ?? "/").split("?")[0]!;
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    const last = rest.at(-1);
    if (last && typeof last === "object" && !Array.isArray(last)) {
      for (const [name, value] of Object.entries(last as Record<string, string | number | string[] | undefined>))
        if (value !== undefined) this.setHeader(name, value);
      rest = rest.slice(0, -1);
    }
    const header = (name: string) => {
      const value = this.getHeader(name);
      return value === undefined ? undefined : Array.isArray(value) ? value.join(", ") : String(value);
    };
    const vary = header("vary");
    if (vary !== undefined) {
      const merged = varyHeader(pathname, vary);
      if (merged) this.setHeader("vary", merged);
      else this.removeHeader("vary");
    }
    const etag = header("etag");
    const encoding = header("content-encoding");
    if (etag && encoding && encoding !== "identity") this.setHeader("etag", weakened(etag));
    if (statusCode === 304) for (const name of REPRESENTATION_HEADERS) this.removeHeader(name);
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
  } as ServerResponse["writeHead"];
}

/**
 * Browsers may reuse a response for a minute and shared caches (CDNs) for five; a shared cache
 * may serve a stale copy for ten more minutes while it refetches, or for a day if we are down.
 * Publishing a change expires the server-side caches at once and purges the CDN (docs/decisions/0013).
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400";
/**
 * An answer at a record version the reader chose (version=, or recorded_on= a day that has
 * ended): nothing published later changes it (docs/decisions/0009-record-versions.md).
 */
export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, s-maxage=31536000, immutable";
/** Browsers revalidate each time (a 304 when unchanged); a CDN may keep a page for a minute, and is purged by every publish that touches it. */
export const PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";

/**
 * A page pinned to a version of the record that has since been revised can never change again
 * (docs/decisions/0009-record-versions.md): such a page says so with
 * <meta name="roadmap-tracker-record" content="immutable">, and anyone may keep it for a year.
 */
export const IMMUTABLE_PAGE_META = "roadmap-tracker-record";

/**
 * The CDN contract (docs/deployment.md): a cached public answer names the keys it depends on
 * (src/server/freshness/keys.ts) in Surrogate-Key (Fastly, Varnish xkey; space-separated) and
 * Cache-Tag (Cloudflare, Akamai; comma-separated), and tells the CDN how long it may keep it
 * (Surrogate-Control, which the CDN strips): a day, since every publish purges what it touched;
 * stale for a day more if we are down.
 */
export function surrogateHeaders(keys: readonly string[]): Record<string, string> {
  if (keys.length === 0) return { "surrogate-control": "max-age=31536000" };
  return {
    "surrogate-key": keys.join(" "),
    "cache-tag": keys.join(","),
    "surrogate-control": "max-age=86400, stale-while-revalidate=60, stale-if-error=86400",
  };
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/"x" matches "x". */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const wanted = opaque(etag);
  return (ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === wanted);
}

/** The production server's mark on the response cache's own renders (src/server/page-cache/render.ts). */
export const RENDER_HEADER = "x-roadmap-tracker-render";
/** The Host the reader asked for (fetch cannot set Host): API links and feeds are built from it. */
export const RENDER_HOST_HEADER = "x-roadmap-tracker-host";

/**
 * Known only to this server (the production server shares it with its web workers, since a
 * render may be answered by any of them): an outside request cannot pass itself off as a cache render.
 */
export function renderSecret(): string {
  return singleton("render-secret", () => appConfig().RT_RENDER_SECRET ?? crypto.randomBytes(24).toString("base64url"));
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The site's public address for text on pages (citations, the API's base address): SITE_URL, or
 * else NEXTAUTH_URL (whose default is http://localhost:$PORT). Pages do not read the Host header: they are
 * cached whole and shared by every reader (src/server/page-cache).
 */
export function siteOrigin(env: Pick<Env, "siteOrigin" | "NEXTAUTH_URL"> = appConfig()): string {
  return env.siteOrigin ?? new URL(env.NEXTAUTH_URL).origin;
}

/**
 * The public origin for absolute links (API links, CSV urls, feeds, calendar): SITE_URL when the
 * operator sets it (do, behind a proxy or CDN), otherwise the Host header the client sent, with
 * X-Forwarded-Proto for the scheme. X-Forwarded-Host is not trusted: a cache that does not key
 * on it could be poisoned with links to another site. (Next's request.url carries the address
 * the server listens on, not the one the client used, so it is only the last resort.)
 */
export function publicOrigin(headers: { get(name: string): string | null }, fallback: string): string {
  const configured = appConfig().siteOrigin;
  if (configured) return configured;
  const fallbackUrl = new URL(fallback);
  // A render for the response cache carries the reader's Host in its own header (fetch cannot set Host).
  const forCache = headers.get(RENDER_HEADER) === renderSecret();
  const host = ((forCache ? headers.get(RENDER_HOST_HEADER) : null) ?? headers.get("host"))?.trim();
  const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : fallbackUrl.protocol.replace(":", "");
  return host && HOST.test(host) ? `${proto}://${host.toLowerCase()}` : `${proto}://${fallbackUrl.host}`;
}

/** The public origin of a route handler's request. */
export function requestOrigin(request: Request): string {
  return publicOrigin(request.headers, request.url);
}
