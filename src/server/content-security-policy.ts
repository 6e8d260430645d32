// The Content-Security-Policy of every page. Scripts run only if the policy names them: pages
// rendered per request carry a fresh nonce (set by src/proxy.ts, which Next.js puts on its own
// scripts); pages served from the whole-page cache carry the SHA-256 hash of each of their inline
// scripts instead (src/server/page-cache), because a cached page cannot have a fresh nonce.
// Neither allows 'unsafe-inline' or 'unsafe-eval' (except eval in development, for React).
// No framework imports. See docs/decisions/0003 and 0007.

export type ScriptPolicy = { nonce: string } | { hashes: readonly string[] };
export type PolicyOptions = { dev?: boolean; https?: boolean; formTargets?: string[] };

export function contentSecurityPolicy(scripts: ScriptPolicy, options: PolicyOptions = {}): string {
  const allowed = "nonce" in scripts ? `'nonce-${scripts.nonce}' 'strict-dynamic'` : scripts.hashes.join(" ");
  const directives = [
    "default-src 'self'",
    `script-src 'self'${allowed ? ` ${allowed}` : ""}${options.dev ? " 'unsafe-eval'" : ""}`,
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
