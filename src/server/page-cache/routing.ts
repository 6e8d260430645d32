// Which requests the whole-page cache answers: GET or HEAD of a public page, with or without a
// query string (filters, as-of dates, paging: each URL is its own page), asked for as a document
// (not a React Server Components request from Next's client router). Editor pages, the API,
// feeds and downloads are not pages of this cache.
// No framework imports: src/proxy.ts calls this on every request, and it is unit-tested.

const LIST_PAGES = new Set(["/", "/commitments", "/missed", "/changes", "/areas", "/organisations", "/data", "/methodology"]);
const DETAIL_PAGE = /^\/(?:commitments|areas|organisations)\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_PATH_LENGTH = 160;
/** Longer queries (nobody types them; someone probing might) are rendered but not kept. */
const MAX_SEARCH_LENGTH = 400;

/** Headers Next's client router sends; their answers are not the HTML document. */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];

export type CacheableRequest = { method: string; pathname: string; search: string; headers: { has(name: string): boolean } };

export function isCacheablePage(request: CacheableRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.search.length > MAX_SEARCH_LENGTH || request.pathname.length > MAX_PATH_LENGTH) return false;
  if (ROUTER_HEADERS.some((name) => request.headers.has(name))) return false;
  return LIST_PAGES.has(request.pathname) || DETAIL_PAGE.test(request.pathname);
}
