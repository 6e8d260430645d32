// The Content-Security-Policies. Scripts run only if the policy names them: pages rendered per
// request carry a fresh nonce (set by src/proxy.ts, which Next.js puts on its own scripts);
// public pages served from the cache have no scripts (src/server/page-cache/html.ts) and allow
// none. Styles come from our stylesheet files only: no 'unsafe-inline' (the few pages that carry
// their own <style> element, like the outage page, name its hash). Data (the API, feeds,
// downloads) gets a policy under which nothing at all may load or run. Violations are reported
// to /api/csp-report. No framework imports. See docs/decisions/0003, 0007 and 0009.
import crypto from "node:crypto";
import { appConfig, type Env } from "../runtime/env";

export type ScriptPolicy = { nonce: string } | { none: true };
export type PolicyOptions = { dev?: boolean; https?: boolean; formTargets?: string[]; styleHashes?: string[] };

/** Where browsers send violation reports (report-uri, and report-to through Reporting-Endpoints). */
export const CSP_REPORT_PATH = "/api/csp-report";
const REPORTING = [`report-uri ${CSP_REPORT_PATH}`, "report-to csp"];

/** For answers that are data: nothing may load, run or frame it, and no nonce is replayed from a cached render. */
export const DATA_POLICY = ["default-src 'none'", "frame-ancestors 'none'", "sandbox", ...REPORTING].join("; ");

/** The CSP source expression allowing one exact <style> element. */
export function styleHash(css: string): string {
  return `'sha256-${crypto.createHash("sha256").update(css, "utf8").digest("base64")}'`;
}

export function contentSecurityPolicy(scripts: ScriptPolicy, options: PolicyOptions = {}): string {
  const scriptSrc = "nonce" in scripts ? `'self' 'nonce-${scripts.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}` : "'none'";
  // next dev injects its overlay's styles inline; production pages need none.
  const styleSrc = ["'self'", ...(options.styleHashes ?? []), ...(options.dev ? ["'unsafe-inline'"] : [])].join(" ");
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    `style-src ${styleSrc}`,
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self'${options.formTargets?.length ? ` ${options.formTargets.join(" ")}` : ""}`,
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
    ...REPORTING,
  ];
  return directives.join("; ");
}

/** The options for this deployment, from its environment; signing in with an identity provider redirects a form post there. */
export function policyOptions(env: Pick<Env, "dev" | "https" | "oidc"> = appConfig()): PolicyOptions {
  return { dev: env.dev, https: env.https, formTargets: env.oidc ? [new URL(env.oidc.issuer).origin] : [] };
}
