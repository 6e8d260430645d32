// The answer to a cacheable request (see routing.ts), served by src/proxy.ts before Next.js
// routes it: the page from memory, rendered when missing or expired. Cached pages may also be
// kept by a CDN or caching proxy for a minute (the scale-out path). No framework imports.
import { PAGE_CACHE_CONTROL, pageStore } from "./store";
import { renderPage } from "./render";

// The same URL answers Next's client router with something other than this HTML.
const VARY = "RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch";
/** What a render that is not a cacheable page (404, 503, a redirect) passes on to the reader. */
const PASSED_ON = ["content-type", "retry-after", "cache-control", "content-security-policy", "location"];

/** `url` is the page's path and query string: each URL is its own page. */
export async function cachedPageResponse(request: Request, url: string, serverOrigin: string, extraHeaders: Record<string, string>): Promise<Response> {
  const result = await pageStore().get(url, () => renderPage(serverOrigin, url));
  if ("response" in result) {
    const headers = new Headers(extraHeaders);
    for (const name of PASSED_ON) {
      const value = result.response.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(request.method === "HEAD" ? null : await result.response.arrayBuffer(), { status: result.response.status, headers });
  }
  const { page } = result;
  const headers = {
    ...extraHeaders,
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": page.contentSecurityPolicy,
    "Cache-Control": PAGE_CACHE_CONTROL,
    ETag: page.etag,
    Vary: VARY,
  };
  if (request.headers.get("if-none-match") === page.etag) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : page.body, { headers });
}
