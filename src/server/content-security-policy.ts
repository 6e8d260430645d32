// The Content-Security-Policy of every page. Scripts run only if the policy names them: pages
// rendered per request carry a fresh nonce (set by src/proxy.ts, which Next.js puts on its own
// scripts); public pages served from the cache have no scripts (src/server/page-cache/html.ts)
// and allow none. Neither allows 'unsafe-inline' or 'unsafe-eval' (except eval in development).
// No framework imports. See docs/decisions/0003 and 0007.
import { appConfig, type Env } from "../runtime/env";

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

/** The options for this deployment, from its environment; signing in with an identity provider redirects a form post there. */
export function policyOptions(env: Pick<Env, "dev" | "https" | "oidc"> = appConfig()): PolicyOptions {
  return { dev: env.dev, https: env.https, formTargets: env.oidc ? [new URL(env.oidc.issuer).origin] : [] };
}
