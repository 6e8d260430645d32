// HTTP conventions shared by every open-data response (API, downloads, feed, calendar): caching
// headers, validators (ETag) with conditional GET, CORS for GET from any origin, and errors as
// RFC 9457 problem details. See docs/decisions/0005-open-data.md.
import crypto from "node:crypto";
import { appConfig } from "../../runtime/env";
import { CORS_HEADERS, isOpenDataPath, OPEN_DATA_VARY, REPRESENTATION_HEADERS } from "../http-headers";
import { problemSchema, type Problem } from "../../schemas/api";
import { RENDER_HEADER, RENDER_HOST_HEADER, renderSecret } from "../page-cache/render";
import type { FieldError } from "../../schemas/errors";
import { logFor } from "../log";

/**
 * Browsers may reuse a response for a minute and shared caches (CDNs) for five; a shared cache
 * may serve a stale copy for ten more minutes while it refetches, or for a day if we are down.
 * Publishing a change expires the server-side data cache at once (PUBLIC_DATA_TAG).
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400";
/**
 * An answer at a record version the reader chose (version=, or recorded_on= a day that has
 * ended): nothing published later changes it (docs/decisions/0009-record-versions.md).
 */
export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, s-maxage=31536000, immutable";
/** Errors are cacheable too, but only briefly: a missing commitment may be published soon. */
const ERROR_CACHE_CONTROL = "public, max-age=60, s-maxage=60";

/** The open data is read-only: every URL of it answers these methods, and 405 to any other. */
export const ALLOWED_METHODS = "GET, HEAD, OPTIONS";

/** The answer to a CORS preflight: GET, HEAD and OPTIONS from anywhere, with conditional requests. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": ALLOWED_METHODS,
      "Access-Control-Allow-Headers": "Accept, If-None-Match, If-Modified-Since, Cache-Control",
      "Access-Control-Max-Age": "86400",
      Allow: ALLOWED_METHODS,
      "Cache-Control": "public, max-age=86400",
    },
  });
}

/**
 * 405 for POST, PUT, DELETE… on the open data (RFC 9110 §15.5.6): with Allow, as a problem (RFC
 * 9457; "about:blank": the status says it all) and with CORS, so a browser script can read why.
 */
export function methodNotAllowed(request: Request): Response {
  const body = JSON.stringify({
    type: "about:blank",
    title: "Method Not Allowed",
    status: 405,
    detail: `${request.method} is not allowed: the open data is read-only. Use GET or HEAD (OPTIONS answers CORS preflights).`,
    instance: new URL(request.url).pathname,
  });
  return new Response(body, {
    status: 405,
    headers: { ...CORS_HEADERS, Allow: ALLOWED_METHODS, "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
  });
}

/**
 * The permanent redirect of a URL with a trailing slash to the one without, with CORS for the open
 * data. The Location is absolute on the request's origin, which Next.js sends on as a relative one.
 */
export function trailingSlashRedirect(url: { pathname: string; search: string; origin: string }): Response | null {
  const { pathname, search } = url;
  if (pathname.length < 2 || !pathname.endsWith("/")) return null;
  const target = pathname.replace(/\/+$/, "") || "/";
  const headers: Record<string, string> = { Location: new URL(`${target}${search}`, url.origin).toString() };
  return new Response(null, { status: 308, headers: isOpenDataPath(target) ? { ...CORS_HEADERS, ...headers } : headers });
}

/** A strong validator: the SHA-256 of the exact bytes sent. */
function strongEtag(body: string | Uint8Array): string {
  return `"${crypto.createHash("sha256").update(body).digest("base64url")}"`;
}

/** A weak validator for streamed bodies: a hash of everything the body is made from. */
export function weakEtag(parts: readonly string[]): string {
  return `W/"${crypto.createHash("sha256").update(parts.join("\u0000")).digest("base64url")}"`;
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/"x" matches "x". */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const wanted = opaque(etag);
  return (ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === wanted);
}

function baseHeaders(etag: string, cacheControl: string, contentType: string, extra?: Record<string, string>): Headers {
  const headers = new Headers({
    ...CORS_HEADERS,
    ETag: etag,
    "Cache-Control": cacheControl,
    "Content-Type": contentType,
    Vary: OPEN_DATA_VARY,
    "X-Content-Type-Options": "nosniff",
  });
  for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value);
  return headers;
}

function notModified(headers: Headers): Response {
  for (const name of REPRESENTATION_HEADERS) headers.delete(name);
  return new Response(null, { status: 304, headers });
}

export type SendOptions = { status?: number; contentType?: string; cacheControl?: string; headers?: Record<string, string> };

/** Sends a complete text body with a strong ETag; answers 304 when the client already has it. */
export function sendText(request: Request, body: string, options: SendOptions & { contentType: string }): Response {
  const status = options.status ?? 200;
  const etag = strongEtag(body);
  const headers = baseHeaders(
    etag,
    options.cacheControl ?? (status < 400 ? PUBLIC_CACHE_CONTROL : ERROR_CACHE_CONTROL),
    options.contentType,
    options.headers,
  );
  if (status === 200 && etagMatches(request.headers.get("if-none-match"), etag)) return notModified(headers);
  return new Response(body, { status, headers });
}

export function sendJson(request: Request, body: unknown, options: SendOptions = {}): Response {
  return sendText(request, JSON.stringify(body), { ...options, contentType: options.contentType ?? "application/json" });
}

/** Sends a streamed body. Its ETag must come from what the body is built from (see weakEtag). */
export function sendStream(
  request: Request,
  open: () => ReadableStream<Uint8Array>,
  options: { etag: string; contentType: string; filename?: string; cacheControl?: string },
): Response {
  const extra: Record<string, string> = options.filename ? { "Content-Disposition": `attachment; filename="${options.filename}"` } : {};
  const headers = baseHeaders(options.etag, options.cacheControl ?? PUBLIC_CACHE_CONTROL, options.contentType, extra);
  if (etagMatches(request.headers.get("if-none-match"), options.etag)) return notModified(headers);
  return new Response(open(), { status: 200, headers });
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The site's public address for text on pages (citations, the API's base address): SITE_URL, or
 * else NEXTAUTH_URL (whose default is http://localhost:$PORT). Pages do not read the Host header: they are
 * cached whole and shared by every reader (src/server/page-cache).
 */
export function siteOrigin(): string {
  const env = appConfig();
  return env.siteOrigin ?? new URL(env.NEXTAUTH_URL).origin;
}

/**
 * The public origin for absolute links (API links, CSV urls, feeds, calendar): SITE_URL when the
 * operator sets it (do, behind a proxy or CDN), otherwise the Host header the client sent, with
 * X-Forwarded-Proto for the scheme. X-Forwarded-Host is not trusted: a cache that does not key
 * on it could be poisoned with links to another site. (Next's request.url carries the address
 * the server listens on, not the one the client used, so it is only the last resort.)
 */
export function publicOrigin(headers: { get(name: string): string | null }, fallback: string): string {
  const configured = appConfig().siteOrigin;
  if (configured) return configured;
  const fallbackUrl = new URL(fallback);
  // A render for the response cache carries the reader's Host in its own header (fetch cannot set Host).
  const forCache = headers.get(RENDER_HEADER) === renderSecret();
  const host = ((forCache ? headers.get(RENDER_HOST_HEADER) : null) ?? headers.get("host"))?.trim();
  const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : fallbackUrl.protocol.replace(":", "");
  return host && HOST.test(host) ? `${proto}://${host.toLowerCase()}` : `${proto}://${fallbackUrl.host}`;
}

/** The public origin of a route handler's request. */
export function requestOrigin(request: Request): string {
  return publicOrigin(request.headers, request.url);
}

const PROBLEM_TYPES = {
  invalidParameters: { slug: "invalid-parameters", title: "Your request parameters are not valid", status: 400 },
  notFound: { slug: "not-found", title: "Not found", status: 404 },
  gone: { slug: "gone", title: "Removed from the tracker", status: 410 },
  unavailable: { slug: "unavailable", title: "The data is unavailable right now", status: 503 },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

/** The documentation anchor of a problem type, on the /data page. */
const problemTypeUri = (origin: string, type: ProblemType) => `${origin}/data#problem-${PROBLEM_TYPES[type].slug}`;

/** An RFC 9457 problem details response (application/problem+json). */
export function sendProblem(request: Request, type: ProblemType, detail: string, errors?: FieldError[]): Response {
  const url = new URL(request.url);
  const problem: Problem = problemSchema.parse({
    type: problemTypeUri(requestOrigin(request), type),
    title: PROBLEM_TYPES[type].title,
    status: PROBLEM_TYPES[type].status,
    detail,
    instance: `${url.pathname}${url.search}`,
    ...(errors?.length ? { errors: errors.map((e) => ({ parameter: e.field, detail: e.message })) } : {}),
  });
  return sendJson(request, problem, { status: problem.status, contentType: "application/problem+json" });
}

/** 400 naming every bad parameter. */
export function invalidParameters(request: Request, errors: FieldError[]): Response {
  const names = [...new Set(errors.map((e) => e.field))];
  return sendProblem(
    request,
    "invalidParameters",
    `Check ${names.length === 1 ? "this parameter" : "these parameters"}: ${names.join(", ")}.`,
    errors,
  );
}

/**
 * Runs a handler; an unexpected failure (such as the database being down) becomes a 503
 * problem rather than an HTML error page. Bad input never gets here: handlers answer it with 400.
 */
export async function withProblems(request: Request, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    logFor("open-data").error({ err: error, method: request.method, path: new URL(request.url).pathname }, "an open-data request failed");
    const response = sendProblem(request, "unavailable", "Something went wrong reading the data. Try again in a minute.");
    response.headers.set("Cache-Control", "no-store");
    response.headers.set("Retry-After", "60");
    return response;
  }
}

/** An RFC 8288 Link header from a list's page links, so clients can page without reading the body. */
export function linkHeader(links: Partial<Record<"first" | "prev" | "next" | "last", string | null>>, describedBy?: string): string {
  const parts = (["first", "prev", "next", "last"] as const).flatMap((rel) => (links[rel] ? [`<${links[rel]}>; rel="${rel}"`] : []));
  if (describedBy) parts.push(`<${describedBy}>; rel="describedby"; type="application/vnd.oai.openapi+json"`);
  return parts.join(", ");
}
