// Issue 12, the public side of "nothing public without a second editor": a force-published change
// is marked on the page and in the API until a second editor checks it (and a version between
// the two still says so); wording changes are history on the page, in the API and the feed; the
// history tables involved refuse UPDATE, DELETE and TRUNCATE; every URL the API serves satisfies
// its own `format: uri`.
import { describe, it, expect, beforeAll, vi } from "vitest";
import type pg from "pg";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Db } from "../../src/server/db";
import { connect } from "../../src/runtime/connect";
import { useTestDatabase } from "../helpers/test-database";
import { call, readBody } from "../helpers/open-data-contract";
import { COMMITMENT, createCast, type Cast } from "../helpers/editor-fixtures";

const state = vi.hoisted(() => ({ db: undefined as unknown as Db }));

vi.mock("next/cache", () => ({ unstable_cache: (fn: unknown) => fn, revalidateTag: () => {} }));
vi.mock("../../src/server/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/server/db")>()),
  getDb: () => state.db,
}));

const { loadCommitmentPage, loadChangesPage } = await import("../../src/server/public-pages");
const { checkForcedPublication, forcePublishProposal, proposeStatusUpdate, reviewProposal } = await import("../../src/server/editor/proposals");
const { updateCommitment } = await import("../../src/server/editor/commitments");
const routes = {
  commitment: await import("../../src/app/api/v1/commitments/[slug]/route"),
  commitments: await import("../../src/app/api/v1/commitments/route"),
  changes: await import("../../src/app/api/v1/changes/route"),
  areas: await import("../../src/app/api/v1/areas/route"),
  organisations: await import("../../src/app/api/v1/organisations/route"),
  atom: await import("../../src/app/changes.atom/route"),
};

const SLUG = COMMITMENT;

const database = useTestDatabase();
let client: pg.Client;
let cast: Cast;

beforeAll(async () => {
  const db = await database.get();
  state.db = db.db;
  client = await connect(db.url);
  cast = await createCast(db.db, "second-editor-");
  return () => client.end();
});

const latest = async () => (await client.query(`SELECT latest_publication() AS v`)).rows[0].v as number;
const detail = async (query = "") =>
  JSON.parse(await readBody(await call(routes.commitment.GET, `/api/v1/commitments/${SLUG}${query}`, { params: { slug: SLUG } }))).data;

async function proposeEdit(change: { title?: string; summary?: string }, reason: string, source?: Record<string, string>) {
  const c = await state.db.commitment.findUniqueOrThrow({
    where: { slug: SLUG },
    include: { area: true, leadOrganisation: true, supporters: { include: { organisation: true } } },
  });
  const lead = c.leadOrganisation?.slug ?? "";
  // An editor of the lead organisation (the cast's owner's organisation leads it).
  const result = await updateCommitment(state.db, cast.owner, {
    commitmentId: String(c.id),
    version: String(c.version),
    title: change.title ?? c.title,
    summary: change.summary ?? c.summary,
    area: c.area.slug,
    lead,
    supporting: c.supporters.map((s) => s.organisation.slug),
    reason,
    ...source,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.id;
}

describe("a force-published change", () => {
  it("is marked on the page and in the API until a second editor checks it; the version between still says so", async () => {
    const before = await detail();
    expect(before.secondEditorCheck).toEqual({ checked: true, uncheckedSince: null });
    const id = await proposeEdit({ summary: "An urgent correction of the summary." }, "The summary named the wrong department.");
    const forced = await forcePublishProposal(state.db, cast.admin, { proposalId: String(id), version: "1" });
    expect(forced.ok).toBe(true);
    const forcedAt = await latest();
    const marked = await detail();
    expect(marked.summary).toBe("An urgent correction of the summary.");
    expect(marked.secondEditorCheck.checked).toBe(false);
    expect(marked.secondEditorCheck.uncheckedSince).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const page = await loadCommitmentPage(SLUG, {});
    expect(page.kind === "found" && page.uncheckedSince).toBe(marked.secondEditorCheck.uncheckedSince);
    // The proposal is published without a reviewer; the record says who forced it.
    expect(await state.db.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "approved", reviewerId: null });
    expect(await state.db.forcedPublication.findUniqueOrThrow({ where: { proposalId: id } })).toMatchObject({
      publishedById: cast.admin.id,
      version: forcedAt,
    });

    const checked = await checkForcedPublication(state.db, cast.ownerColleague, { proposalId: String(id) });
    expect(checked.ok).toBe(true);
    expect(await latest()).toBe(forcedAt + 1);
    expect((await detail()).secondEditorCheck).toEqual({ checked: true, uncheckedSince: null });
    const pageNow = await loadCommitmentPage(SLUG, {});
    expect(pageNow.kind === "found" && pageNow.uncheckedSince).toBeNull();
    // Citable: the version that published it unchecked still shows the mark.
    expect((await detail(`?version=${forcedAt}`)).secondEditorCheck.checked).toBe(false);
    // A second check is refused and writes nothing.
    expect(await checkForcedPublication(state.db, cast.supporter, { proposalId: String(id) })).toMatchObject({ ok: false, kind: "conflict" });
    expect(await latest()).toBe(forcedAt + 1);
  });
});

describe("wording history", () => {
  it("a title change shows 'wording changed' with the earlier text, reason and source on the page, in the API, /changes and the feed", async () => {
    const before = await detail();
    const id = await proposeEdit(
      { title: "Explore one government mailbox for letters" },
      "The roadmap explores the idea; it does not commit to it.",
      {
        sourceUrl: "https://www.gov.uk/government/publications/roadmap-for-modern-digital-government",
        sourceTitle: "Roadmap for modern digital government",
        sourcePublisher: "Department for Science, Innovation and Technology",
        sourcePublishedOn: "2026-01-21",
      },
    );
    expect((await reviewProposal(state.db, cast.ownerColleague, { proposalId: String(id), version: "1", decision: "approve" })).ok).toBe(true);
    const v = await latest();
    const api = await detail();
    expect(api.title).toBe("Explore one government mailbox for letters");
    const change = api.history.wordingChanges[0];
    expect(change).toMatchObject({
      version: v,
      title: { before: before.title, after: "Explore one government mailbox for letters" },
      summary: null,
      reason: "The roadmap explores the idea; it does not commit to it.",
      source: {
        url: "https://www.gov.uk/government/publications/roadmap-for-modern-digital-government",
        title: "Roadmap for modern digital government",
      },
    });
    // At the version before, there was no such change.
    expect((await detail(`?version=${v - 1}`)).history.wordingChanges.some((w: { version: number }) => w.version === v)).toBe(false);
    const page = await loadCommitmentPage(SLUG, {});
    expect(page.kind === "found" && page.wordingChanges[0]?.title?.before).toBe(before.title);
    const changes = await loadChangesPage({});
    expect(changes.kind === "found" && changes.wordingChanges[0]?.commitment.slug).toBe(SLUG);
    const atom = await readBody(await call(routes.atom.GET, "/changes.atom"));
    expect(atom).toContain("Explore one government mailbox for letters: wording changed");
    expect(atom).toContain(`Title changed from “${before.title}”`);
  });
});

describe("history tables of issue 12 are append-only", () => {
  for (const table of ["forced_publication", "forced_publication_check", "commitment_revision"]) {
    it(`refuses UPDATE, DELETE and TRUNCATE on ${table}`, async () => {
      const { rows } = await client.query(`SELECT * FROM "${table}" LIMIT 1`);
      expect(rows.length).toBe(1);
      const where = table === "forced_publication_check" ? `forced_publication_id = ${rows[0].forced_publication_id}` : `id = ${rows[0].id}`;
      await expect(client.query(`UPDATE "${table}" SET version = version WHERE ${where}`)).rejects.toThrow(/append-only: UPDATE/);
      await expect(client.query(`DELETE FROM "${table}" WHERE ${where}`)).rejects.toThrow(/append-only: DELETE/);
      await expect(client.query(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(/append-only: TRUNCATE/);
    });
  }

  it("refuses a check by whoever force-published the change, in the database too", async () => {
    const { rows } = await client.query(`SELECT id, published_by_id FROM forced_publication LIMIT 1`);
    await expect(
      client.query(`INSERT INTO forced_publication_check (forced_publication_id, checked_by_id) VALUES ($1, $2)`, [
        rows[0].id,
        rows[0].published_by_id,
      ]),
    ).rejects.toThrow(/checked by another editor|duplicate key/);
  });
});

describe("every URL the API serves satisfies its own format: uri", () => {
  it("with an evidence link that needed normalising, in every kind of answer", async () => {
    const proposal = await proposeStatusUpdate(state.db, cast.owner, {
      commitmentId: String((await state.db.commitment.findUniqueOrThrow({ where: { slug: SLUG } })).id),
      status: "in_progress",
      note: "A pilot mailbox opened.",
      confirmedOn: "2026-06-01",
      evidenceUrl: "HTTPS://WWW.GOV.UK/government/news/mailbox pilot",
      evidenceTitle: "Mailbox pilot",
      evidencePublisher: "GDS",
      evidencePublishedOn: "2026-06-01",
    });
    expect(proposal.ok, JSON.stringify(proposal)).toBe(true);
    if (!proposal.ok) return;
    expect(
      (await reviewProposal(state.db, cast.ownerColleague, { proposalId: String(proposal.value.id), version: "1", decision: "approve" })).ok,
    ).toBe(true);
    const ajv = new Ajv2020();
    addFormats.default(ajv);
    const isUri = ajv.compile({ type: "string", format: "uri" });
    const answers = [
      await call(routes.commitment.GET, `/api/v1/commitments/${SLUG}`, { params: { slug: SLUG } }),
      await call(routes.commitments.GET, "/api/v1/commitments?page_size=100"),
      await call(routes.changes.GET, "/api/v1/changes?page_size=100"),
      await call(routes.areas.GET, "/api/v1/areas"),
      await call(routes.organisations.GET, "/api/v1/organisations"),
    ];
    const urls: string[] = [];
    const walk = (value: unknown) => {
      if (typeof value === "string" && /^[a-z][a-z0-9+.-]*:/i.test(value) && !/^\d/.test(value)) urls.push(value);
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === "object") Object.values(value).forEach(walk);
    };
    for (const answer of answers) walk(JSON.parse(await readBody(answer)));
    expect(urls).toContain("https://www.gov.uk/government/news/mailbox%20pilot");
    expect(urls.length).toBeGreaterThan(100);
    expect(urls.filter((u) => !isUri(u))).toEqual([]);
  });
});
