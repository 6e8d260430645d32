// What every page loader returns (the public pages' in src/server/public-pages.ts, the editor's
// in src/server/editor/pages.ts), so every page handles it the same way:
//
//   const data = await loadXPage(…);
//   if (data.kind === "not-found") notFound();
//
// A page whose loader cannot answer "not found" (a list) gets only Found. Bad GET parameters are
// not a kind: the page still renders, with the problems in `errors` and the rest applied.

export type Found<T> = { kind: "found" } & T;
export type NotFound = { kind: "not-found" };

export const NOT_FOUND: NotFound = { kind: "not-found" };

export function found<T extends object>(data: T): Found<T> {
  return { kind: "found", ...data };
}

/** Where a page of a long list is: its number, how many pages there are, and which items it shows (1-based). */
export type Paging = { page: number; pageSize: number; pageCount: number; pastLastPage: boolean; shownFrom: number; shownTo: number };

export function paging(page: number, pageSize: number, total: number): Paging {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return {
    page,
    pageSize,
    pageCount,
    pastLastPage: page > pageCount,
    shownFrom: (page - 1) * pageSize + 1,
    shownTo: Math.min(total, page * pageSize),
  };
}
