// What the share answers are drawn with, with no framework or database imports (src/proxy.ts and
// next.config.ts read EMBED_POLICY through src/server/security-headers.ts).
import { CSP_REPORT_PATH, styleHash } from "../content-security-policy";
import type { StatusTone } from "../../domain/status";

/** Background colours of the badge and card, dark enough for white text (4.5:1 or more). */
export const TONE_COLOURS: Record<StatusTone, string> = {
  grey: "#505a5f",
  blue: "#1d70b8",
  orange: "#8f4a00",
  green: "#00703c",
  turquoise: "#0e5c57",
  red: "#aa2a16",
};

export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const EMBED_CSS = [
  "body{margin:0;font-family:Arial,sans-serif;color:#0b0c0c;background:#fff;font-size:16px;line-height:1.35}",
  "main{border:1px solid #b1b4b6;border-left:8px solid #1d70b8;padding:12px 14px;min-height:120px;box-sizing:border-box}",
  "p,h1{margin:0 0 6px}.area{color:#484949;font-size:14px}.title{font-weight:700;font-size:18px}",
  ".tag{display:inline-block;color:#fff;padding:2px 8px;font-weight:700;margin-right:8px}",
  "a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}.src{font-size:14px}",
  ...Object.entries(TONE_COLOURS).map(([tone, colour]) => `.t-${tone}{background:${colour}}`),
].join("");

/** Scripts, forms, plugins and frames: none. Styles: this page's own. Framing: by anyone. */
export const EMBED_POLICY = [
  "default-src 'none'",
  `style-src ${styleHash(EMBED_CSS)}`,
  "img-src 'self'",
  "frame-ancestors *",
  "base-uri 'none'",
  "form-action 'none'",
  `report-uri ${CSP_REPORT_PATH}`,
].join("; ");
