// Public pages stay the same size however much data there is: the overview and /missed show the
// first of a long list, count all of it, and link to the rest (the benchmarks found these lists
// made pages of 700 KiB at 10,000 commitments). The seed is copied 30 times, with deadlines
// moved, to make the lists long.
import { describe, it, expect, beforeAll, vi } from "vitest";
import { connect } from "../../src/runtime/connect";
import { useTestDatabase } from "../helpers/test-database";
import type { Db } from "../../src/server/db";

const state = vi.hoisted(() => ({ db: undefined as unknown as Db }));
vi.mock("next/cache", () => ({ unstable_cache: (fn: unknown) => fn, revalidateTag: () => {} }));
vi.mock("../../src/server/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/server/db")>()),
  getDb: () => state.db,
}));

const { publicData } = await import("../../src/server/public-data");
const { loadOverviewPage, loadMissedPage, upcomingFilters, UPCOMING_SHOWN, MISSED_SHOWN, MOVES_PAGE_SIZE } =
  await import("../../src/server/public-pages");

const COPIES = 30;
const AS_OF = "2026-11-21";
const database = useTestDatabase();

beforeAll(async () => {
  const db = await database.get();
  state.db = db.db;
  const client = await connect(db.url);
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO commitment (slug, area_id, lead_organisation_id, title, summary, announced_on, announced_in_id)
       SELECT c.slug || '-copy-' || g, c.area_id, c.lead_organisation_id, c.title || ' (copy ' || g || ')', c.summary, c.announced_on, c.announced_in_id
       FROM commitment c CROSS JOIN generate_series(1, $1::int) g WHERE c.slug NOT LIKE '%-copy-%'`,
      [COPIES],
    );
    const copyOf = `JOIN commitment copy ON copy.slug LIKE c.slug || '-copy-%'`;
    await client.query(
      `INSERT INTO commitment_owner (commitment_id, organisation_id) SELECT copy.id, co.organisation_id FROM commitment_owner co JOIN commitment c ON c.id = co.commitment_id ${copyOf}`,
    );
    await client.query(
      `INSERT INTO deadline_revision (commitment_id, label, precision, due_date, reason, source_id, effective_on)
       SELECT copy.id, d.label, d.precision, d.due_date, d.reason, d.source_id, d.effective_on
       FROM deadline_revision d JOIN commitment c ON c.id = d.commitment_id ${copyOf} ORDER BY d.effective_on, d.id`,
    );
    await client.query(
      `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on)
       SELECT copy.id, u.status, u.note, u.source_id, u.confirmed_on
       FROM status_update u JOIN commitment c ON c.id = u.commitment_id ${copyOf} ORDER BY u.confirmed_on, u.id`,
    );
    // The seed moves no deadline; in every other copy each dated commitment has its deadline moved once.
    await client.query(
      `INSERT INTO deadline_revision (commitment_id, label, precision, due_date, reason, source_id, effective_on)
       SELECT DISTINCT ON (d.commitment_id) d.commitment_id, 'March 2027', 'month', DATE '2027-03-31', 'Moved for this test', d.source_id, DATE '2026-10-01'
       FROM deadline_revision d JOIN commitment c ON c.id = d.commitment_id
       WHERE substring(c.slug from '-copy-([0-9]+)$')::int % 2 = 0 AND d.due_date IS NOT NULL AND d.effective_on < DATE '2026-10-01'
       ORDER BY d.commitment_id, d.effective_on DESC`,
    );
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
});

describe("the overview's upcoming deadlines", () => {
  it("shows the soonest few and counts them all", async () => {
    const asOf = "2026-12-01";
    const all = await publicData.listCommitments(upcomingFilters(asOf), "all");
    expect(all.total).toBeGreaterThan(UPCOMING_SHOWN);
    const data = await loadOverviewPage({ as_of: asOf });
    expect(data.upcomingTotal).toBe(all.total);
    expect(data.upcoming.map((c) => c.slug)).toEqual(all.items.slice(0, UPCOMING_SHOWN).map((c) => c.slug));
  });
});

describe("/missed", () => {
  it("shows the most overdue and counts them all", async () => {
    const all = await publicData.listCommitments({ asOf: AS_OF, overdue: true, sort: "overdue" }, "all");
    expect(all.total).toBeGreaterThan(MISSED_SHOWN);
    const data = await loadMissedPage({ as_of: AS_OF });
    expect(data.missedTotal).toBe(all.total);
    expect(data.missed).toHaveLength(MISSED_SHOWN);
    expect(data.missed.map((c) => c.daysOverdue)).toEqual(all.items.slice(0, MISSED_SHOWN).map((c) => c.daysOverdue));
  });

  it("pages through every moved deadline, newest first, each once", async () => {
    const first = await loadMissedPage({ as_of: AS_OF });
    expect(first.movesTotal).toBeGreaterThan(MOVES_PAGE_SIZE);
    expect(first.moves).toHaveLength(MOVES_PAGE_SIZE);
    const seen = [...first.moves];
    for (let page = 2; page <= first.pageCount; page++) seen.push(...(await loadMissedPage({ as_of: AS_OF, page: String(page) })).moves);
    expect(seen).toHaveLength(first.movesTotal);
    expect(new Set(seen.map((m) => m.id)).size).toBe(first.movesTotal);
    const dates = seen.map((m) => m.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("says when a page of moved deadlines does not exist, and points the error at that list", async () => {
    const past = await loadMissedPage({ as_of: AS_OF, page: "999" });
    expect(past.pastLastPage).toBe(true);
    expect(past.moves).toEqual([]);
    const bad = await loadMissedPage({ as_of: AS_OF, page: "first" });
    expect(bad.errors.map((e) => e.href)).toEqual(["#moved"]);
  });
});
