// HTTP conventions shared by every open-data response (API, downloads, feed, calendar): caching
// headers, validators (ETag) with conditional GET, CORS for GET from any origin, and errors as
// RFC 9457 problem details. See docs/decisions/0005-open-data.md.
import crypto from "node:crypto";
import { CORS_HEADERS, etagMatches, isOpenDataPath, OPEN_DATA_VARY, PUBLIC_CACHE_CONTROL, REPRESENTATION_HEADERS, requestOrigin } from "../http";
import { problemSchema, type Problem } from "../../schemas/api";
import type { FieldError } from "../../schemas/errors";
import { logFor } from "../log";

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
