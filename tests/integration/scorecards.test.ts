// Department scorecards against the real seeded database, with a delivery on time, one late and a
// missed deadline moved added: the grouped query's counts equal the domain's rules applied to each
// commitment the organisation leads (as the pages list them, and as the API gives them) for the
// same as-of date and version; the leads add up; the CSV downloads hold exactly what the pages show.
import { describe, it, expect, beforeAll, vi } from "vitest";
import type pg from "pg";
import { parse } from "csv-parse/sync";
import { connect } from "../../src/runtime/connect";
import { useTestDatabase } from "../helpers/test-database";
import { call } from "../helpers/open-data-contract";
import type { Db } from "../../src/server/db";
import type { ApiCommitment } from "../../src/schemas/api";

const state = vi.hoisted(() => ({ db: undefined as unknown as Db }));

vi.mock("next/cache", () => ({ unstable_cache: (fn: unknown) => fn, revalidateTag: () => {} }));
vi.mock("../../src/server/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/server/db")>()),
  getDb: () => state.db,
}));

const { loadOrganisationsPage, loadOrganisationPage, loadCommitmentsPage } = await import("../../src/server/public-pages");
const { publicData } = await import("../../src/server/public-data");
const { SCORECARD_MEASURES, scorecardFacts, tallyScorecard } = await import("../../src/domain/scorecard");
const { todayIso } = await import("../../src/domain/dates");
const scorecardsRoute = await import("../../src/app/data/scorecards.csv/route");
const commitmentsCsvRoute = await import("../../src/app/data/commitments.csv/route");
const commitmentsApi = await import("../../src/app/api/v1/commitments/route");

const database = useTestDatabase();
let client: pg.Client;
const AS_OF = "2026-11-21";

beforeAll(async () => {
  const db = await database.get();
  state.db = db.db;
  client = await connect(db.url);
  const one = async (sql: string) => (await client.query(sql)).rows[0] as { id: number; due_date: string };
  const source = (await client.query(`SELECT id FROM source ORDER BY id LIMIT 1`)).rows[0].id as number;
  // Led commitments with a dated deadline and no update yet, to deliver on time, deliver late and move.
  const candidates = `SELECT c.id, s.due_date::text AS due_date FROM commitment c JOIN commitment_state_at('${AS_OF}', latest_publication()) s ON s.commitment_id = c.id
    WHERE c.lead_organisation_id IS NOT NULL AND s.status_update_id IS NULL AND s.due_date IS NOT NULL`;
  const onTime = await one(`${candidates} AND s.due_date > '2026-11-21' ORDER BY c.id LIMIT 1`);
  const late = await one(`${candidates} AND s.due_date < '2026-09-01' ORDER BY c.id LIMIT 1`);
  const moved = await one(`${candidates} AND s.due_date < '2026-09-01' AND c.id <> ${late.id} ORDER BY c.id DESC LIMIT 1`);
  const update = `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on) VALUES ($1, 'delivered', 'Delivered.', $2, $3)`;
  await client.query(update, [onTime.id, source, "2026-11-02"]);
  await client.query(update, [late.id, source, "2026-11-03"]);
  await client.query(
    `INSERT INTO deadline_revision (commitment_id, label, precision, due_date, reason, source_id, effective_on) VALUES ($1, 'by the end of 2027', 'year', '2027-12-31', 'Moved.', $2, '2026-11-04')`,
    [moved.id, source],
  );
  return () => client.end();
});

/** Every commitment on the page list as of a date, led by each organisation. */
async function ledBy(asOf: string) {
  const { items } = await publicData.listCommitments({ asOf, sort: "due" }, "all");
  const byLead = new Map<string, typeof items>();
  for (const c of items) {
    const lead = c.owners.find((o) => o.lead)?.slug;
    if (lead) byLead.set(lead, [...(byLead.get(lead) ?? []), c]);
  }
  return { items, byLead };
}

/** Every commitment the API lists for an organisation as of a date, a page at a time. */
async function apiLedBy(slug: string, asOf: string): Promise<ApiCommitment[]> {
  const out: ApiCommitment[] = [];
  for (let page = 1; ; page += 1) {
    const response = await call(commitmentsApi.GET, `/api/v1/commitments?organisation=${slug}&as_of=${asOf}&page=${page}&page_size=100`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: ApiCommitment[]; meta: { total: number } };
    out.push(...body.data.filter((c) => c.owners.some((o) => o.lead && o.slug === slug)));
    if (page * 100 >= body.meta.total) return out;
  }
}

const csvRows = async (response: Response) => {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
  return parse(Buffer.from(await response.arrayBuffer()), { bom: true, columns: true }) as Record<string, string>[];
};

describe("scorecards", () => {
  it("count, for each organisation, what the domain's rules count over the commitments it leads, and the leads add up", async () => {
    for (const asOf of [AS_OF, "2026-03-01", todayIso()]) {
      const page = await loadOrganisationsPage({ as_of: asOf });
      const { items, byLead } = await ledBy(asOf);
      expect(page.scorecards.reduce((n, r) => n + r.leads, 0)).toBe(items.filter((c) => c.owners.some((o) => o.lead)).length);
      for (const row of page.scorecards) {
        const expected = tallyScorecard((byLead.get(row.slug) ?? []).map(scorecardFacts));
        expect({ slug: row.slug, leads: row.leads, ...Object.fromEntries(SCORECARD_MEASURES.map((m) => [m, row[m]])) }).toEqual({
          slug: row.slug,
          leads: expected.total,
          ...Object.fromEntries(SCORECARD_MEASURES.map((m) => [m, expected[m]])),
        });
      }
    }
  });

  it("count what was added: one delivered on time, one late, one missed then moved", async () => {
    const before = await loadOrganisationsPage({ as_of: "2026-10-31" });
    const after = await loadOrganisationsPage({ as_of: AS_OF });
    const sum = (rows: typeof after.scorecards, m: (typeof SCORECARD_MEASURES)[number]) => rows.reduce((n, r) => n + r[m], 0);
    expect(sum(after.scorecards, "delivered_on_time") - sum(before.scorecards, "delivered_on_time")).toBeGreaterThanOrEqual(1);
    expect(sum(after.scorecards, "delivered_late") - sum(before.scorecards, "delivered_late")).toBeGreaterThanOrEqual(1);
    expect(sum(after.scorecards, "missed_then_moved") - sum(before.scorecards, "missed_then_moved")).toBeGreaterThanOrEqual(1);
  });

  it("equal the API's commitments for the same as_of", async () => {
    const page = await loadOrganisationsPage({ as_of: AS_OF });
    for (const row of page.scorecards.filter((r) => r.leads > 0)) {
      const expected = tallyScorecard((await apiLedBy(row.slug, AS_OF)).map(scorecardFacts));
      expect(row.leads).toBe(expected.total);
      for (const m of SCORECARD_MEASURES) expect(row[m], `${row.slug} ${m}`).toBe(expected[m]);
    }
  });

  it("sort by every column either way, and report a bad column or order in plain words", async () => {
    const page = await loadOrganisationsPage({ sort: "overdue", order: "desc", as_of: AS_OF });
    const overdue = page.scorecards.map((r) => r.overdue);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    const bad = await loadOrganisationsPage({ sort: "shoe_size", order: "sideways" });
    expect(bad.errors.map((e) => e.message)).toEqual([
      "Choose a column of the scorecard to sort by",
      "Choose to sort smallest first (asc) or largest first (desc)",
    ]);
    expect(bad.sort).toBe("name");
  });

  it("on an organisation's page are that organisation's row", async () => {
    const all = await loadOrganisationsPage({ as_of: AS_OF });
    const busiest = [...all.scorecards].sort((a, b) => b.leads - a.leads)[0]!;
    const org = await loadOrganisationPage(busiest.slug, { as_of: AS_OF });
    if (org.kind !== "found") throw new Error("expected found");
    const { supports: _supports, ...row } = busiest;
    expect(org.scorecard).toEqual(row);
    expect(org.scorecard?.leads).toBe(org.leads);
  });

  it("download as CSV exactly as the page shows them, sorted and filtered", async () => {
    for (const query of ["", "sort=delivered_late&order=desc", "sort=leads&order=asc&area=leadership-and-talent"]) {
      const params = Object.fromEntries(new URLSearchParams(`${query}&as_of=${AS_OF}`));
      const page = await loadOrganisationsPage(params);
      const rows = await csvRows(await call(scorecardsRoute.GET, `/data/scorecards.csv?${query}&as_of=${AS_OF}`));
      expect(rows.map((r) => r.organisation_slug)).toEqual(page.scorecards.map((r) => r.slug));
      for (const [i, r] of rows.entries()) {
        expect(Number(r.leads)).toBe(page.scorecards[i]!.leads);
        for (const m of SCORECARD_MEASURES) expect(Number(r[m])).toBe(page.scorecards[i]![m]);
        expect(r.as_of).toBe(AS_OF);
      }
    }
    const bad = await call(scorecardsRoute.GET, `/data/scorecards.csv?area=atlantis&sort=shoe_size`);
    expect(bad.status).toBe(400);
    const unknown = await call(scorecardsRoute.GET, `/data/scorecards.csv?area=atlantis`);
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain('area \\"atlantis\\" does not exist');
  });
});

describe("a filtered /commitments view as CSV", () => {
  it("holds exactly the commitments the page lists, in its order", async () => {
    for (const query of [
      "overdue=true",
      "area=leadership-and-talent&sort=updated",
      "q=data&sort=relevance",
      "status=no_progress_reported&status=in_progress&missed=false",
      "sort=due",
    ]) {
      const params = new URLSearchParams(`${query}&as_of=${AS_OF}&page_size=100`);
      const page = await loadCommitmentsPage(params);
      expect(page.errors).toEqual([]);
      const download = new URLSearchParams(params);
      download.delete("page_size");
      const rows = await csvRows(await call(commitmentsCsvRoute.GET, `/data/commitments.csv?${download}`));
      expect(rows.length, query).toBe(page.total);
      expect(rows.map((r) => r.slug)).toEqual(page.items.map((c) => c.slug));
    }
  });

  it("refuses paging, unknown filters and unknown areas with a clear 400", async () => {
    for (const query of ["page=2", "colour=red", "area=atlantis", "status=nearly_done"]) {
      const response = await call(commitmentsCsvRoute.GET, `/data/commitments.csv?${query}`);
      expect(response.status, query).toBe(400);
    }
  });
});
