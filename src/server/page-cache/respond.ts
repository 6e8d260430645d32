// The answer to a cacheable request (see routing.ts), served by src/proxy.ts before Next.js
// routes it: from memory, rendered when missing or expired. Pages may also be kept by a CDN or
// caching proxy for a minute (the scale-out path); API answers say so themselves.
import { etagMatches, notModifiedHeaders } from "../http";
import { pageStore } from "../freshness";
import { answerKeys } from "../freshness/keys";
import { keptHeaders, renderPage } from "./render";
import { cacheKey, type CacheKind } from "./routing";
import { logFor } from "../log";
import { pageCache } from "../metrics";

/** `url` is the path and query string: each URL is its own entry (see cacheKey). */
export async function cachedPageResponse(
  request: Request,
  url: string,
  kind: CacheKind,
  serverOrigin: string,
  extraHeaders: Record<string, string>,
): Promise<Response> {
  const client = { host: request.headers.get("host"), proto: request.headers.get("x-forwarded-proto") };
  const key = cacheKey(kind, url, client.host, client.proto);
  const pathname = url.split("?")[0]!;
  let rendered = false;
  const result = await pageStore()
    .get(key, answerKeys(pathname), () => {
      rendered = true;
      pageCache("render");
      return renderPage(serverOrigin, url, kind, client, answerKeys(pathname));
    })
    .catch((error: unknown) => {
      logFor("page-cache").error({ err: error, url }, "rendering a page for the response cache failed");
      throw error;
    });
  pageCache(rendered ? "miss" : "hit");
  if ("response" in result) {
    if (result.response.status >= 500)
      logFor("page-cache").warn({ url, status: result.response.status }, "a render answered 5xx; passed on, not kept");
    // Not kept (404, 400, 503, a redirect): passed on as it came.
    const headers = { ...extraHeaders, ...keptHeaders(result.response.headers) };
    return new Response(request.method === "HEAD" ? null : await result.response.arrayBuffer(), { status: result.response.status, headers });
  }
  const { page } = result;
  const headers = { ...extraHeaders, ...page.headers };
  if (etagMatches(request.headers.get("if-none-match"), page.etag)) return new Response(null, { status: 304, headers: notModifiedHeaders(headers) });
  return new Response(request.method === "HEAD" ? null : page.body, { headers });
}
