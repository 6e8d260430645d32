// Progress at a glance (issue 14 items 1–3): the overview's headline and tiles, the charts' month
// by month counts and the roadmap timeline give the same numbers as the API for the same as-of
// date and version. Each side is computed here: the loader's, and the API's answer to a filter.
import { describe, it, expect, beforeAll, vi } from "vitest";
import type { Db } from "../../src/server/db";
import { useTestDatabase } from "../helpers/test-database";
import { call, readBody } from "../helpers/open-data-contract";
import { PUBLIC_STATUS_CODES } from "../../src/domain/status";
import { headlineSentence } from "../../src/domain/glance";

const state = vi.hoisted(() => ({ db: undefined as unknown as Db }));
vi.mock("next/cache", () => ({ unstable_cache: (fn: unknown) => fn, revalidateTag: () => {} }));
vi.mock("../../src/server/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/server/db")>()),
  getDb: () => state.db,
}));

const { loadOverviewPage, loadAreaPage, loadOrganisationPage, loadTimelinePage } = await import("../../src/server/public-pages");
const listRoute = await import("../../src/app/api/v1/commitments/route");

const database = useTestDatabase();
beforeAll(async () => {
  state.db = (await database.get()).db;
});

type ApiList = { data: { slug: string; deadline: { dueDate: string | null } | null; status: { code: string } }[]; meta: { total: number } };

async function api(query: string): Promise<ApiList> {
  return JSON.parse(await readBody(await call(listRoute.GET, `/api/v1/commitments?${query}`))) as ApiList;
}

/** Every commitment the API lists for a query, page by page. */
async function apiAll(query: string): Promise<ApiList["data"]> {
  const out: ApiList["data"] = [];
  for (let page = 1; ; page++) {
    const body = await api(`${query}&page_size=100&page=${page}`);
    out.push(...body.data);
    if (out.length >= body.meta.total) return out;
  }
}

const apiTotal = async (query: string) => (await api(`${query}&page_size=1`)).meta.total;

async function overview(asOf: string) {
  const page = await loadOverviewPage({ as_of: asOf });
  if (page.kind !== "found") throw new Error(page.kind);
  return page;
}

describe("the overview's headline and tiles", () => {
  for (const asOf of ["2026-01-20", "2026-05-01", "2026-11-21"]) {
    it(`as of ${asOf}: the status tiles add up to the total, and every number equals the API's count`, async () => {
      const { progress } = await overview(asOf);
      const sum = PUBLIC_STATUS_CODES.reduce((n, code) => n + progress.counts[code], 0);
      expect(sum).toBe(progress.total);
      expect(progress.total).toBe(await apiTotal(`as_of=${asOf}`));
      for (const code of PUBLIC_STATUS_CODES) expect(progress.counts[code], code).toBe(await apiTotal(`as_of=${asOf}&status=${code}`));
      expect(progress.overdue).toBe(await apiTotal(`as_of=${asOf}&overdue=true`));
      expect(progress.missed).toBe(await apiTotal(`as_of=${asOf}&missed=true`));
      const all = await apiAll(`as_of=${asOf}`);
      expect(progress.noDeadline).toBe(all.filter((c) => !c.deadline?.dueDate).length);
      // The areas add up to the whole too.
      expect(progress.areas.reduce((n, a) => n + a.noDeadline, 0)).toBe(progress.noDeadline);
      expect(progress.areas.reduce((n, a) => n + a.missed, 0)).toBe(progress.missed);
    });
  }

  it("the headline states the same numbers", async () => {
    const { progress } = await overview("2026-11-21");
    const delivered = (await apiTotal("as_of=2026-11-21&status=delivered")) + (await apiTotal("as_of=2026-11-21&status=delivered_differently"));
    const sentence = headlineSentence({
      total: await apiTotal("as_of=2026-11-21"),
      delivered,
      deliveredDifferently: await apiTotal("as_of=2026-11-21&status=delivered_differently"),
      overdue: await apiTotal("as_of=2026-11-21&overdue=true"),
      missed: await apiTotal("as_of=2026-11-21&missed=true"),
      noDeadline: progress.noDeadline,
    });
    expect(sentence).toMatch(/^Of \d+ commitments, /);
    expect(sentence).toContain(`${progress.overdue} are overdue`);
  });

  it("at a pinned version, the counts are the API's at that version", async () => {
    const { record } = await overview("2026-11-21");
    const first = 1;
    const page = await loadOverviewPage({ as_of: "2026-11-21", version: String(first) });
    if (page.kind !== "found") throw new Error(page.kind);
    expect(page.record.version).toBe(first);
    expect(record.version).toBeGreaterThanOrEqual(first);
    expect(page.progress.total).toBe(await apiTotal(`as_of=2026-11-21&version=${first}`));
    expect(page.progress.overdue).toBe(await apiTotal(`as_of=2026-11-21&version=${first}&overdue=true`));
  });
});

describe("the charts' month by month numbers", () => {
  it("status over time, due and delivered: every month equals the API's counts on the day it is read", async () => {
    const { byMonth, asOf } = await overview("2026-11-21");
    expect(byMonth[0]?.month).toBe("2026-01");
    expect(byMonth.at(-1)).toMatchObject({ month: "2026-11", on: asOf });
    for (const point of byMonth) {
      expect(point.total, point.on).toBe(await apiTotal(`as_of=${point.on}`));
      for (const code of PUBLIC_STATUS_CODES)
        expect(point.counts[code], `${point.on} ${code}`).toBe(await apiTotal(`as_of=${point.on}&status=${code}`));
      expect(point.delivered).toBe(point.counts.delivered + point.counts.delivered_differently);
      expect(point.due, `${point.on} due`).toBe(await apiTotal(`as_of=${point.on}&due_before=${point.on}`));
    }
    // The last point is the overview's own counts.
    const { progress } = await overview("2026-11-21");
    expect(byMonth.at(-1)!.counts).toEqual(progress.counts);
  });

  it("an area's and an organisation's charts equal the API filtered the same way", async () => {
    const area = await loadAreaPage("leadership-and-talent", { as_of: "2026-11-21" });
    if (area.kind !== "found") throw new Error(area.kind);
    for (const point of area.byMonth.slice(-3)) {
      expect(point.total).toBe(await apiTotal(`as_of=${point.on}&area=leadership-and-talent`));
      expect(point.counts.no_progress_reported).toBe(await apiTotal(`as_of=${point.on}&area=leadership-and-talent&status=no_progress_reported`));
    }
    const org = await loadOrganisationPage("government-digital-service", { as_of: "2026-11-21" });
    if (org.kind !== "found") throw new Error(org.kind);
    for (const point of org.byMonth.slice(-3)) {
      expect(point.total).toBe(await apiTotal(`as_of=${point.on}&organisation=government-digital-service`));
    }
  });
});

describe("the roadmap timeline", () => {
  it("places every commitment with a due date, and only those, in the quarter of its due date", async () => {
    const page = await loadTimelinePage({ as_of: "2026-11-21" });
    if (page.kind !== "found") throw new Error(page.kind);
    const dated = (await apiAll("as_of=2026-11-21")).filter((c) => c.deadline?.dueDate);
    const placed = page.areas.flatMap((a) => a.items);
    expect(placed.map((i) => i.slug).sort()).toEqual(dated.map((c) => c.slug).sort());
    for (const item of placed) {
      const due = dated.find((c) => c.slug === item.slug)!.deadline!.dueDate!;
      expect(item.quarter.from <= due && due <= item.quarter.to, item.slug).toBe(true);
    }
  });

  it("filters with the same parameters as /commitments", async () => {
    const page = await loadTimelinePage({ as_of: "2026-11-21", overdue: "true" });
    if (page.kind !== "found") throw new Error(page.kind);
    expect(page.areas.flatMap((a) => a.items).length).toBe(await apiTotal("as_of=2026-11-21&overdue=true"));
    const bad = await loadTimelinePage({ status: "nonsense" });
    if (bad.kind !== "found") throw new Error(bad.kind);
    expect(bad.errors.map((e) => e.field)).toContain("status");
  });
});

describe("a commitment's drawn timeline", () => {
  it("marks the dates the API gives for its deadline and its update, as of the same date", async () => {
    const { loadCommitmentPage } = await import("../../src/server/public-pages");
    const { commitmentMarks } = await import("../../src/components/charts");
    const commitmentRoute = await import("../../src/app/api/v1/commitments/[slug]/route");
    const slug = "supplier-information-service";
    const page = await loadCommitmentPage(slug, { as_of: "2026-11-21" });
    if (page.kind !== "found") throw new Error(page.kind);
    const { marks } = commitmentMarks(page.timeline, page.announcement?.announcedOn ?? null);
    const apiBody = JSON.parse(await readBody(await call(commitmentRoute.GET, `/api/v1/commitments/${slug}?as_of=2026-11-21`, { params: { slug } })));
    const c = apiBody.data;
    expect(marks).toContainEqual(expect.objectContaining({ kind: "announced", on: c.announcedOn }));
    expect(marks).toContainEqual(expect.objectContaining({ kind: "deadline", on: c.deadline.dueDate, original: true }));
    expect(marks).toContainEqual(expect.objectContaining({ kind: "happened", from: c.status.occurred.from, to: c.status.occurred.to }));
    expect(marks).toContainEqual(expect.objectContaining({ kind: "confirmed", from: c.status.confirmed.from, to: c.status.confirmed.to }));
  });
});
