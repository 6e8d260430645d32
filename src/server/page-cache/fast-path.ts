// The production server's first look at a request (scripts/server/serve.ts), before Next.js: a GET or
// HEAD whose answer is fresh in the response cache is written straight from memory. Anything
// else (a miss, a stale entry, a database the breaker has not checked in the last seconds, every
// other request) goes to Next.js, whose proxy renders, refreshes and answers as before. This
// skips Next's routing and response pipeline, about a millisecond per request, which at 50
// connections is what separates a p99 of ~150 ms from one well under 100 ms.
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { etagMatches, notModifiedHeaders, varyHeader, weakened } from "../http";
import { recentDatabaseStatus } from "../database-breaker";
import { securityHeaders } from "../security-headers";
import { pageStore } from "../freshness";
import type { CachedPage } from "../freshness/page-store";
import { cacheKey, cacheKind } from "./routing";
import { pageCache } from "../metrics";

const MIN_GZIP_BYTES = 1024;

function gzipped(page: CachedPage): Buffer {
  return (page.gzipped ??= zlib.gzipSync(page.body, { level: 6 }));
}

/** Answers the request from memory and returns true, or returns false and leaves it untouched. */
export function serveFromMemory(request: IncomingMessage, response: ServerResponse): boolean {
  const method = request.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") return false;
  const raw = request.url ?? "/";
  const q = raw.indexOf("?");
  const pathname = q === -1 ? raw : raw.slice(0, q);
  const search = q === -1 ? "" : raw.slice(q);
  const headers = { has: (name: string) => request.headers[name] !== undefined };
  const kind = cacheKind({ method, pathname, search: search === "?" ? "" : search, headers });
  if (!kind || search === "?") return false;
  // During an outage (or when the breaker's knowledge is stale) Next's proxy decides.
  if (recentDatabaseStatus()?.ok !== true) return false;
  const host = request.headers.host ?? null;
  const proto = (request.headers["x-forwarded-proto"] as string | undefined) ?? null;
  const page = pageStore().peek(cacheKey(kind, pathname + search, host, proto));
  if (!page) return false;
  pageCache("hit");

  const out: Record<string, string> = {
    ...securityHeaders(pathname),
    ...page.headers,
    vary: varyHeader(pathname, page.headers.vary, "Accept-Encoding")!,
  };
  // The gzipped body is another representation, with a weak validator of its own (RFC 9110 §8.8.3).
  const acceptsGzip = /\bgzip\b/.test((request.headers["accept-encoding"] as string | undefined) ?? "");
  const gzip = acceptsGzip && page.body.byteLength >= MIN_GZIP_BYTES;
  if (gzip) out.etag = weakened(page.etag);
  if (etagMatches((request.headers["if-none-match"] as string | undefined) ?? null, page.etag)) {
    response.writeHead(304, notModifiedHeaders(out));
    response.end();
    return true;
  }
  const body = gzip ? gzipped(page) : page.body;
  if (gzip) out["content-encoding"] = "gzip";
  out["content-length"] = String(body.byteLength);
  response.writeHead(200, out);
  response.end(method === "HEAD" ? undefined : body);
  return true;
}
