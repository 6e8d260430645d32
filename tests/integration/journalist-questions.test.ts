// A journalist's questions about time, drawn from the articles (../shared/seeds/), answered the
// same way by the commitment page, the API and the CSV download. The expected answers are the
// articles' own words; the page, API and CSV must each give them.
import { describe, it, expect, beforeAll, vi } from "vitest";
import { parse } from "csv-parse/sync";
import type { Db } from "../../src/server/db";
import { useTestDatabase } from "../helpers/test-database";
import { call, readBody } from "../helpers/open-data-contract";

const state = vi.hoisted(() => ({ db: undefined as unknown as Db }));
vi.mock("next/cache", () => ({ unstable_cache: (fn: unknown) => fn, revalidateTag: () => {} }));
vi.mock("../../src/server/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/server/db")>()),
  getDb: () => state.db,
}));

const { loadCommitmentPage } = await import("../../src/server/public-pages");
const commitmentRoute = await import("../../src/app/api/v1/commitments/[slug]/route");
const listRoute = await import("../../src/app/api/v1/commitments/route");
const csvRoute = await import("../../src/app/data/commitments.csv/route");

const database = useTestDatabase();
beforeAll(async () => {
  state.db = (await database.get()).db;
});

const AS_OF = "2026-12-01";

async function answers(slug: string) {
  const page = await loadCommitmentPage(slug, { as_of: AS_OF });
  if (page.kind !== "found") throw new Error(page.kind);
  const api = JSON.parse(await readBody(await call(commitmentRoute.GET, `/api/v1/commitments/${slug}?as_of=${AS_OF}`, { params: { slug } }))).data;
  const rows = parse(await readBody(await call(csvRoute.GET, `/data/commitments.csv?as_of=${AS_OF}`)), { bom: true, columns: true }) as Record<
    string,
    string
  >[];
  return { page: page.summary, api, csv: rows.find((r) => r.slug === slug)! };
}

describe("what happened when, and was it late?", () => {
  // CSW ¶38: the Supplier Information and Registration Service launched in March 2026; due "in March of this year".
  // CSW ¶34: Government Assurance Services launched in April; due "in April 2026".
  for (const [slug, occurred, month] of [
    ["supplier-information-service", "in March 2026", "2026-03"],
    ["digital-assurance-measures", "in April", "2026-04"],
  ] as const) {
    it(`${slug}: happened ${occurred}, delivered on time, as the page, the API and the CSV all say`, async () => {
      const { page, api, csv } = await answers(slug);
      expect(page.status.occurred).toMatchObject({ label: occurred, from: `${month}-01` });
      expect(page.lateness).toEqual({ kind: "on_time", minDays: 0, maxDays: 0 });
      expect(api.status.occurred).toMatchObject({ label: occurred, from: `${month}-01` });
      expect(api).toMatchObject({ deliveredLate: false, daysLate: 0, lateness: { kind: "on_time" }, missed: false });
      expect(csv).toMatchObject({ status_occurred_label: occurred, delivered_late: "false", days_late: "0", lateness: "on_time", missed: "false" });
      // Confirmed by the Civil Service World summer issue: a month, never "1 June 2026".
      expect([page.status.confirmed?.label, api.status.confirmed.label, csv.status_confirmed_label]).toEqual(["June 2026", "June 2026", "June 2026"]);
    });
  }

  it("the GOV.UK App pilot, completed in March (CSW ¶7), counts as delivered from the end of March, not June", async () => {
    const page = await loadCommitmentPage("gov-uk-app-local-services-pilot", { as_of: "2026-04-15" });
    expect(page.kind === "found" && page.summary.status.code).toBe("delivered");
    const inMarch = await loadCommitmentPage("gov-uk-app-local-services-pilot", { as_of: "2026-03-15" });
    expect(inMarch.kind === "found" && [inMarch.summary.status.code, inMarch.summary.pending?.code]).toEqual(["no_progress_reported", "delivered"]);
  });
});

describe("which deadlines were missed?", () => {
  it("the Digital Sourcing Strategy, due in March 2026 and under review (CSW ¶40), has missed it, on every surface", async () => {
    const { page, api, csv } = await answers("digital-sourcing-strategy");
    expect(page.missedDeadlines).toEqual([
      expect.objectContaining({ label: "in March", dueDate: "2026-03-31", outcome: "overdue", daysMissedBy: page.daysOverdue }),
    ]);
    expect(api.missedDeadlines).toEqual([expect.objectContaining({ label: "in March", outcome: "overdue", daysMissedBy: api.daysOverdue })]);
    expect(csv).toMatchObject({ missed: "true", missed_deadlines_count: "1" });
  });

  it("missed=true lists exactly the commitments whose missedDeadlines are not empty", async () => {
    const all = JSON.parse(await readBody(await call(listRoute.GET, `/api/v1/commitments?as_of=${AS_OF}&page_size=100`))).data as {
      slug: string;
      missedDeadlines: unknown[];
    }[];
    const missed = JSON.parse(await readBody(await call(listRoute.GET, `/api/v1/commitments?as_of=${AS_OF}&missed=true&page_size=100`))).data as {
      slug: string;
    }[];
    expect(missed.map((c) => c.slug).sort()).toEqual(
      all
        .filter((c) => c.missedDeadlines.length > 0)
        .map((c) => c.slug)
        .sort(),
    );
    expect(missed.length).toBeGreaterThan(0);
  });
});
