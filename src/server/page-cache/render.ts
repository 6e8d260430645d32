// Renders a page or API answer for the cache by asking this same server for it, marked with a
// per-process secret so that src/proxy.ts lets it through to the normal per-request render
// (rather than sending it back to the cache). It comes back exactly as a reader would get it
// uncached. A page is kept without its scripts (see html.ts), with a policy that allows none;
// API answers and feeds with their own headers (ETag, Cache-Control, CORS, Link).
import crypto from "node:crypto";
import { contentSecurityPolicy, policyOptions } from "../content-security-policy";
import { entityTag, withoutScripts } from "./html";
import type { RenderResult } from "./store";
import type { CacheKind } from "./routing";
import { IMMUTABLE_PAGE_CACHE_CONTROL, IMMUTABLE_PAGE_META, PAGE_CACHE_CONTROL } from "./store";
import { SECURITY_HEADER_NAMES } from "../security-headers";
import { OPEN_DATA_VARY } from "../http-headers";

// The same URL answers Next's client router with something other than this HTML.
const PAGE_VARY = "RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch";
/**
 * Headers that describe one connection or one send, not the response to keep; and the security
 * headers, which are set afresh on every response (kept, they would be sent twice).
 */
const NOT_KEPT = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "date",
  "content-length",
  "content-encoding",
  "set-cookie",
  ...SECURITY_HEADER_NAMES,
]);

export const RENDER_HEADER = "x-roadmap-tracker-render";
/** The Host the reader asked for (fetch cannot set Host): API links and feeds are built from it. */
export const RENDER_HOST_HEADER = "x-roadmap-tracker-host";

/** Who asked: what absolute links in API answers and feeds are built from (see publicOrigin). */
export type Client = { host: string | null; proto: string | null };

const globalForRender = globalThis as unknown as { __rtRenderSecret?: string };

/** Known only to this process: an outside request cannot pass itself off as a cache render. */
export function renderSecret(): string {
  return (globalForRender.__rtRenderSecret ??= crypto.randomBytes(24).toString("base64url"));
}

export async function renderPage(serverOrigin: string, url: string, kind: CacheKind, client: Client): Promise<RenderResult> {
  // identity: the answer goes straight into memory, so having Next.js gzip it and fetch unzip it
  // again is only work (the fast path gzips each entry once, when a reader asks for it).
  const headers: Record<string, string> = {
    [RENDER_HEADER]: renderSecret(),
    accept: kind === "page" ? "text/html" : "*/*",
    "accept-encoding": "identity",
  };
  if (client.host) headers[RENDER_HOST_HEADER] = client.host;
  if (client.proto) headers["x-forwarded-proto"] = client.proto;
  const response = await fetch(new URL(url, serverOrigin), {
    headers,
    redirect: "manual",
    cache: "no-store",
  });
  const type = response.headers.get("content-type") ?? "";
  if (response.status !== 200) return { response };
  if (kind === "data") {
    const body = new Uint8Array(await response.arrayBuffer());
    const etag = response.headers.get("etag") ?? entityTag(new TextDecoder().decode(body));
    // Vary: what the answer depends on, not the headers Next.js adds for its client router.
    return { page: { body, headers: { ...keptHeaders(response.headers), etag, vary: OPEN_DATA_VARY }, etag } };
  }
  if (!type.startsWith("text/html")) return { response };
  const html = withoutScripts(await response.text());
  const etag = entityTag(html);
  const pageHeaders = {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": contentSecurityPolicy({ none: true }, policyOptions()),
    "cache-control": isImmutablePage(html) ? IMMUTABLE_PAGE_CACHE_CONTROL : PAGE_CACHE_CONTROL,
    etag,
    vary: PAGE_VARY,
  };
  return { page: { body: new TextEncoder().encode(html), headers: pageHeaders, etag } };
}

/** True for a page that marks its record as never changing again (see IMMUTABLE_PAGE_META). */
function isImmutablePage(html: string): boolean {
  return new RegExp(`<meta name="${IMMUTABLE_PAGE_META}" content="immutable"`).test(html);
}

/** A response's headers without those that describe one connection or one send. */
export function keptHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!NOT_KEPT.has(name)) kept[name] = value;
  });
  return kept;
}
