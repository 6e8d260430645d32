// The dependency keys of cached answers and of publishes (docs/decisions/0013). A publish names
// the keys its rows touch (the database's triggers, migration 20261210000000_freshness); a cached
// answer is dropped when a publish names any key it depends on. No framework imports.
//
//   commitment:<slug>    the commitment's page and API answer
//   area:<slug>          the area's page (it lists the area's commitments)
//   organisation:<slug>  the organisation's page
//   lists                every list, count, search, feed and overview (any commitment's change)
//   shared               area and organisation names and sources, shown on every page
//   removed, corrections the 410 answers and /corrections
const LISTS = "lists";
const SHARED = "shared";
export const REMOVED = "removed";

const DETAIL = /^\/(?:api\/v1\/)?(commitments|areas|organisations)\/([a-z0-9-]+)(?:\/|$)/;
const SINGULAR = { commitments: "commitment", areas: "area", organisations: "organisation" } as const;

/** What the answer at `pathname` depends on: one record's key, or the lists; and the shared names. */
export function answerKeys(pathname: string): string[] {
  const detail = DETAIL.exec(pathname);
  if (!detail) return [LISTS, SHARED];
  return [`${SINGULAR[detail[1] as keyof typeof SINGULAR]}:${detail[2]}`, SHARED];
}

/** Keys as sent by NOTIFY and kept in roadmap_tracker.touched: separated by spaces. */
export function parseKeys(text: string | null | undefined): string[] {
  return [...new Set((text ?? "").split(/\s+/).filter(Boolean))];
}
