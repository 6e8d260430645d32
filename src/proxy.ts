// Runs before every request (Next 16's "proxy", formerly middleware):
//  - the open data (API, feeds, downloads) is read-only: other methods answer 405 with Allow, a
//    problem body and CORS; a trailing slash is redirected (308) here rather than by Next.js
//    (skipTrailingSlashRedirect), so that the redirect of an API URL carries CORS too;
//  - during a database outage, a fast 503 with a clear message (src/server/database-breaker.ts);
//  - public pages and the JSON API (any query string up to a length) are answered here from the
//    whole-response cache (src/server/page-cache); pages are served without scripts, under a
//    Content-Security-Policy that allows none;
//  - everything else gets a fresh nonce and a strict Content-Security-Policy. Next.js reads the
//    nonce from the request's CSP header and puts it on its own scripts;
//  - before all that, requests no route should see are refused with a clear 4xx (the front
//    door: TRACE, a bad Host, U+0000 in the address, too large a body, a form from another site),
//    and X-Forwarded-Host is dropped and X-Forwarded-Proto settled, so next-auth (which takes the
//    request's own address when NEXTAUTH_URL is unset) and our links read only what is true.
// Every answer gets its route's security headers (src/server/security-headers.ts).
// See docs/decisions/0003-editor-workflow-and-auth.md and 0007-whole-page-cache.md.
import { NextResponse, type NextRequest } from "next/server";
import { databaseStatus, UNAVAILABLE_MESSAGE, unavailableHtml } from "./server/database-breaker";
import { contentSecurityPolicy, policyOptions } from "./server/content-security-policy";
import { PLAIN_PAGE_POLICY } from "./server/plain-page";
import { refusal, refusalResponse } from "./server/front-door";
import { cacheKind, isImpossibleDetailPath } from "./server/page-cache/routing";
import { renderPage } from "./server/page-cache/render";
import { answerKeys } from "./server/freshness/keys";
import { RENDER_HEADER, renderSecret } from "./server/http";
import { cachedPageResponse } from "./server/page-cache/respond";
import { isDataPath, isEmbedPath, securityHeaders } from "./server/security-headers";
import { appConfig } from "./runtime/env";
import { ALLOWED_METHODS, methodNotAllowed, trailingSlashRedirect } from "./server/open-data/http";
import { isOpenDataPath } from "./server/http";
import { removedSlugs } from "./server/queries/corrections";
import { getDb } from "./server/db";
import { foldedDateQuery } from "./schemas/date-input";
import { PUBLIC_DATE_PARAMS } from "./schemas/param-errors";

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

/**
 * A filter form's date typed in three boxes (as_of-day=1&as_of-month=5&as_of-year=2026) is sent on
 * to the address with the date as one value (as_of=2026-05-01): the link a reader copies and cites
 * is then the clean one, and one cached page answers both.
 */
function dateBoxesRedirect(request: NextRequest): Response | null {
  if ((request.method !== "GET" && request.method !== "HEAD") || isOpenDataPath(request.nextUrl.pathname)) return null;
  const folded = foldedDateQuery(request.nextUrl.searchParams, PUBLIC_DATE_PARAMS);
  if (!folded) return null;
  const query = folded.toString();
  const location = new URL(`${request.nextUrl.pathname}${query ? `?${query}` : ""}`, request.nextUrl.origin);
  return new Response(null, { status: 303, headers: { Location: location.toString(), "Cache-Control": "public, max-age=3600" } });
}

/** The route's security headers on an answer the proxy gives itself (Next.js adds none to these). */
function secured(response: Response, pathname: string, csp?: string): Response {
  for (const [name, value] of Object.entries(securityHeaders(pathname))) response.headers.set(name, value);
  if (csp) response.headers.set("Content-Security-Policy", csp);
  return response;
}

/**
 * On to Next.js (rewritten to `rewriteTo` if given) with the route's security headers: pages a
 * fresh nonce and a strict Content-Security-Policy, data the data policy. The request's
 * forwarded headers are settled first: no X-Forwarded-Host (nobody's word on the host is taken
 * over Host), and X-Forwarded-Proto either "https" (the production server kept a trusted
 * proxy's) or "http".
 */
function onward(request: NextRequest, rewriteTo?: string) {
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete("x-forwarded-host");
  requestHeaders.set(
    "x-forwarded-proto",
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https" ? "https" : "http",
  );
  const headers = securityHeaders(request.nextUrl.pathname);
  if (!isDataPath(request.nextUrl.pathname) && !isEmbedPath(request.nextUrl.pathname)) {
    const nonce = btoa(crypto.randomUUID());
    headers["Content-Security-Policy"] = contentSecurityPolicy({ nonce }, policyOptions());
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  }
  const init = { request: { headers: requestHeaders } };
  const response = rewriteTo ? NextResponse.rewrite(new URL(rewriteTo, request.url), init) : NextResponse.next(init);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const refused = refusal({
    method: request.method,
    target: `${path}${request.nextUrl.search}`,
    host: request.headers.get("host") ?? undefined,
    origin: request.headers.get("origin") ?? undefined,
    contentLength: request.headers.get("content-length") ?? undefined,
  });
  if (refused) {
    const answer = refusalResponse(refused, path);
    return new Response(request.method === "HEAD" ? null : answer.body, { status: answer.status, headers: answer.headers });
  }
  if (isOpenDataPath(path) && !ALLOWED_METHODS.split(", ").includes(request.method)) return secured(methodNotAllowed(request), path);
  const redirect = trailingSlashRedirect(request.nextUrl) ?? dateBoxesRedirect(request);
  if (redirect) return secured(redirect, path);
  const unavailable = await unavailableResponse(request);
  if (unavailable) return secured(unavailable, path, path.startsWith("/api/") ? undefined : PLAIN_PAGE_POLICY);
  const { pathname, search } = request.nextUrl;
  if (isImpossibleDetailPath(pathname)) return onward(request, NOT_FOUND_ROUTE);
  // A commitment taken off the tracker answers 410 Gone with why (its page says so); an earlier
  // version (version=) still shows it as then published.
  const removed = REMOVED_COMMITMENT.exec(pathname);
  if (removed && !request.nextUrl.searchParams.has("version") && (await removedSlugs(getDb())).has(removed[1]!)) {
    // Rendered here (Next.js keeps a page's own status), like a cached page: without scripts.
    const origin = appConfig().RT_INTERNAL_ORIGIN ?? request.nextUrl.origin;
    const client = { host: request.headers.get("host"), proto: request.headers.get("x-forwarded-proto") };
    const rendered = await renderPage(origin, `/removed/${removed[1]}`, "page", client, answerKeys(pathname));
    if ("page" in rendered) {
      return new Response(request.method === "HEAD" ? null : rendered.page.body, {
        status: 410,
        headers: { ...securityHeaders(pathname), ...rendered.page.headers, "cache-control": "no-cache" },
      });
    }
  }
  const fromThisServer = request.headers.get(RENDER_HEADER) === renderSecret();
  // In development pages change with the code, and Next's dev tools need their scripts.
  const env = appConfig();
  const kind = fromThisServer || env.dev ? null : cacheKind({ method: request.method, pathname, search, headers: request.headers });
  if (!kind) return onward(request);
  const response = await cachedPageResponse(
    request,
    pathname + search,
    kind,
    env.RT_INTERNAL_ORIGIN ?? request.nextUrl.origin,
    securityHeaders(pathname),
  );
  return kind === "page" && response.status === 404 ? onward(request, NOT_FOUND_ROUTE) : response;
}

export const config = {
  // Everything but the build's static files (which get a fixed, script-free policy from next.config.ts).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
