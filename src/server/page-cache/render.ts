// Renders a page or API answer for the cache by asking this same server for it, marked with a
// per-process secret so that src/proxy.ts lets it through to the normal per-request render
// (rather than sending it back to the cache). It comes back exactly as a reader would get it
// uncached. A page is kept without its scripts (see html.ts), with a policy that allows none;
// API answers and feeds with their own headers (ETag, Cache-Control, CORS, Link).
import { contentSecurityPolicy, policyOptions } from "../content-security-policy";
import { entityTag, withoutScripts } from "./html";
import type { RenderResult } from "../freshness/page-store";
import type { CacheKind } from "./routing";
import { SECURITY_HEADER_NAMES } from "../security-headers";
import {
  IMMUTABLE_CACHE_CONTROL,
  IMMUTABLE_PAGE_META,
  OPEN_DATA_VARY,
  PAGE_CACHE_CONTROL,
  RENDER_HEADER,
  RENDER_HOST_HEADER,
  renderSecret,
  surrogateHeaders,
} from "../http";

// The same URL answers Next's client router with something other than this HTML.
const PAGE_VARY = "RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch";
/**
 * Headers that describe one connection or one send, not the response to keep; and the security
 * headers, which are set afresh on every response (kept, they would be sent twice).
 */
const NOT_KEPT = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "date",
  "content-length",
  "content-encoding",
  "set-cookie",
  ...SECURITY_HEADER_NAMES,
]);

/** Who asked: what absolute links in API answers and feeds are built from (see publicOrigin). */
export type Client = { host: string | null; proto: string | null };

/** `keys`: what the answer depends on (src/server/freshness/keys.ts), told to a CDN in its headers. */
export async function renderPage(serverOrigin: string, url: string, kind: CacheKind, client: Client, keys: readonly string[]): Promise<RenderResult> {
  // identity: the answer goes straight into memory, so having Next.js gzip it and fetch unzip it
  // again is only work (the fast path gzips each entry once, when a reader asks for it).
  const headers: Record<string, string> = {
    [RENDER_HEADER]: renderSecret(),
    accept: kind === "page" ? "text/html" : "*/*",
    "accept-encoding": "identity",
  };
  if (client.host) headers[RENDER_HOST_HEADER] = client.host;
  if (client.proto) headers["x-forwarded-proto"] = client.proto;
  const response = await renderFetch(new URL(url, serverOrigin), headers);
  const type = response.headers.get("content-type") ?? "";
  if (response.status !== 200) return { response };
  if (kind === "data") {
    const body = new Uint8Array(await response.arrayBuffer());
    const etag = response.headers.get("etag") ?? entityTag(new TextDecoder().decode(body));
    // Vary: what the answer depends on, not the headers Next.js adds for its client router.
    const immutable = response.headers.get("cache-control") === IMMUTABLE_CACHE_CONTROL;
    const kept = immutable ? [] : keys;
    const headers = { ...keptHeaders(response.headers), ...surrogateHeaders(kept), etag, vary: OPEN_DATA_VARY };
    return { page: { body, headers, etag, keys: kept } };
  }
  if (!type.startsWith("text/html")) return { response };
  const html = withoutScripts(await response.text());
  const etag = entityTag(html);
  const immutable = isImmutablePage(html);
  const pageHeaders = {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": contentSecurityPolicy({ none: true }, policyOptions()),
    "cache-control": immutable ? IMMUTABLE_CACHE_CONTROL : PAGE_CACHE_CONTROL,
    ...surrogateHeaders(immutable ? [] : keys),
    etag,
    vary: PAGE_VARY,
  };
  return { page: { body: new TextEncoder().encode(html), headers: pageHeaders, etag, keys: immutable ? [] : keys } };
}

/** True for a page that marks its record as never changing again (see IMMUTABLE_PAGE_META). */
function isImmutablePage(html: string): boolean {
  return new RegExp(`<meta name="${IMMUTABLE_PAGE_META}" content="immutable"`).test(html);
}

/** A response's headers without those that describe one connection or one send. */
export function keptHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!NOT_KEPT.has(name)) kept[name] = value;
  });
  return kept;
}

/**
 * The render's GET to this process's own internal port. A kept-alive connection the server has
 * just closed (as it does while shutting down) fails with "other side closed" before any answer;
 * the GET changes nothing, so it is sent once more on a new connection.
 */
async function renderFetch(url: URL, headers: Record<string, string>): Promise<Response> {
  const send = () => fetch(url, { headers, redirect: "manual", cache: "no-store" });
  try {
    return await send();
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code !== "UND_ERR_SOCKET" && code !== "ECONNRESET") throw error;
    return send();
  }
}
