// Deadline revisions on the public pages: a revision published in the database shows on /missed
// ("deadlines moved", with slip, reason and source) and changes who is overdue, as of each date.
import { describe, it, expect, beforeAll, vi } from "vitest";
import type pg from "pg";
import { connect } from "../../src/runtime/connect";
import { useTestDatabase } from "../helpers/test-database";
import type { Db } from "../../src/server/db";

const state = vi.hoisted(() => ({ db: undefined as unknown as Db }));
vi.mock("next/cache", () => ({ unstable_cache: (fn: unknown) => fn, revalidateTag: () => {} }));
vi.mock("../../src/server/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/server/db")>()),
  getDb: () => state.db,
}));

const { loadMissedPage, loadCommitmentPage, loadChangesPage, loadTimelinePage } = await import("../../src/server/public-pages");

const database = useTestDatabase();
let client: pg.Client;

beforeAll(async () => {
  const db = await database.get();
  state.db = db.db;
  client = await connect(db.url);
  const { rows } = await client.query(`SELECT id FROM commitment WHERE slug = 'digital-sourcing-strategy'`);
  const source = await client.query(`SELECT id FROM source ORDER BY id LIMIT 1`);
  await client.query(
    `INSERT INTO deadline_revision (commitment_id, label, precision, due_date, reason, source_id, effective_on)
     VALUES ($1, 'December 2026', 'month', '2026-12-31', 'The strategy is under review', $2, '2026-07-01')`,
    [rows[0].id, source.rows[0].id],
  );
  return () => client.end();
});

describe("a moved deadline", () => {
  it("is listed under deadlines moved, with old and new dates, slip, reason and source", async () => {
    const data = await loadMissedPage({ as_of: "2026-11-21" });
    expect(data.moves).toHaveLength(1);
    expect(data.moves[0]).toMatchObject({
      commitment: { slug: "digital-sourcing-strategy" },
      date: "2026-07-01",
      previous: { label: "in March", dueDate: "2026-03-31" },
      label: "December 2026",
      dueDate: "2026-12-31",
      slipDays: 275,
      reason: "The strategy is under review",
    });
    expect(data.moves[0]!.source?.url).toMatch(/^https:\/\//);
    const other = await loadMissedPage({ as_of: "2026-11-21", area: "ai-for-the-public-good" });
    expect(other.moves).toHaveLength(0);
  });

  it("shows on the roadmap timeline where it was first due, from the day it takes effect", async () => {
    const item = async (asOf: string) => {
      const page = await loadTimelinePage({ as_of: asOf });
      return page.areas.flatMap((a) => a.items).find((i) => i.slug === "digital-sourcing-strategy")!;
    };
    expect(await item("2026-11-21")).toMatchObject({
      label: "December 2026",
      quarter: { label: "Q4 2026" },
      original: { label: "in March", dueDate: "2026-03-31", quarter: { label: "Q1 2026" } },
      missed: 1,
      overdue: false,
    });
    expect(await item("2026-06-15")).toMatchObject({ label: "in March", quarter: { label: "Q1 2026" }, original: null, overdue: true });
  });

  it("changes who is overdue from the day it takes effect", async () => {
    const now = await loadMissedPage({ as_of: "2026-11-21" });
    expect(now.missed.map((c) => c.slug)).not.toContain("digital-sourcing-strategy");
    const june = await loadMissedPage({ as_of: "2026-06-15" });
    expect(june.missed.map((c) => c.slug)).toContain("digital-sourcing-strategy");
    expect(june.moves).toHaveLength(0);
  });

  it("appears in the commitment's timeline and the public change log", async () => {
    const page = await loadCommitmentPage("digital-sourcing-strategy", { as_of: "2026-11-21" });
    if (page.kind !== "found") throw new Error("expected found");
    expect(page.summary.deadline).toEqual({ label: "December 2026", precision: "month", dueDate: "2026-12-31" });
    expect(page.summary.revisionsCount).toBe(1);
    expect(page.summary.daysUntilDue).toBe(40);
    expect(page.timeline.map((e) => (e.kind === "deadline_revision" ? (e.original ? "original" : "moved") : "status"))).toEqual([
      "moved",
      "status",
      "original",
    ]); // newest first: moved 1 July, status 1 June, original 19 January
    const changes = await loadChangesPage({ area: "funding-and-procurement" });
    expect(changes.items.some((e) => e.kind === "deadline_revision" && e.commitment.slug === "digital-sourcing-strategy")).toBe(true);
  });
});
