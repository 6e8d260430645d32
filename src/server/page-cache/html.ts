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

export function withoutScripts(html: string): string {
  return html.replace(EXECUTABLE_SCRIPT, "").replace(SCRIPT_PRELOAD, "");
}

/** A strong validator for conditional requests (If-None-Match). */
export function entityTag(text: string): string {
  return `"${crypto.createHash("sha256").update(text, "utf8").digest("base64url").slice(0, 27)}"`;
}
