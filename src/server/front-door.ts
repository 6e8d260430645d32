// The first look at every request, before any route: requests no route should ever see are
// refused here with a clear 4xx (and every security header), never a 5xx. Used by the production
// server (scripts/server/serve.ts), which sees the raw request target, and by src/proxy.ts, so
// `next start` and `next dev` refuse the same. Also where the client's address is settled: the
// production server resolves it from the connection (and X-Forwarded-For only from a trusted
// proxy, TRUSTED_PROXIES) and hands it on in a header of its own that no client can set. No
// framework imports.
import { parseAddress } from "../domain/network";
import { IMPORT_TOO_LARGE } from "../schemas/editor";
import { isDataPath, securityHeaders } from "./security-headers";
import { PLAIN_PAGE_POLICY, plainPage } from "./plain-page";
import { singleton } from "../runtime/singleton";

/** Server actions (the import form's file included) may send this much; Next's own limit (next.config.ts) is the same. */
export const ACTION_BODY_LIMIT_BYTES = 2 * 1024 * 1024;
/** Sign-in forms are tiny: anything bigger is not one. */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

export type Refusal = { status: 400 | 401 | 403 | 404 | 405 | 413; title: string; detail: string; allow?: string };

type Incoming = {
  method: string;
  /** The request target as sent: a path and query (origin-form) is all we answer. */
  target: string;
  host: string | undefined;
  origin: string | undefined;
  contentLength: string | undefined;
};

/** A form (server action) over ACTION_BODY_LIMIT_BYTES, by its Content-Length or as read (scripts/server/serve.ts). */
export const ACTION_TOO_LARGE: Refusal = { status: 413, title: "Content Too Large", detail: `What you sent is too large. ${IMPORT_TOO_LARGE}.` };

const METHODS = new Set(["GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE"]);

/** A Host header a browser could send: a name or an address, and a port from 1 to 65535. */
function isValidHost(host: string | undefined): boolean {
  if (!host) return false;
  const match = host.match(/^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/);
  if (!match) return false;
  const [, name, port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return false;
  if (name!.startsWith("[")) return parseAddress(name!)?.family === 6;
  return /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i.test(name!);
}

/** True when the target, decoded or not, holds U+0000 (PostgreSQL text cannot, and no real link does). */
function hasNul(target: string): boolean {
  if (target.includes("\u0000")) return true;
  return /%00/i.test(target);
}

const pathOf = (target: string) => target.split("?")[0]!;

/** Why the request is refused, or null to let it through. */
export function refusal(request: Incoming): Refusal | null {
  const method = request.method.toUpperCase();
  if (!METHODS.has(method))
    return { status: 405, title: "Method Not Allowed", detail: `${method} is not supported here.`, allow: "GET, HEAD, POST, OPTIONS" };
  if (!request.target.startsWith("/"))
    return { status: 400, title: "Bad Request", detail: "The request must name a path on this site, such as /commitments." };
  if (!isValidHost(request.host))
    return { status: 400, title: "Bad Request", detail: "The Host header is missing or is not a valid host name and port." };
  if (hasNul(request.target))
    return { status: 400, title: "Bad Request", detail: "The address contains an invisible control character (U+0000). Check it and try again." };
  const path = pathOf(request.target);
  if (method === "POST") {
    const length = Number(request.contentLength ?? 0);
    const auth = path.startsWith("/api/auth/");
    if (auth && length > AUTH_BODY_LIMIT_BYTES) return { status: 413, title: "Content Too Large", detail: "A sign-in form is never this large." };
    if (!isDataPath(path) && length > ACTION_BODY_LIMIT_BYTES) return ACTION_TOO_LARGE;
    // Forms of the editor (server actions) only from this site's own pages; sign-in forms, if an Origin is sent, likewise.
    if (!isDataPath(path) || (auth && request.origin !== undefined)) {
      if (!sameOrigin(request.origin, request.host))
        return {
          status: 403,
          title: "Forbidden",
          detail: "This form was not sent from a page of this site, so it was refused. Go back to the tracker's page and send it again.",
        };
    }
  }
  return null;
}

/** The Origin header names the same host and port the request was sent to. */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host || origin === "null") return false;
  try {
    return new URL(origin).host.toLowerCase() === new URL(`http://${host}`).host.toLowerCase();
  } catch {
    return false;
  }
}

/** The refusal as an answer: problem details for data paths, a short page otherwise; never cached, with every security header. */
export function refusalResponse(refused: Refusal, target: string): { status: number; headers: Record<string, string>; body: string } {
  const path = target.startsWith("/") ? pathOf(target) : "/";
  const headers: Record<string, string> = {
    ...securityHeaders(path),
    "Cache-Control": "no-store",
    ...(refused.allow ? { Allow: refused.allow } : {}),
  };
  if (isDataPath(path)) {
    const problem = { type: "about:blank", title: refused.title, status: refused.status, detail: refused.detail };
    return { status: refused.status, headers: { ...headers, "Content-Type": "application/problem+json" }, body: JSON.stringify(problem) };
  }
  return {
    status: refused.status,
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": PLAIN_PAGE_POLICY },
    body: plainPage(refused.title, refused.title, [refused.detail]),
  };
}

/** The header in which the production server hands the client's address to the app. */
export const CLIENT_ADDRESS_HEADER = "x-roadmap-tracker-client-address";

const frontDoor = singleton("front-door", () => ({ setsClientAddress: false }));

/** Called by the production server: from now on, CLIENT_ADDRESS_HEADER is its own (it overwrites whatever a client sent). */
export function frontDoorSetsClientAddress(): void {
  frontDoor.setsClientAddress = true;
}

/**
 * The client's address for the throttle and the audit log: what the production server resolved,
 * or "unknown" when the app runs without it (`next start`, `next dev`), where the header could
 * have come from anyone.
 */
export function clientAddressOf(headers: { get(name: string): string | null } | Record<string, string | string[] | undefined>): string {
  if (!frontDoor.setsClientAddress) return "unknown";
  const raw =
    typeof headers.get === "function"
      ? (headers as { get(name: string): string | null }).get(CLIENT_ADDRESS_HEADER)
      : (headers as Record<string, unknown>)[CLIENT_ADDRESS_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === "string" && value.length > 0 && value.length <= 64 ? value : "unknown";
}
