/** Which page numbers to show: first, last, and the current page with its neighbours. */
function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === "number" && p - last > 1) out.push("gap");
    out.push(p);
  }
  return out;
}

/** GOV.UK pagination: previous and next links with numbered pages between. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  label = "Pagination",
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  const linkClass = "inline-block px-3 py-2 font-bold";
  return (
    <nav aria-label={label} className="my-8">
      <ul className="flex flex-wrap items-center gap-1">
        {page > 1 && (
          <li>
            <a href={hrefFor(Math.min(page - 1, pageCount))} rel="prev" className={linkClass}>
              <span aria-hidden="true">‹ </span>Previous<span className="sr-only"> page</span>
            </a>
          </li>
        )}
        {pageWindow(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-2">
              …
            </li>
          ) : p === page ? (
            <li key={p}>
              <a href={hrefFor(p)} aria-current="page" className={`${linkClass} bg-brand text-white! no-underline`}>
                <span className="sr-only">Page </span>
                {p}
              </a>
            </li>
          ) : (
            <li key={p}>
              <a href={hrefFor(p)} className={linkClass}>
                <span className="sr-only">Page </span>
                {p}
              </a>
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <a href={hrefFor(page + 1)} rel="next" className={linkClass}>
              Next<span className="sr-only"> page</span>
              <span aria-hidden="true"> ›</span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/**
 * Said instead of a list when the address asks for a page past the end: "There is no page 9:
 * there are 3 pages. Go to the first page". `of` names the list when a page has more than one.
 */
export function NoSuchPage({ page, pageCount, of, firstPageHref }: { page: number; pageCount: number; of?: string; firstPageHref: string }) {
  return (
    <p className="mb-8">
      There is no page {page}
      {of ? ` of ${of}` : ""}: there {pageCount === 1 ? "is 1 page" : `are ${pageCount} pages`}. <a href={firstPageHref}>Go to the first page</a>
    </p>
  );
}

/** ". Showing 26 to 50." (with "of N" when asked), or "." when there is nothing to show on this page. */
export function showing(
  { total, pastLastPage, shownFrom, shownTo }: { total: number; pastLastPage: boolean; shownFrom: number; shownTo: number },
  withTotal = false,
): string {
  if (total === 0 || pastLastPage) return ".";
  return `. Showing ${shownFrom} to ${shownTo}${withTotal ? ` of ${total.toLocaleString("en-GB")}` : ""}.`;
}
