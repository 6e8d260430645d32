// A rendered page made cacheable without weakening its Content-Security-Policy: instead of a
// per-request nonce (which cannot be cached), the policy lists the SHA-256 hash of each inline
// script the page contains, so only exactly those scripts run. No framework imports.
import crypto from "node:crypto";

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;
const NONCE_ATTRIBUTE = /(<script\b[^>]*?)\snonce="[^"]*"/gi;

/** The page without the nonce its render was given: a cached copy must not carry a stale one. */
export function withoutNonces(html: string): string {
  return html.replace(NONCE_ATTRIBUTE, "$1");
}

/** CSP source expressions ('sha256-…') for every inline script, in order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    hashes.add(`'sha256-${crypto.createHash("sha256").update(match[1] ?? "", "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** A strong validator for conditional requests (If-None-Match). */
export function entityTag(html: string): string {
  return `"${crypto.createHash("sha256").update(html, "utf8").digest("base64url").slice(0, 27)}"`;
}
