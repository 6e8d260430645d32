// Runs before every request (Next 16's "proxy", formerly middleware):
//  - the open data (API, feeds, downloads) is read-only: other methods answer 405 with Allow, a
//    problem body and CORS; a trailing slash is redirected (308) here rather than by Next.js
//    (skipTrailingSlashRedirect), so that the redirect of an API URL carries CORS too;
//  - during a database outage, a fast 503 with a clear message (src/server/database-breaker.ts);
//  - public pages and the JSON API (any query string up to a length) are answered here from the
//    whole-response cache (src/server/page-cache); pages are served without scripts, under a
//    Content-Security-Policy that allows none;
//  - everything else gets a fresh nonce and a strict Content-Security-Policy. Next.js reads the
//    nonce from the request's CSP header and puts it on its own scripts.
// The other security headers are static and set for every path in next.config.ts.
// See docs/decisions/0003-editor-workflow-and-auth.md and 0007-whole-page-cache.md.
import { NextResponse, type NextRequest } from "next/server";
import { databaseStatus, UNAVAILABLE_MESSAGE, unavailableHtml } from "./server/database-breaker";
import { contentSecurityPolicy, policyOptions } from "./server/content-security-policy";
import { cacheKind, isImpossibleDetailPath } from "./server/page-cache/routing";
import { RENDER_HEADER, renderPage, renderSecret } from "./server/page-cache/render";
import { cachedPageResponse } from "./server/page-cache/respond";
import { SECURITY_HEADERS } from "./server/security-headers";
import { appConfig } from "./runtime/env";
import { ALLOWED_METHODS, methodNotAllowed, trailingSlashRedirect } from "./server/open-data/http";
import { isOpenDataPath } from "./server/http-headers";
import { removedSlugs } from "./server/queries/corrections";
import { getDb } from "./server/db";

/** During a database outage every page and API call answers 503 at once, with a clear message. */
async function unavailableResponse(request: NextRequest): Promise<Response | null> {
  const path = request.nextUrl.pathname;
  if (path === "/api/health" || path.startsWith("/_next/") || path === "/benchmark-baseline") return null;
  const status = await databaseStatus();
  if (status.ok) return null;
  const headers = { "Retry-After": "30", "Cache-Control": "no-store" };
  if (path.startsWith("/api/")) {
    return Response.json(
      { type: "about:blank", title: "Service unavailable", status: 503, detail: UNAVAILABLE_MESSAGE },
      { status: 503, headers: { ...headers, "Content-Type": "application/problem+json" } },
    );
  }
  return new Response(unavailableHtml(), { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

/**
 * Next.js 16 sends a page that calls notFound() as an empty document that only JavaScript fills
 * in (no lang, no heading: vercel/next.js#62228), while an address no route matches gets the
 * not-found page rendered in full on the server. So an unknown commitment, area or organisation
 * is answered by that route instead: at once when its slug cannot exist, and after its render
 * said 404 otherwise. The status stays 404.
 */
const NOT_FOUND_ROUTE = "/_not-found";
const REMOVED_COMMITMENT = /^\/commitments\/([a-z0-9-]+)$/;

/** On to Next.js (rewritten to `rewriteTo` if given, with `status` if given) with a fresh nonce and a strict Content-Security-Policy. */
function withNonce(request: NextRequest, rewriteTo?: string, status?: number) {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy({ nonce }, policyOptions());
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const init = { request: { headers: requestHeaders }, ...(status ? { status } : {}) };
  const response = rewriteTo ? NextResponse.rewrite(new URL(rewriteTo, request.url), init) : NextResponse.next(init);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (isOpenDataPath(path) && !ALLOWED_METHODS.split(", ").includes(request.method)) return methodNotAllowed(request);
  const redirect = trailingSlashRedirect(request.nextUrl);
  if (redirect) return redirect;
  const unavailable = await unavailableResponse(request);
  if (unavailable) {
    unavailable.headers.set("Content-Security-Policy", contentSecurityPolicy({ none: true }, policyOptions()));
    return unavailable;
  }
  const { pathname, search } = request.nextUrl;
  if (isImpossibleDetailPath(pathname)) return withNonce(request, NOT_FOUND_ROUTE);
  // A commitment taken off the tracker answers 410 Gone with why (its page says so); an earlier
  // version (version=) still shows it as then published.
  const removed = REMOVED_COMMITMENT.exec(pathname);
  if (removed && !request.nextUrl.searchParams.has("version") && (await removedSlugs(getDb())).has(removed[1]!)) {
    // Rendered here (Next.js keeps a page's own status), like a cached page: without scripts.
    const origin = appConfig().RT_INTERNAL_ORIGIN ?? request.nextUrl.origin;
    const client = { host: request.headers.get("host"), proto: request.headers.get("x-forwarded-proto") };
    const rendered = await renderPage(origin, `/removed/${removed[1]}`, "page", client);
    if ("page" in rendered) {
      return new Response(request.method === "HEAD" ? null : rendered.page.body, {
        status: 410,
        headers: { ...SECURITY_HEADERS, ...rendered.page.headers, "cache-control": "no-cache" },
      });
    }
  }
  const fromThisServer = request.headers.get(RENDER_HEADER) === renderSecret();
  // In development pages change with the code, and Next's dev tools need their scripts.
  const env = appConfig();
  const kind = fromThisServer || env.dev ? null : cacheKind({ method: request.method, pathname, search, headers: request.headers });
  if (!kind) return withNonce(request);
  const response = await cachedPageResponse(request, pathname + search, kind, env.RT_INTERNAL_ORIGIN ?? request.nextUrl.origin, SECURITY_HEADERS);
  return kind === "page" && response.status === 404 ? withNonce(request, NOT_FOUND_ROUTE) : response;
}

export const config = {
  // Everything but the build's static files (which get a fixed, script-free policy from next.config.ts).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
