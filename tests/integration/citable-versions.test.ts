// Citable versions (issue 11): a backdated publish changes what an as-of view shows, and leaves
// every earlier version= answer — API, downloads, feed — byte for byte as it was, while a page at
// that version says plainly that the record has been revised since.
import { describe, it, expect, beforeAll, vi } from "vitest";
import type pg from "pg";
import type { Db } from "../../src/server/db";
import { connect } from "../../src/runtime/connect";
import { useTestDatabase } from "../helpers/test-database";
import { call, readBody } from "../helpers/open-data-contract";
import { createUser } from "../helpers/editor-fixtures";
import type { EditorUser } from "../../src/server/editor/actor";

const state = vi.hoisted(() => ({ db: undefined as unknown as Db }));

vi.mock("next/cache", () => ({ unstable_cache: (fn: unknown) => fn, revalidateTag: () => {} }));
vi.mock("../../src/server/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/server/db")>()),
  getDb: () => state.db,
}));

const { loadCommitmentPage, loadMissedPage, loadOverviewPage } = await import("../../src/server/public-pages");
const { proposeStatusUpdate, proposeDeadlineRevision, reviewProposal } = await import("../../src/server/editor/proposals");
const { updateCommitment } = await import("../../src/server/editor/commitments");
const routes = {
  commitment: await import("../../src/app/api/v1/commitments/[slug]/route"),
  commitments: await import("../../src/app/api/v1/commitments/route"),
  changes: await import("../../src/app/api/v1/changes/route"),
  areas: await import("../../src/app/api/v1/areas/route"),
  organisations: await import("../../src/app/api/v1/organisations/route"),
  commitmentsCsv: await import("../../src/app/data/commitments.csv/route"),
  updatesCsv: await import("../../src/app/data/status-updates.csv/route"),
  revisionsCsv: await import("../../src/app/data/deadline-revisions.csv/route"),
  tracker: await import("../../src/app/data/tracker.json/route"),
  atom: await import("../../src/app/changes.atom/route"),
};

/** Not started, due "in April" 2026 and overdue since: the UX review's example. */
const SLUG = "civil-service-digital-learning-offer";
const AS_OF = "2026-11-25";

const database = useTestDatabase();
let client: pg.Client;
// Editors of the Government Digital Service, which a source names as lead of SLUG.
let gds: EditorUser;
let gdsColleague: EditorUser;

beforeAll(async () => {
  const db = await database.get();
  state.db = db.db;
  client = await connect(db.url);
  gds = await createUser(db.db, "versions-gds@example.gov.uk", "editor", ["government-digital-service"]);
  gdsColleague = await createUser(db.db, "versions-gds2@example.gov.uk", "editor", ["government-digital-service"]);
  return () => client.end();
});

const latest = async () => (await client.query(`SELECT latest_publication() AS v`)).rows[0].v as number;

/** Every kind of answer, at a version. */
const answersAt = (v: number) => [
  { handler: routes.commitment.GET, path: `/api/v1/commitments/${SLUG}?version=${v}&as_of=${AS_OF}`, params: { slug: SLUG } },
  { handler: routes.commitment.GET, path: `/api/v1/commitments/${SLUG}?version=${v}`, params: { slug: SLUG } },
  { handler: routes.commitments.GET, path: `/api/v1/commitments?version=${v}&as_of=${AS_OF}&page_size=100` },
  { handler: routes.commitments.GET, path: `/api/v1/commitments?version=${v}&missed=true` },
  { handler: routes.changes.GET, path: `/api/v1/changes?version=${v}` },
  { handler: routes.areas.GET, path: `/api/v1/areas?version=${v}&as_of=${AS_OF}` },
  { handler: routes.organisations.GET, path: `/api/v1/organisations?version=${v}` },
  { handler: routes.commitmentsCsv.GET, path: `/data/commitments.csv?version=${v}&as_of=${AS_OF}` },
  { handler: routes.updatesCsv.GET, path: `/data/status-updates.csv?version=${v}` },
  { handler: routes.revisionsCsv.GET, path: `/data/deadline-revisions.csv?version=${v}` },
  { handler: routes.tracker.GET, path: `/data/tracker.json?version=${v}&as_of=${AS_OF}` },
  { handler: routes.atom.GET, path: `/changes.atom?version=${v}` },
];

async function fetchAll(v: number) {
  const out = new Map<string, { status: number; body: string; cacheControl: string | null }>();
  for (const a of answersAt(v)) {
    const response = await call(a.handler, a.path, { params: a.params });
    let body = await readBody(response);
    // The snapshot says when it was generated; everything else in it is the record.
    if (a.path.startsWith("/data/tracker.json")) body = body.replace(/"generatedAt":"[^"]+"/, '"generatedAt":"…"');
    out.set(a.path, { status: response.status, body, cacheControl: response.headers.get("cache-control") });
  }
  return out;
}

async function approve(result: Awaited<ReturnType<typeof proposeStatusUpdate>>) {
  if (!result.ok) throw new Error(JSON.stringify(result));
  const proposal = await state.db.proposal.findUniqueOrThrow({ where: { id: result.value.id } });
  const approved = await reviewProposal(state.db, gdsColleague, { proposalId: proposal.id, version: proposal.version, decision: "approve" });
  if (!approved.ok) throw new Error(JSON.stringify(approved));
}

describe("a backdated publish", () => {
  it("changes the as-of view, leaves every earlier versioned answer byte-identical, and the versioned page says it was revised", async () => {
    const v = await latest();
    const before = await fetchAll(v);
    for (const [path, answer] of before) {
      expect(answer.status, path).toBe(200);
      expect(answer.cacheControl, path).toBe("public, max-age=31536000, s-maxage=31536000, immutable");
    }
    const asOfNow = async () =>
      JSON.parse(await readBody(await call(routes.commitment.GET, `/api/v1/commitments/${SLUG}?as_of=${AS_OF}`, { params: { slug: SLUG } })));
    const viewBefore = await asOfNow();
    expect(viewBefore.meta.version).toBe(v);
    expect(viewBefore.data).toMatchObject({ status: { code: "no_progress_reported" }, overdue: true, deadline: { label: "In April" } });
    const pageBefore = await loadCommitmentPage(SLUG, { version: String(v) });
    if (pageBefore.kind !== "found") throw new Error(pageBefore.kind);
    expect(pageBefore.revised).toBeNull();

    // Published today, about 20 November: progress confirmed then, and the deadline moved then.
    const commitmentId = (await state.db.commitment.findUniqueOrThrow({ where: { slug: SLUG } })).id;
    const evidence = {
      evidenceUrl: "https://www.gov.uk/government/news/learning-offer-launched",
      evidenceTitle: "Learning offer launched",
      evidencePublisher: "Government Digital Service",
      evidencePublishedOn: "2026-11-20",
    };
    await approve(
      await proposeStatusUpdate(state.db, gds, {
        commitmentId: String(commitmentId),
        status: "in_progress",
        note: "GDS began the cross-government learning offer.",
        confirmedOn: "20 November 2026",
        ...evidence,
      }),
    );
    await approve(
      await proposeDeadlineRevision(state.db, gds, {
        commitmentId: String(commitmentId),
        label: "spring 2027",
        precision: "season",
        reason: "The full roll-out was re-planned.",
        effectiveOn: "2026-11-20",
        sourceUrl: "https://www.gov.uk/government/news/learning-offer-replanned",
        sourceTitle: "Learning offer re-planned",
        sourcePublisher: "Government Digital Service",
        sourcePublishedOn: "2026-11-20",
      }),
    );
    expect(await latest()).toBe(v + 2);

    // The as-of view follows what is now known about 25 November.
    const viewAfter = await asOfNow();
    expect(viewAfter.meta.version).toBe(v + 2);
    expect(viewAfter.data).toMatchObject({ status: { code: "in_progress" }, overdue: false, deadline: { label: "spring 2027" }, missed: true });
    expect(viewAfter.data.missedDeadlines).toEqual([
      expect.objectContaining({
        label: "In April",
        dueDate: "2026-04-30",
        outcome: "moved",
        outcomeOn: "2026-11-20",
        movedTo: expect.objectContaining({ label: "spring 2027" }),
        daysMissedBy: 203,
      }),
    ]);

    // Every answer at the earlier version is exactly what it was.
    const after = await fetchAll(v);
    for (const [path, answer] of before) expect(after.get(path), path).toEqual(answer);

    // The page at that version says the commitment has been revised since, and so does a list.
    const pageAfter = await loadCommitmentPage(SLUG, { version: String(v) });
    if (pageAfter.kind !== "found") throw new Error(pageAfter.kind);
    expect(pageAfter.revised?.version).toBe(v + 1);
    expect(pageAfter.record).toMatchObject({ version: v, pinned: true, immutable: true, latestVersion: v + 2 });
    expect(pageAfter.summary).toEqual(pageBefore.summary);
    expect(pageAfter.timeline).toEqual(pageBefore.timeline);
    expect((await loadMissedPage({ version: String(v) })).revised?.version).toBe(v + 1);
    // At the latest version nothing has been revised since.
    const latestPage = await loadCommitmentPage(SLUG, { version: String(v + 2) });
    expect(latestPage.kind === "found" && latestPage.revised).toBeNull();
  });

  it("recorded_on gives the last version recorded by the end of a day; bad versions are refused with a clear 400", async () => {
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });
    const v = await latest();
    const recorded = JSON.parse(await readBody(await call(routes.commitments.GET, `/api/v1/commitments?recorded_on=${today}&page_size=1`)));
    expect(recorded.meta.version).toBe(v);
    const problem = async (path: string) => {
      const response = await call(routes.commitments.GET, path);
      expect(response.status, path).toBe(400);
      return JSON.parse(await readBody(response)).errors as { parameter: string; detail: string }[];
    };
    expect(await problem(`/api/v1/commitments?version=${v + 1}`)).toEqual([
      { parameter: "version", detail: `version ${v + 1} does not exist: the latest version is ${v}` },
    ]);
    expect((await problem(`/api/v1/commitments?version=0`))[0]!.parameter).toBe("version");
    expect((await problem(`/api/v1/commitments?version=two`))[0]!.parameter).toBe("version");
    expect((await problem(`/api/v1/commitments?recorded_on=2026-01-01`))[0]!.detail).toMatch(
      /before anything was published: the first version was recorded on/,
    );
    expect((await problem(`/api/v1/commitments?version=1&recorded_on=${today}`))[0]!.parameter).toBe("recorded_on");
    // Pages explain the same problems in words, and show the latest version.
    const page = await loadOverviewPage({ version: String(v + 1) });
    expect(page.errors).toEqual([
      { field: "version", href: "#main-content", message: `There is no version ${v + 1} of the record yet: the latest is version ${v}` },
    ]);
    expect(page.record).toMatchObject({ version: v, pinned: false });
  });

  it("an edit of a commitment's title is a new version: the earlier version keeps the title it published", async () => {
    const slug = "product-roadmaps-on-gov-uk";
    const before = await state.db.commitment.findUniqueOrThrow({
      where: { slug },
      include: { area: true, leadOrganisation: true, supporters: { include: { organisation: true } } },
    });
    const v = await latest();
    const edited = await updateCommitment(state.db, gds, {
      commitmentId: String(before.id),
      version: String(before.version),
      title: "Publish the roadmaps of major products on GOV.UK",
      summary: before.summary,
      area: before.area.slug,
      lead: before.leadOrganisation?.slug ?? "",
      supporting: before.supporters.map((s) => s.organisation.slug),
      reason: "Worded as the roadmap words the commitment.",
    });
    expect(edited.ok).toBe(true);
    // A proposal publishes nothing; the second editor's approval takes the version.
    expect(await latest()).toBe(v);
    if (!edited.ok) return;
    const approved = await reviewProposal(state.db, gdsColleague, { proposalId: edited.value.id, version: 1, decision: "approve" });
    expect(approved.ok).toBe(true);
    expect(await latest()).toBe(v + 1);
    const revision = await state.db.commitmentRevision.findUniqueOrThrow({
      where: { commitmentId_version: { commitmentId: before.id, version: v + 1 } },
    });
    expect(revision).toMatchObject({
      title: "Publish the roadmaps of major products on GOV.UK",
      reason: "Worded as the roadmap words the commitment.",
      proposalId: edited.value.id,
    });
    const at = async (version: number) =>
      JSON.parse(await readBody(await call(routes.commitment.GET, `/api/v1/commitments/${slug}?version=${version}`, { params: { slug } }))).data
        .title;
    expect(await at(v)).toBe(before.title);
    expect(await at(v + 1)).toBe("Publish the roadmaps of major products on GOV.UK");
    const list = JSON.parse(await readBody(await call(routes.commitments.GET, `/api/v1/commitments?version=${v}&q=roadmaps`)));
    expect(list.data.find((c: { slug: string }) => c.slug === slug)?.title).toBe(before.title);
    const page = await loadCommitmentPage(slug, { version: String(v) });
    expect(page.kind === "found" && page.revised?.version).toBe(v + 1);
    // An edit that changes nothing public takes no version.
    const again = await state.db.commitment.findUniqueOrThrow({ where: { slug } });
    await state.db.commitment.update({ where: { id: again.id }, data: { updatedAt: new Date() } });
    expect(await latest()).toBe(v + 1);
  });
});
