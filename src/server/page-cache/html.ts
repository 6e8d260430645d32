// A rendered public page made into a plain document for the cache. Public pages have no
// interactive parts (plain links, GET forms; see docs/decisions/0004), so the framework's
// hydration scripts do nothing for the reader but cost a phone several hundred milliseconds of
// main-thread work. The cached copy leaves them out, and its Content-Security-Policy allows no
// script at all. No framework imports.
import crypto from "node:crypto";

/** Script elements that run: no type, or a JavaScript type. Data blocks (JSON-LD) stay. */
const EXECUTABLE_SCRIPT = /<script\b(?![^>]*\btype\s*=\s*"(?!(?:text\/javascript|module)")[^"]*")[^>]*>[\s\S]*?<\/script>/gi;
/** Hints that would make the browser fetch those scripts anyway. */
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="modulepreload"|[^>]*\bas="script")[^>]*>/gi;
/** A start tag that carries the render's nonce (Next.js puts it on stylesheets too). */
const TAG_WITH_NONCE = /<[a-z][^<>]*\snonce="[^"]*"[^<>]*>/gi;
const NONCE_ATTRIBUTE = /\snonce="[^"]*"/gi;

/**
 * The page without its scripts, and without the per-request nonce left on other tags: under a
 * policy that allows no script it means nothing, and kept, it would make every render of an
 * unchanged page different bytes with a different ETag (so a CDN's or browser's copy would never
 * be confirmed with a 304 after the store re-renders it).
 */
export function withoutScripts(html: string): string {
  return html
    .replace(EXECUTABLE_SCRIPT, "")
    .replace(SCRIPT_PRELOAD, "")
    .replace(TAG_WITH_NONCE, (tag) => tag.replace(NONCE_ATTRIBUTE, ""));
}

/** A strong validator for conditional requests (If-None-Match). */
export function entityTag(text: string): string {
  return `"${crypto.createHash("sha256").update(text, "utf8").digest("base64url").slice(0, 27)}"`;
}
