// The public pages' data layer (src/server/public-data.ts) against the real seeded database:
// parameter checking, friendly errors for bad input, time travel, and the cached reads' JSON.
// Nothing here hears publishes, so the cached reads run every query; getDb() is pointed at this
// file's test database.
import { loadSeedFiles } from "../../src/server/seed/load-seed-files";
import { describe, it, expect, beforeAll, vi } from "vitest";
import type pg from "pg";
import { connect } from "../../src/runtime/connect";
import { useTestDatabase } from "../helpers/test-database";
import { seedCommitments } from "../helpers/seeds";
import type { Db } from "../../src/server/db";

const state = vi.hoisted(() => ({ db: undefined as unknown as Db }));

vi.mock("../../src/server/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/server/db")>()),
  getDb: () => state.db,
}));

const { publicData } = await import("../../src/server/public-data");
const { loadCommitmentsPage, loadCommitmentPage, loadMissedPage, loadChangesPage, loadOverviewPage, loadAreaPage, loadOrganisationPage } =
  await import("../../src/server/public-pages");
const { OPEN_STATUS_CODES, OPEN_PUBLIC_STATUS_CODES } = await import("../../src/domain/status");
const { listEditorCommitments } = await import("../../src/server/editor/queries");
const { isStale, STALE_AFTER_DAYS } = await import("../../src/domain/attention");
const { todayIso, addDays } = await import("../../src/domain/dates");

const database = useTestDatabase();
let client: pg.Client;

beforeAll(async () => {
  const db = await database.get();
  state.db = db.db;
  client = await connect(db.url);
  return () => client.end();
});

const messages = (errors: { message: string }[]) => errors.map((e) => e.message);

describe("cache wrappers", () => {
  it("return plain JSON (what the cached read keeps) for every query", async () => {
    const results = await Promise.all([
      publicData.listCommitments({ asOf: "2026-11-21" }, { page: 1, pageSize: 5 }),
      publicData.getCommitmentSummary("digital-sourcing-strategy", "2026-11-21"),
      publicData.commitmentTimeline("digital-sourcing-strategy", "2026-11-21"),
      publicData.listChanges({ asOf: "2026-11-21" }, { page: 1, pageSize: 5 }),
      publicData.statusCountsByArea("2026-11-21"),
      publicData.listAreas(),
      publicData.listOrganisations(),
      publicData.getCommitmentAnnouncement("digital-sourcing-strategy"),
    ]);
    for (const result of results) expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe("/commitments", () => {
  it("lists every commitment, a page at a time, soonest due first", async () => {
    const data = await loadCommitmentsPage({});
    expect(data.errors).toEqual([]);
    expect(data.total).toBe(seedCommitments.length);
    expect(data.items).toHaveLength(25);
    expect(data.pageCount).toBe(3);
    const due = data.items.map((c) => c.deadline?.dueDate).filter((d): d is string => Boolean(d));
    expect(due).toEqual([...due].sort());
  });

  it("combines filters", async () => {
    const data = await loadCommitmentsPage({ status: ["in_progress", "delivered"], area: "join-up-public-services", as_of: "2026-11-21" });
    expect(data.errors).toEqual([]);
    expect(data.total).toBeGreaterThan(0);
    for (const c of data.items) {
      expect(["in_progress", "delivered"]).toContain(c.status.code);
      expect(c.area.slug).toBe("join-up-public-services");
    }
    // The status filter (written over the columns, not the public-status expression) picks exactly
    // the commitments whose public status is one asked for, no progress reported included.
    const { listCommitments } = await import("../../src/server/queries/commitments");
    const every = (await listCommitments(state.db, { asOf: "2026-11-21" }, "all")).items;
    for (const codes of [["no_progress_reported"], ["in_progress", "delivered"], ["no_progress_reported", "at_risk", "not_started"]] as const) {
      const picked = (await listCommitments(state.db, { asOf: "2026-11-21", status: [...codes] }, "all")).items.map((c) => c.slug).sort();
      const expected = every
        .filter((c) => (codes as readonly string[]).includes(c.status.code))
        .map((c) => c.slug)
        .sort();
      expect(expected.length, codes.join()).toBeGreaterThan(0);
      expect(picked, codes.join()).toEqual(expected);
    }
    // "Most days overdue first" pages (overdue ones read first, then the rest, along the index)
    // are, page after page (of 3), the order of the whole list sorted at once, across the page where the
    // overdue ones end.
    for (const q of [
      { sort: "overdue" as const },
      { sort: "overdue" as const, missed: true },
      { sort: "overdue" as const, status: ["in_progress" as const] },
    ]) {
      for (const asOf of ["2026-06-30", "2026-11-21"]) {
        const whole = (await listCommitments(state.db, { ...q, asOf }, "all")).items.map((c) => c.slug);
        const paged: string[] = [];
        for (let page = 1; paged.length < whole.length && page < 100; page++) {
          const { items, total } = await listCommitments(state.db, { ...q, asOf }, { page, pageSize: 3 });
          expect(total).toBe(whole.length);
          paged.push(...items.map((c) => c.slug));
        }
        expect(whole.length, `${JSON.stringify(q)} ${asOf}`).toBeGreaterThan(3);
        expect(paged, `${JSON.stringify(q)} ${asOf}`).toEqual(whole);
      }
    }
    const overdue = await loadCommitmentsPage({ overdue: "true", as_of: "2026-11-21", organisation: "hm-revenue-and-customs" });
    for (const c of overdue.items) {
      expect(c.overdue).toBe(true);
      expect(c.owners.map((o) => o.slug)).toContain("hm-revenue-and-customs");
    }
  });

  it("searches with PostgreSQL full-text search: English stemming, title ranked above summary", async () => {
    const probation = await loadCommitmentsPage({ q: "probation" });
    expect(probation.filters.sort).toBe("relevance");
    const slugs = probation.items.map((c) => c.slug);
    expect(slugs).toContain("ai-exemplars"); // "probation" only in its summary
    expect(slugs[0]).toBe("probation-speech-and-translation-ai"); // "probation" in its title
    // "inclusive" and "inclusion" share the English stem.
    const inclusive = await loadCommitmentsPage({ q: "inclusive" });
    expect(inclusive.items.map((c) => c.slug)).toContain("inclusion-metrics-in-service-standard");
    // Not a substring match: a fragment of a word finds nothing.
    const fragment = await loadCommitmentsPage({ q: "probati" });
    expect(fragment.total).toBe(0);
  });

  it("refuses an invisible control character in the search, in plain English", async () => {
    const data = await loadCommitmentsPage({ q: "digital\u0000" });
    expect(messages(data.errors)).toEqual(["Search words must not contain invisible control characters"]);
    expect(data.total).toBe(seedCommitments.length);
  });

  it("reports every bad parameter in plain English, and still lists commitments", async () => {
    const data = await loadCommitmentsPage({
      status: "bogus",
      as_of: "2026-13-45",
      page: "-1",
      q: "x".repeat(5000),
      area: "nowhere",
      organisation: "Not A Slug!",
      due_before: "soon",
      sort: "sideways",
      overdue: "maybe",
    });
    expect(messages(data.errors)).toEqual([
      "Search words must be 200 characters or fewer",
      "There is no status called “bogus”: choose statuses from the list",
      "Choose whether to show overdue commitments (“maybe” is not one of the choices)",
      "There is no area called “nowhere”",
      "There is no organisation called “Not A Slug!”",
      "The ‘due on or before’ date must be a real date, for example 30 6 2026",
      "The date to view the tracker on must be a real date, for example 30 6 2026",
      "Choose how to sort commitments from the list",
      "Page number must be a whole number, 1 or more (“-1” is not)",
    ]);
    expect(data.errors.map((e) => e.href)).toEqual([
      "#q",
      "#status",
      "#overdue",
      "#area",
      "#organisation",
      "#due_before",
      "#as_of",
      "#sort",
      "#results",
    ]);
    // The bad parameters are ignored: everything is listed, as of today, from page 1.
    expect(data.total).toBe(seedCommitments.length);
    expect(data.page).toBe(1);
    expect(data.asOf).toBe(todayIso());
    expect(data.asOfGiven).toBe(false);
    // What was typed is kept, to show back in the form.
    expect(data.values.due_before).toEqual(["soon"]);
  });

  it("keeps the good filters when some are bad", async () => {
    const data = await loadCommitmentsPage({ area: ["nowhere", "ai-for-the-public-good"], status: "delivered" });
    expect(messages(data.errors)).toEqual(["There is no area called “nowhere”"]);
    expect(data.filters.area).toEqual(["ai-for-the-public-good"]);
    for (const c of data.items) expect(c.area.slug).toBe("ai-for-the-public-good");
  });

  it("explains dates out of range and crossed date filters", async () => {
    const future = await loadCommitmentsPage({ as_of: addDays(todayIso(), 1) });
    expect(messages(future.errors)).toEqual(["The date to view the tracker on must be today or in the past"]);
    const early = await loadCommitmentsPage({ as_of: "2025-06-01" });
    expect(messages(early.errors)).toEqual(["The date to view the tracker on must be on or after 1 January 2026, when the roadmap was published"]);
    const crossed = await loadCommitmentsPage({ due_after: "2026-12-31", due_before: "2026-01-31" });
    expect(messages(crossed.errors)).toEqual(["The ‘due on or after’ date must be the same as or earlier than the ‘due on or before’ date"]);
  });

  it("says when a page is past the last one", async () => {
    const data = await loadCommitmentsPage({ page: "99" });
    expect(data.errors).toEqual([]);
    expect(data.pastLastPage).toBe(true);
    expect(data.total).toBe(seedCommitments.length);
    expect(data.items).toEqual([]);
  });

  it("travels in time: status, deadline and overdue as they stood on the day", async () => {
    const before = await loadCommitmentsPage({ as_of: "2026-01-10" });
    expect(before.errors).toEqual([]);
    expect(before.total).toBe(0);
    const spring = await loadCommitmentsPage({ as_of: "2026-05-01", page_size: "100" });
    expect(spring.asOfGiven).toBe(true);
    expect(spring.total).toBe(seedCommitments.length);
    // Every status update was confirmed in June 2026; on 1 May only those that say they happened earlier count.
    const happenedBy = new Set(
      loadSeedFiles()
        .commitments.filter((c) => c.updates.some((u) => u.occurredWindow && u.occurredWindow.to <= "2026-05-01"))
        .map((c) => c.slug),
    );
    expect(happenedBy.size).toBe(7);
    expect(new Set(spring.items.filter((c) => c.status.reported).map((c) => c.slug))).toEqual(happenedBy);
    // Nothing else has been reported on by then: no progress reported, which is not "not started".
    expect(spring.items.filter((c) => !c.status.reported).every((c) => c.status.code === "no_progress_reported")).toBe(true);
    const sourcing = spring.items.find((c) => c.slug === "digital-sourcing-strategy")!;
    expect(sourcing.overdue).toBe(true);
    expect(sourcing.daysOverdue).toBe(31); // due 31 March 2026
  });
});

describe("/commitments/[slug]", () => {
  it("shows a commitment with its history and sources", async () => {
    const data = await loadCommitmentPage("digital-sourcing-strategy", { as_of: "2026-11-21" });
    if (data.kind !== "found") throw new Error(`expected found, got ${data.kind}`);
    expect(data.summary.status.code).toBe("at_risk");
    expect(data.summary.overdue).toBe(true);
    expect(data.summary.daysOverdue).toBe(235);
    expect(data.timeline.map((e) => e.kind)).toEqual(["status_update", "deadline_revision"]);
    expect(data.timeline[1]).toMatchObject({ kind: "deadline_revision", original: true, label: "in March" });
    expect(data.announcement?.source?.url).toMatch(/^https:\/\//);
    // Confirmed "June 2026": counted from its last day, and shown as a month, never as 1 June.
    expect(data.lastConfirmed?.label).toBe("June 2026");
    expect(data.lastConfirmedOn).toBe("2026-06-30");
    expect(data.daysSinceConfirmed).toBe(144);
    expect(data.stale).toBe(true);
  });

  it("does not flag progress confirmed within 90 days", async () => {
    const data = await loadCommitmentPage("digital-sourcing-strategy", { as_of: "2026-08-01" });
    if (data.kind !== "found") throw new Error(`expected found, got ${data.kind}`);
    expect(data.stale).toBe(false);
  });

  it("flags the same commitments as the editor's dashboard, from the one rule in src/domain/attention.ts", async () => {
    const admin = { id: 0, role: "admin" as const, organisationIds: [] };
    // digital-sourcing-strategy (at risk) was last confirmed "June 2026", which counts from its last
    // day, 30 June: not stale on day 90 after it, stale on day 91.
    for (const [asOf, expected] of [
      [addDays("2026-06-30", STALE_AFTER_DAYS), false],
      [addDays("2026-06-30", STALE_AFTER_DAYS + 1), true],
    ] as const) {
      const all = await listEditorCommitments(state.db, admin, { scope: "all", today: asOf });
      const stale = await listEditorCommitments(state.db, admin, { scope: "all", staleOnly: true, today: asOf });
      const byRule = all.filter((c) =>
        isStale({ status: c.status, statusConfirmedOn: c.statusConfirmedOn, announcedOn: c.lastConfirmedOrAnnounced }, asOf),
      );
      expect(stale.map((c) => c.slug).sort()).toEqual(byRule.map((c) => c.slug).sort());
      expect(stale.some((c) => c.slug === "digital-sourcing-strategy")).toBe(expected);
      const page = await loadCommitmentPage("digital-sourcing-strategy", { as_of: asOf });
      if (page.kind !== "found") throw new Error(`expected found, got ${page.kind}`);
      expect(page.stale).toBe(expected);
    }
    // Delivered commitments are never stale, on either side.
    const later = await listEditorCommitments(state.db, admin, { scope: "all", staleOnly: true, today: "2026-11-21" });
    expect(later.every((c) => OPEN_STATUS_CODES.includes(c.status))).toBe(true);
  });

  it("explains, rather than 404s, a commitment not yet announced on the date", async () => {
    const data = await loadCommitmentPage("digital-sourcing-strategy", { as_of: "2026-01-10" });
    expect(data).toMatchObject({
      kind: "not-yet-announced",
      announcedOn: "2026-01-19",
      title: "Publish government's first Digital Sourcing Strategy",
    });
  });

  it("gives not-found for unknown or malformed slugs, and an error for a bad date", async () => {
    expect((await loadCommitmentPage("no-such-commitment", {})).kind).toBe("not-found");
    expect((await loadCommitmentPage("Not a slug", {})).kind).toBe("not-found");
    expect((await loadCommitmentPage("x".repeat(5000), {})).kind).toBe("not-found");
    const bad = await loadCommitmentPage("digital-sourcing-strategy", { as_of: "2026-13-45" });
    if (bad.kind !== "found") throw new Error("expected found");
    expect(bad.errors.map((e) => e.href)).toEqual(["#as_of"]);
    expect(bad.asOf).toBe(todayIso());
  });
});

describe("/missed", () => {
  it("lists overdue commitments, most overdue first, with area and owner filters", async () => {
    const data = await loadMissedPage({ as_of: "2026-11-21" });
    expect(data.errors).toEqual([]);
    expect(data.missed.length).toBe(10);
    for (const c of data.missed) {
      expect(c.overdue).toBe(true);
      expect(OPEN_PUBLIC_STATUS_CODES).toContain(c.status.code);
    }
    const days = data.missed.map((c) => c.daysOverdue);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    const area = await loadMissedPage({ as_of: "2026-11-21", area: "leadership-and-talent" });
    expect(area.missed.length).toBe(2);
    const owner = await loadMissedPage({ as_of: "2026-11-21", organisation: "cabinet-office" });
    for (const c of owner.missed) expect(c.owners.map((o) => o.slug)).toContain("cabinet-office");
  });

  it("reports unknown filters and still lists", async () => {
    const data = await loadMissedPage({ organisation: "ministry-of-magic", as_of: "2026-11-21" });
    expect(messages(data.errors)).toEqual(["There is no organisation called “ministry-of-magic”"]);
    expect(data.missed.length).toBe(10);
  });
});

describe("/changes", () => {
  it("lists published changes newest first, filtered by area, with paging", async () => {
    const data = await loadChangesPage({});
    expect(data.errors).toEqual([]);
    expect(data.total).toBeGreaterThan(15);
    const dates = data.items.map((e) => e.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const area = await loadChangesPage({ area: "ai-for-the-public-good" });
    for (const e of area.items) expect(e.commitment.area.slug).toBe("ai-for-the-public-good");
    const past = await loadChangesPage({ page: "50" });
    expect(past.pastLastPage).toBe(true);
    expect(past.total).toBe(data.total);
  });
});

describe("/", () => {
  it("counts statuses, lists deadlines due in the next 90 days and the latest changes", async () => {
    const data = await loadOverviewPage({ as_of: "2026-11-21" });
    const { progress } = data;
    expect(progress.total).toBe(seedCommitments.length);
    expect(Object.values(progress.counts).reduce((a, b) => a + b, 0)).toBe(seedCommitments.length);
    expect(progress.overdue).toBe(10);
    expect(progress.lastConfirmedOn).toBe("2026-06-01");
    expect(progress.areas).toHaveLength(6);
    for (const c of data.upcoming) {
      const due = c.deadline?.dueDate ?? null;
      expect(due !== null && due >= "2026-11-21" && due <= addDays("2026-11-21", 90)).toBe(true);
      expect(OPEN_PUBLIC_STATUS_CODES).toContain(c.status.code);
    }
    expect(data.upcoming.length).toBeGreaterThan(0);
    expect(data.latest.length).toBe(5);
  });

  it("shows nothing announced before the launch", async () => {
    const data = await loadOverviewPage({ as_of: "2026-01-05" });
    expect(data.progress.total).toBe(0);
    expect(data.upcoming).toEqual([]);
    expect(data.latest).toEqual([]);
  });
});

describe("/areas/[slug] and /organisations/[slug]", () => {
  it("summarise their commitments", async () => {
    const area = await loadAreaPage("leadership-and-talent", { as_of: "2026-11-21" });
    if (area.kind !== "found") throw new Error(`expected found, got ${area.kind}`);
    expect(area.total).toBe(seedCommitments.filter((c) => c.area === "leadership-and-talent").length);
    expect(area.overdue).toBe(2);
    expect(area.counts.delivered).toBe(1);
    expect(area.counts.no_progress_reported).toBe(6);
    expect(area.areaCount).toBe(6);
    // HM Treasury is named jointly with GDS for one commitment, and leads none (seeds/commitments/).
    const org = await loadOrganisationPage("hm-treasury", { as_of: "2026-11-21" });
    if (org.kind !== "found") throw new Error(`expected found, got ${org.kind}`);
    expect(org.total).toBe(1);
    expect(org.leads).toBe(0);
    expect(org.joint).toBe(1);
    // An organisation no source names as owner any more keeps its page, with nothing attributed to it.
    const dwp = await loadOrganisationPage("department-for-work-and-pensions", { as_of: "2026-11-21" });
    if (dwp.kind !== "found") throw new Error(`expected found, got ${dwp.kind}`);
    expect(dwp.total).toBe(0);
  });

  it("are not found (404) for unknown slugs", async () => {
    expect((await loadAreaPage("nowhere", {})).kind).toBe("not-found");
    expect((await loadAreaPage("NOT VALID", {})).kind).toBe("not-found");
    expect((await loadOrganisationPage("ministry-of-magic", {})).kind).toBe("not-found");
  });
});
