// Security headers, decided per route in one place. next.config.ts sets the fixed ones on
// everything Next.js serves (build assets included); src/proxy.ts, the response cache and the
// production server's front door set the whole set, per route, on everything else:
//  - Content-Security-Policy: the open data (API, feeds, downloads) and every other /api answer
//    get the data policy (nothing may run, no nonce); pages get the page policy (see
//    content-security-policy.ts; a fresh nonce is added by src/proxy.ts per render);
//  - Cross-Origin-Resource-Policy: cross-origin for the open data, which other sites are meant
//    to use, same-origin for everything else;
//  - Referrer-Policy: the editor sends no Referer to other sites at all;
//  - Strict-Transport-Security only when the site is served over https (env.https);
//  - Reporting-Endpoints, where browsers send CSP violation reports (/api/csp-report).
// No framework imports.
import { appConfig, type Env } from "../runtime/env";
import { isOpenDataPath } from "./http";
import { CSP_REPORT_PATH, DATA_POLICY, contentSecurityPolicy, policyOptions } from "./content-security-policy";
import { EMBED_POLICY } from "./share/markup";

/**
 * The same on every response, whatever the route or the deployment: next.config.ts can set these
 * at build time. X-Frame-Options is per route (every route but the embeddable cards says DENY).
 */
export const FIXED_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Permissions-Policy":
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  "X-DNS-Prefetch-Control": "off",
};

const HSTS = "max-age=63072000; includeSubDomains";

/** Answers that are data, never a document to run: the open data and the rest of /api. */
export function isDataPath(pathname: string): boolean {
  return isOpenDataPath(pathname) || pathname === "/api" || pathname.startsWith("/api/");
}

/**
 * The embeddable status cards (/embed/commitments/[slug]): the only answers any site may frame
 * (frame-ancestors *, no X-Frame-Options). Everything else keeps frame-ancestors 'none' and DENY.
 */
export function isEmbedPath(pathname: string): boolean {
  return /^\/embed\/commitments\/[^/]+$/.test(pathname);
}

/** Every security header of an answer at `pathname` (the page policy without scripts; src/proxy.ts swaps in a nonce). */
export function securityHeaders(pathname: string, env: Pick<Env, "dev" | "https" | "oidc"> = appConfig()): Record<string, string> {
  const editor = pathname === "/editor" || pathname.startsWith("/editor/");
  const embed = isEmbedPath(pathname);
  return {
    ...FIXED_SECURITY_HEADERS,
    ...(embed ? {} : { "X-Frame-Options": "DENY" }),
    "Content-Security-Policy": embed ? EMBED_POLICY : isDataPath(pathname) ? DATA_POLICY : contentSecurityPolicy({ none: true }, policyOptions(env)),
    "Cross-Origin-Resource-Policy": isOpenDataPath(pathname) || embed ? "cross-origin" : "same-origin",
    "Referrer-Policy": editor ? "same-origin" : "strict-origin-when-cross-origin",
    "Reporting-Endpoints": `csp="${CSP_REPORT_PATH}"`,
    ...(env.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** The names of every header securityHeaders() can set (lower case): a cached answer never keeps its own copy. */
export const SECURITY_HEADER_NAMES: readonly string[] = [
  ...Object.keys(FIXED_SECURITY_HEADERS),
  "X-Frame-Options",
  "Content-Security-Policy",
  "Cross-Origin-Resource-Policy",
  "Referrer-Policy",
  "Reporting-Endpoints",
  "Strict-Transport-Security",
].map((name) => name.toLowerCase());
