import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { paging } from "../../src/server/page-result";

describe("paging", () => {
  it("says which items a page shows, how many pages there are, and whether the page is past the end", () => {
    expect(paging(1, 25, 60)).toEqual({ page: 1, pageSize: 25, pageCount: 3, pastLastPage: false, shownFrom: 1, shownTo: 25 });
    expect(paging(3, 25, 60)).toMatchObject({ shownFrom: 51, shownTo: 60, pastLastPage: false });
    expect(paging(4, 25, 60)).toMatchObject({ pageCount: 3, pastLastPage: true });
    // An empty list still has one (empty) page.
    expect(paging(1, 25, 0)).toMatchObject({ pageCount: 1, pastLastPage: false });
  });

  it("covers every item exactly once across its pages", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 100 }), (total, size) => {
        const { pageCount } = paging(1, size, total);
        let seen = 0;
        for (let page = 1; page <= pageCount; page++) {
          const p = paging(page, size, total);
          if (total > 0) expect(p.shownFrom).toBe(seen + 1);
          seen = Math.max(seen, p.shownTo);
        }
        expect(seen).toBe(total);
      }),
    );
  });
});
