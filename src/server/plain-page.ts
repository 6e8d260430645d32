// The few answers given before (or instead of) the app's own pages: the outage page and the
// front door's refusals. One small HTML document with one <style> element, allowed by its hash
// in their Content-Security-Policy (no 'unsafe-inline'). No framework imports.
import { CSP_REPORT_PATH, styleHash } from "./content-security-policy";

const CSS = "body{font-family:Arial,sans-serif;color:#0b0c0c;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}h1{font-size:2rem}";

/** Nothing may run; only the page's own <style> element applies. */
export const PLAIN_PAGE_POLICY = [
  "default-src 'none'",
  `style-src ${styleHash(CSS)}`,
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  `report-uri ${CSP_REPORT_PATH}`,
].join("; ");

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function plainPage(title: string, heading: string, paragraphs: readonly string[]): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("");
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – Roadmap Tracker</title><style>${CSS}</style></head><body><main><h1>${escapeHtml(heading)}</h1>${body}</main></body></html>`;
}
