// The headers every answer of ours must get right, whoever builds it (a route handler, the
// response cache, the production server's fast path, or Next.js itself): CORS of the open data,
// what a 304 leaves out, what Vary lists, and weak validators for compressed bodies. No framework
// imports; src/server/open-data and src/server/page-cache both depend on it.
import type { IncomingMessage, ServerResponse } from "node:http";

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Link, Content-Disposition, Content-Length",
};

/** The API, the feeds and the downloads: the URLs whose answers follow these conventions. */
const OPEN_DATA_PATH =
  /^\/api\/v1(?:\/|$)|^\/changes\.atom$|^\/deadlines\.ics$|^\/data\/[a-z-]+\.(?:csv|json)$|^\/commitments\/[a-z0-9-]+\/(?:badge\.svg|card\.png)$/;

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
