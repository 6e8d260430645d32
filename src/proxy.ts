// Runs before every request (Next 16's "proxy", formerly middleware): a fresh nonce and a strict
// Content-Security-Policy for each response. Next.js reads the nonce from the request's CSP
// header and puts it on its own scripts, so no inline script runs without it. The other
// security headers are static and set for every path in next.config.ts.
// See docs/decisions/0003-editor-workflow-and-auth.md.
import { NextResponse, type NextRequest } from "next/server";
import { databaseStatus, UNAVAILABLE_MESSAGE, unavailableHtml } from "./server/database-breaker";

/** The Content-Security-Policy for a response, with its nonce. */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean; https?: boolean; formTargets?: string[] } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Styles only: React and Next.js set style attributes; no script can be injected this way.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${options.formTargets?.length ? ` ${options.formTargets.join(" ")}` : ""}`,
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The identity provider's origin: signing in with it redirects a form post there. */
function identityProviderOrigin(): string[] {
  const issuer = process.env.OIDC_ISSUER;
  if (!issuer) return [];
  try {
    return [new URL(issuer).origin];
  } catch {
    return [];
  }
}

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

export async function proxy(request: NextRequest) {
  const unavailable = await unavailableResponse(request);
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    https: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
    formTargets: identityProviderOrigin(),
  });
  if (unavailable) {
    unavailable.headers.set("Content-Security-Policy", csp);
    return unavailable;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Everything but the build's static files (which get a fixed, script-free policy from next.config.ts).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
