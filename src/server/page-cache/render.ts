// Renders a public page for the whole-page cache by asking this same server for it, marked with
// a per-process secret so that src/proxy.ts lets it through to the normal per-request render
// (rather than sending it back to the cache). The page comes back exactly as a reader would get
// it uncached; it is kept with the hashes of its inline scripts as its Content-Security-Policy.
import crypto from "node:crypto";
import { contentSecurityPolicy, policyOptions } from "../content-security-policy";
import { entityTag, inlineScriptHashes, withoutNonces } from "./html";
import type { RenderResult } from "./store";

export const RENDER_HEADER = "x-roadmap-tracker-render";

const globalForRender = globalThis as unknown as { __rtRenderSecret?: string };

/** Known only to this process: an outside request cannot pass itself off as a cache render. */
export function renderSecret(): string {
  return (globalForRender.__rtRenderSecret ??= crypto.randomBytes(24).toString("base64url"));
}

export async function renderPage(serverOrigin: string, path: string): Promise<RenderResult> {
  const response = await fetch(new URL(path, serverOrigin), {
    headers: { [RENDER_HEADER]: renderSecret(), accept: "text/html" },
    redirect: "manual",
    cache: "no-store",
  });
  if (response.status !== 200 || !(response.headers.get("content-type") ?? "").startsWith("text/html")) return { response };
  const html = withoutNonces(await response.text());
  return { page: { html, body: new TextEncoder().encode(html), contentSecurityPolicy: contentSecurityPolicy({ hashes: inlineScriptHashes(html) }, policyOptions()), etag: entityTag(html) } };
}
