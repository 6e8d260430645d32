// The Content-Security-Policy of every page. Scripts run only if the policy names them: pages
// rendered per request carry a fresh nonce (set by src/proxy.ts, which Next.js puts on its own
// scripts); public pages served from the cache have no scripts (src/server/page-cache/html.ts)
// and allow none. Neither allows 'unsafe-inline' or 'unsafe-eval' (except eval in development).
// No framework imports. See docs/decisions/0003 and 0007.

export type ScriptPolicy = { nonce: string } | { none: true };
export type PolicyOptions = { dev?: boolean; https?: boolean; formTargets?: string[] };

export function contentSecurityPolicy(scripts: ScriptPolicy, options: PolicyOptions = {}): string {
  const scriptSrc = "nonce" in scripts ? `'self' 'nonce-${scripts.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}` : "'none'";
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
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

/** The options for this deployment, from its environment. */
export function policyOptions(): PolicyOptions {
  return {
    dev: process.env.NODE_ENV === "development",
    https: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
    formTargets: identityProviderOrigin(),
  };
}
