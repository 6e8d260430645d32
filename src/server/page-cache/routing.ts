// Which requests the whole-response cache answers: GET or HEAD of a public page, the JSON API or
// the Atom and iCalendar feeds (site-wide, and those of one area, organisation or commitment), with or without a query string (filters, as-of dates, paging: each URL is its own entry),
// pages asked for as documents (not React Server Components requests from Next's client router).
// Editor pages, sign-in and the (large, streamed) downloads are not cached here.
// No framework imports: src/proxy.ts calls this on every request, and it is unit-tested.
import { SLUG_SOURCE } from "../../schemas/common";

const LIST_PAGES = new Set(["/", "/commitments", "/timeline", "/missed", "/changes", "/areas", "/organisations", "/data", "/methodology"]);
const DETAIL_PAGE = new RegExp(`^/(?:commitments|areas|organisations)/${SLUG_SOURCE}$`);
const DATA = new RegExp(
  `^/api/v1/[a-z0-9./-]*$|^/changes\\.atom$|^/deadlines\\.ics$|^/commitments/${SLUG_SOURCE}/changes\\.atom$|^/(?:areas|organisations)/${SLUG_SOURCE}/(?:changes\\.atom|deadlines\\.ics)$`,
);
const MAX_PATH_LENGTH = 160;
/** Longer queries (nobody types them; someone probing might) are rendered but not kept. */
const MAX_SEARCH_LENGTH = 400;

/** Headers Next's client router sends; their answers are not the HTML document. */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];

export type CacheableRequest = { method: string; pathname: string; search: string; headers: { has(name: string): boolean } };

export type CacheKind = "page" | "data";

/** "page" for a public HTML page, "data" for the JSON API and the feeds, null for everything else. */
export function cacheKind(request: CacheableRequest): CacheKind | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (request.search.length > MAX_SEARCH_LENGTH || request.pathname.length > MAX_PATH_LENGTH) return null;
  if (DATA.test(request.pathname)) return "data";
  if (ROUTER_HEADERS.some((name) => request.headers.has(name))) return null;
  return LIST_PAGES.has(request.pathname) || DETAIL_PAGE.test(request.pathname) ? "page" : null;
}

const DETAIL_PATH = /^\/(?:commitments|areas|organisations)\/[^/]+$/;
/** Longer slugs are refused by the schemas (src/schemas/common.ts slugSchema). */
const MAX_SLUG_LENGTH = 120;

/**
 * True for a commitment, area or organisation address whose slug no record can have (not
 * lower-case words and hyphens, or too long): it is not found without asking the database.
 */
export function isImpossibleDetailPath(pathname: string): boolean {
  if (!DETAIL_PATH.test(pathname)) return false;
  const slug = pathname.slice(pathname.lastIndexOf("/") + 1);
  return !DETAIL_PAGE.test(pathname) || slug.length > MAX_SLUG_LENGTH;
}

/**
 * The store's key for a cacheable request. API answers and feeds hold absolute links built from
 * the Host the reader used, so they are kept per host (and scheme); pages are shared by all.
 */
export function cacheKey(kind: CacheKind, url: string, host: string | null, proto: string | null): string {
  // Next.js fills in X-Forwarded-Proto ("http" here) before its proxy runs when a client sent none.
  const scheme = proto?.split(",")[0]?.trim().toLowerCase() || "http";
  return kind === "page" ? url : `${host ?? ""} ${scheme} ${url}`;
}
