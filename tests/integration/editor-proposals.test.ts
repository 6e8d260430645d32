// The second-editor check end to end against PostgreSQL: propose → approve publishes exactly
// once (even under concurrent approvals), return → change → approve, deadline revisions,
// sources found or created, audit events, and the public queries seeing the result.
import { describe, it, expect, beforeAll } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import { createPrismaClient, type Db } from "../../src/server/db";
import { proposeDeadlineRevision, proposeStatusUpdate, resubmitProposal, reviewProposal, withdrawProposal } from "../../src/server/editor/proposals";
import { listChanges } from "../../src/server/queries/changes";
import { getCommitmentSummary } from "../../src/server/queries/commitments";
import { commitmentStateToday, listEditorCommitments, myProposals, reviewQueue } from "../../src/server/editor/queries";
import { todayIso } from "../../src/domain/dates";
import { COMMITMENT, createCast, createUser, validCommitment, validDeadlineRevision, validStatusUpdate, type Cast } from "../helpers/editor-fixtures";
import { createCommitment } from "../../src/server/editor/commitments";

const database = useTestDatabase();
let db: Db;
let url: string;
let cast: Cast;
let n = 0;
const evidenceUrl = () => `https://www.gov.uk/government/news/evidence-${++n}`;

beforeAll(async () => {
  const t = await database.get();
  db = t.db;
  url = t.url;
  cast = await createCast(db);
});

async function propose(overrides: Record<string, unknown> = {}) {
  const result = await proposeStatusUpdate(db, cast.owner, validStatusUpdate(cast.commitmentId, { evidenceUrl: evidenceUrl(), ...overrides }));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return db.proposal.findUniqueOrThrow({ where: { id: result.value.id } });
}

describe("what an editor of another organisation learns", () => {
  it("withdrawing a proposal they may not see gets the same answer whether it exists, is pending or was approved (security review F18)", async () => {
    const pending = await propose();
    const approvedOne = await propose();
    expect(
      (await reviewProposal(db, cast.ownerColleague, { proposalId: approvedOne.id, version: approvedOne.version, decision: "approve" })).ok,
    ).toBe(true);
    const answers = await Promise.all(
      [pending.id, approvedOne.id, 99_999_999].map((id) => withdrawProposal(db, cast.other, { proposalId: String(id), version: "1" })),
    );
    expect(answers[0]).toEqual({ ok: false, kind: "not_found", message: "There is no such proposal." });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
});

describe("proposing and approving a status update", () => {
  it("stores a pending proposal, then publishes it once a second editor approves it", async () => {
    const proposal = await propose({ status: "at_risk", note: "The pilot is behind schedule.", confirmedOn: todayIso() });
    expect(proposal.state).toBe("pending");
    expect(proposal.authorId).toBe(cast.owner.id);
    expect(await db.statusUpdate.count({ where: { proposalId: proposal.id } })).toBe(0);

    const queue = await reviewQueue(db, cast.ownerColleague);
    expect(queue.map((p) => p.id)).toContain(proposal.id);
    expect((await reviewQueue(db, cast.owner)).map((p) => p.id)).not.toContain(proposal.id);
    expect((await reviewQueue(db, cast.other)).map((p) => p.id)).not.toContain(proposal.id);
    expect((await myProposals(db, cast.owner)).open.map((p) => p.id)).toContain(proposal.id);

    const approved = await reviewProposal(db, cast.ownerColleague, { proposalId: proposal.id, version: proposal.version, decision: "approve" });
    expect(approved.ok).toBe(true);

    const published = await db.statusUpdate.findUniqueOrThrow({ where: { proposalId: proposal.id }, include: { source: true } });
    expect(published).toMatchObject({
      status: "at_risk",
      note: "The pilot is behind schedule.",
      authorId: cast.owner.id,
      approvedById: cast.ownerColleague.id,
    });
    expect(published.confirmedOn.toISOString().slice(0, 10)).toBe(todayIso());
    expect(published.source).toMatchObject({ publisher: "HM Treasury", title: "Spending approvals pilot begins" });

    const after = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(after).toMatchObject({ state: "approved", reviewerId: cast.ownerColleague.id, version: proposal.version + 1 });

    // The public queries see it at once (the app then expires its cache).
    const summary = await getCommitmentSummary(db, COMMITMENT, todayIso());
    expect(summary?.status.code).toBe("at_risk");
    const { items } = await listChanges(db, { asOf: todayIso(), commitmentSlug: COMMITMENT });
    expect(items.some((i) => i.kind === "status_update" && i.id === published.id)).toBe(true);

    const audit = await db.auditEvent.findMany({
      where: {
        OR: [
          { entityType: "proposal", entityId: String(proposal.id) },
          { entityType: "status_update", entityId: String(published.id) },
        ],
      },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["proposal.create", "proposal.approve", "status_update.publish"]);
    expect(audit[1]).toMatchObject({ actorId: cast.ownerColleague.id, before: { state: "pending" }, after: { state: "approved" } });
  });

  it("keeps the citation as reviewed: a source row registered earlier for the same link, with a false title, changes nothing (security review F1)", async () => {
    const url = "https://www.gov.uk/government/news/sec-test-real-time-finance-data-live";
    // 1. An editor of another organisation squats the link with a false title: a new commitment
    //    citing it, which (worst case) a colleague of theirs approves.
    const squatter = await createUser(db, "squatter@example.gov.uk", "editor", ["hm-revenue-and-customs"]);
    const squatterColleague = await createUser(db, "squatter2@example.gov.uk", "editor", ["hm-revenue-and-customs"]);
    const squat = await createCommitment(
      db,
      squatter,
      validCommitment({
        slug: "sec-squat",
        lead: "hm-revenue-and-customs",
        supporting: [],
        sourceUrl: url,
        sourceTitle: "HM Treasury admits real-time finance data programme has failed",
        sourcePublisher: "HM Treasury",
        sourcePublishedOn: "2026-02-01",
      }),
    );
    expect(squat.ok).toBe(true);
    if (!squat.ok) return;
    expect((await reviewProposal(db, squatterColleague, { proposalId: squat.value.id, version: 1, decision: "approve" })).ok).toBe(true);
    // 2. An honest proposal cites the same link with the true title; a second editor approves what they see.
    const honest = await propose({
      evidenceUrl: url,
      evidenceTitle: "Real-time finance data goes live",
      evidencePublisher: "HM Treasury",
      evidencePublishedOn: "2026-03-01",
    });
    const result = await reviewProposal(db, cast.ownerColleague, { proposalId: honest.id, version: honest.version, decision: "approve" });
    expect(result.ok).toBe(true);
    // 3. The public record shows what was reviewed.
    const published = await db.statusUpdate.findUniqueOrThrow({ where: { proposalId: honest.id }, include: { source: true } });
    expect(published.source).toMatchObject({ url, title: "Real-time finance data goes live", publisher: "HM Treasury" });
    expect(published.source.publishedOn.toISOString().slice(0, 10)).toBe("2026-03-01");
    const { items } = await listChanges(db, { asOf: todayIso(), commitmentSlug: COMMITMENT });
    const shown = items.find((e) => e.kind === "status_update" && e.source?.url === url);
    expect(shown?.source?.title).toBe("Real-time finance data goes live");
    // And the squatter's citation is still the one its own commitment was approved with.
    const squatted = await db.commitment.findUniqueOrThrow({ where: { slug: "sec-squat" }, include: { announcedIn: true } });
    expect(squatted.announcedIn?.title).toBe("HM Treasury admits real-time finance data programme has failed");
  });

  it("a returned proposal is changed by its author and approved in its new version", async () => {
    const proposal = await propose();
    const returned = await reviewProposal(db, cast.supporter, {
      proposalId: proposal.id,
      version: proposal.version,
      decision: "return",
      comment: "Name the three departments.",
    });
    expect(returned.ok).toBe(true);
    let row = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(row).toMatchObject({ state: "returned", reviewComment: "Name the three departments.", reviewerId: cast.supporter.id });
    expect((await myProposals(db, cast.owner)).open.find((p) => p.id === proposal.id)?.state).toBe("returned");

    // Approving the old version is refused: it is no longer pending.
    const stale = await reviewProposal(db, cast.admin, { proposalId: proposal.id, version: proposal.version, decision: "approve" });
    expect(stale.ok).toBe(false);

    const { commitmentId: _ignored, ...fields } = validStatusUpdate(cast.commitmentId, {
      note: "The pilot started in DWP, HMRC and the Home Office.",
      evidenceUrl: evidenceUrl(),
    });
    const resubmitted = await resubmitProposal(db, cast.owner, { ...fields, proposalId: proposal.id, version: row.version });
    expect(resubmitted.ok).toBe(true);
    row = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(row).toMatchObject({ state: "pending", reviewComment: null, reviewerId: null });
    expect((row.payload as { note: string }).note).toBe("The pilot started in DWP, HMRC and the Home Office.");

    const approved = await reviewProposal(db, cast.supporter, { proposalId: proposal.id, version: row.version, decision: "approve" });
    expect(approved.ok).toBe(true);
    const published = await db.statusUpdate.findUniqueOrThrow({ where: { proposalId: proposal.id } });
    expect(published.note).toBe("The pilot started in DWP, HMRC and the Home Office.");
    const actions = (await db.auditEvent.findMany({ where: { entityType: "proposal", entityId: String(proposal.id) }, orderBy: { id: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["proposal.create", "proposal.return", "proposal.resubmit", "proposal.approve"]);
  });

  it("a withdrawn proposal can no longer be approved", async () => {
    const proposal = await propose();
    const withdrawn = await withdrawProposal(db, cast.owner, { proposalId: proposal.id, version: proposal.version });
    expect(withdrawn.ok).toBe(true);
    const approve = await reviewProposal(db, cast.admin, { proposalId: proposal.id, version: proposal.version + 1, decision: "approve" });
    expect(approve).toMatchObject({ ok: false, kind: "conflict" });
    expect(await db.statusUpdate.count({ where: { proposalId: proposal.id } })).toBe(0);
  });

  it("an approval based on an older version of the proposal is refused", async () => {
    const proposal = await propose();
    const result = await reviewProposal(db, cast.admin, { proposalId: proposal.id, version: proposal.version + 5, decision: "approve" });
    expect(result).toMatchObject({ ok: false, kind: "conflict" });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).state).toBe("pending");
  });
});

describe("concurrent approvals of the same proposal publish it exactly once", () => {
  it("of several reviewers approving at the same moment, one publishes and the others are told it is already approved", async () => {
    const reviewers = [cast.admin, cast.ownerColleague, cast.supporter, await createUser(db, "second-admin@example.gov.uk", "admin", [])];
    // Separate clients, so each approval runs on its own connections, as separate app instances would.
    const clients = reviewers.map(() => createPrismaClient(url));
    try {
      for (let round = 0; round < 5; round++) {
        const proposal = await propose({ note: `Round ${round}` });
        const results = await Promise.all(
          reviewers.map((reviewer, i) =>
            reviewProposal(clients[i]!, reviewer, { proposalId: proposal.id, version: proposal.version, decision: "approve" }),
          ),
        );
        const winners = results.filter((r) => r.ok);
        expect(winners).toHaveLength(1);
        for (const loser of results.filter((r) => !r.ok)) {
          expect(loser).toMatchObject({ kind: "conflict" });
          if (!loser.ok && loser.kind === "conflict") expect(loser.message).toMatch(/already been approved/);
        }
        expect(await db.statusUpdate.count({ where: { proposalId: proposal.id } })).toBe(1);
        expect(await db.auditEvent.count({ where: { entityType: "proposal", entityId: String(proposal.id), action: "proposal.approve" } })).toBe(1);
      }
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });

  it("an approval racing a return: exactly one of them wins", async () => {
    const proposal = await propose();
    const [a, b] = await Promise.all([
      reviewProposal(db, cast.admin, { proposalId: proposal.id, version: proposal.version, decision: "approve" }),
      reviewProposal(db, cast.ownerColleague, { proposalId: proposal.id, version: proposal.version, decision: "return", comment: "Not yet." }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const row = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(await db.statusUpdate.count({ where: { proposalId: proposal.id } })).toBe(row.state === "approved" ? 1 : 0);
  });

  it("the unique proposal_id is a second line of defence in the database", async () => {
    const proposal = await propose();
    await reviewProposal(db, cast.admin, { proposalId: proposal.id, version: proposal.version, decision: "approve" });
    const published = await db.statusUpdate.findUniqueOrThrow({ where: { proposalId: proposal.id } });
    await expect(
      db.statusUpdate.create({
        data: {
          commitmentId: published.commitmentId,
          status: published.status,
          note: "duplicate",
          sourceId: published.sourceId,
          confirmedOn: published.confirmedOn,
          proposalId: proposal.id,
        },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });
});

describe("deadline revisions", () => {
  it("publishes the new deadline from the approval date, with its resolved due date, keeping the old one", async () => {
    const before = await commitmentStateToday(db, cast.commitmentId);
    const proposed = await proposeDeadlineRevision(
      db,
      cast.supporter,
      validDeadlineRevision(cast.commitmentId, { label: "spring 2027", precision: "season" }),
    );
    expect(proposed.ok).toBe(true);
    if (!proposed.ok) return;
    const proposal = await db.proposal.findUniqueOrThrow({ where: { id: proposed.value.id } });
    expect((proposal.payload as { dueDate: string }).dueDate).toBe("2027-05-31");
    const approved = await reviewProposal(
      db,
      cast.owner,
      { proposalId: proposal.id, version: proposal.version, decision: "approve" },
      { today: todayIso() },
    );
    expect(approved.ok).toBe(true);
    const revision = await db.deadlineRevision.findUniqueOrThrow({ where: { proposalId: proposal.id } });
    expect(revision).toMatchObject({
      label: "spring 2027",
      precision: "season",
      reason: "The pilot was extended to include two more departments.",
      authorId: cast.supporter.id,
      approvedById: cast.owner.id,
    });
    expect(revision.dueDate?.toISOString().slice(0, 10)).toBe("2027-05-31");
    expect(revision.effectiveOn.toISOString().slice(0, 10)).toBe(todayIso());
    const after = await commitmentStateToday(db, cast.commitmentId);
    expect(after.deadlineLabel).toBe("spring 2027");
    expect(after.deadlineLabel).not.toBe(before.deadlineLabel);
    const total = await db.deadlineRevision.count({ where: { commitmentId: cast.commitmentId } });
    expect(total).toBeGreaterThanOrEqual(2);
  });

  it("uses a given effective date (not in the future) instead of the approval date", async () => {
    const proposed = await proposeDeadlineRevision(
      db,
      cast.owner,
      validDeadlineRevision(cast.commitmentId, { label: "December 2026", precision: "month", effectiveOn: "2026-05-01" }),
    );
    expect(proposed.ok).toBe(true);
    if (!proposed.ok) return;
    const proposal = await db.proposal.findUniqueOrThrow({ where: { id: proposed.value.id } });
    await reviewProposal(db, cast.admin, { proposalId: proposal.id, version: proposal.version, decision: "approve" });
    const revision = await db.deadlineRevision.findUniqueOrThrow({ where: { proposalId: proposal.id } });
    expect(revision.effectiveOn.toISOString().slice(0, 10)).toBe("2026-05-01");
    expect(revision.dueDate?.toISOString().slice(0, 10)).toBe("2026-12-31");
  });
});

describe("the dashboard", () => {
  it("lists the editor's commitments and those not confirmed for 90 days", async () => {
    const mine = await listEditorCommitments(db, cast.owner, { scope: "mine" });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((c) => c.slug)).toContain(COMMITMENT);
    const others = await listEditorCommitments(db, cast.other, { scope: "mine" });
    expect(others.map((c) => c.slug)).not.toContain(COMMITMENT);
    expect(others.every((c) => c.leadName === "HM Revenue and Customs")).toBe(true);

    // As of a date long after the last confirmation, every open commitment is "not confirmed for 90 days".
    const later = await listEditorCommitments(db, cast.owner, { scope: "mine", staleOnly: true, today: "2030-01-01" });
    const open = mine.filter((c) => !["delivered", "delivered_differently", "dropped"].includes(c.status));
    expect(later.length).toBe(open.length);
    // Today, the commitment confirmed in these tests is not stale.
    const now = await listEditorCommitments(db, cast.owner, { scope: "mine", staleOnly: true, today: "2026-06-01" });
    expect(now.map((c) => c.slug)).not.toContain(COMMITMENT);
  });
});

describe("the three dates of a status update", () => {
  it("reads when it happened and when it was confirmed with their precisions, and approval publishes them at a new version", async () => {
    const before = (await db.publication.findFirst({ orderBy: { version: "desc" } }))!.version;
    const proposal = await propose({ status: "delivered", note: "The service went live.", occurred: "in March 2026", confirmedOn: "June 2026" });
    expect(proposal.payload).toMatchObject({
      confirmedOn: "2026-06-01",
      confirmed: { label: "June 2026", precision: "month", from: "2026-06-01", to: "2026-06-30" },
      occurred: { label: "in March 2026", precision: "month", from: "2026-03-01", to: "2026-03-31" },
    });
    // Proposing publishes nothing.
    expect((await db.publication.findFirst({ orderBy: { version: "desc" } }))!.version).toBe(before);
    const approved = await reviewProposal(db, cast.ownerColleague, { proposalId: proposal.id, version: proposal.version, decision: "approve" });
    expect(approved.ok).toBe(true);
    const row = await db.statusUpdate.findUniqueOrThrow({ where: { proposalId: proposal.id }, include: { publication: true } });
    const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
    expect([row.confirmedLabel, row.confirmedPrecision, day(row.confirmedOn), day(row.confirmedTo)]).toEqual([
      "June 2026",
      "month",
      "2026-06-01",
      "2026-06-30",
    ]);
    expect([row.occurredLabel, row.occurredPrecision, day(row.occurredFrom), day(row.occurredTo), day(row.effectiveOn)]).toEqual([
      "in March 2026",
      "month",
      "2026-03-01",
      "2026-03-31",
      "2026-03-31",
    ]);
    // Published at the next version, stamped by the database with that version's time.
    expect(row.version).toBe(before + 1);
    expect(row.publishedAt.getTime()).toBe(row.publication.publishedAt.getTime());
    expect(row.publication.note).toBe(`Status update for ${COMMITMENT}, approved`);
  });

  it("refuses a date it cannot read, one in the future, and one that happened after it was confirmed, on their fields", async () => {
    const errors = async (overrides: Record<string, unknown>) => {
      const result = await proposeStatusUpdate(db, cast.owner, validStatusUpdate(cast.commitmentId, overrides));
      if (result.ok || result.kind !== "invalid") throw new Error("expected field errors");
      return Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
    };
    expect((await errors({ confirmedOn: "when the minister spoke" })).confirmedOn).toMatch(/as the evidence gives it/);
    expect((await errors({ confirmedOn: "December 2099" })).confirmedOn).toBe("The date progress was confirmed must be today or in the past");
    expect((await errors({ occurred: "July 2026", confirmedOn: "June 2026" })).occurred).toBe(
      "When it happened must be no later than the evidence that confirms it (“June 2026”)",
    );
    expect((await errors({ occurred: "soonish" })).occurred).toMatch(/leave it empty if the evidence does not say/);
  });

  it("approves a proposal made before dates had precisions as confirmed on a day", async () => {
    const proposal = await propose();
    const old = { ...(proposal.payload as Record<string, unknown>) };
    delete old.confirmed;
    delete old.occurred;
    await db.$executeRaw`UPDATE proposal SET payload = ${JSON.stringify(old)}::jsonb WHERE id = ${proposal.id}`;
    const approved = await reviewProposal(db, cast.ownerColleague, { proposalId: proposal.id, version: proposal.version, decision: "approve" });
    expect(approved.ok).toBe(true);
    const row = await db.statusUpdate.findUniqueOrThrow({ where: { proposalId: proposal.id } });
    expect([row.confirmedLabel, row.confirmedPrecision, row.occurredLabel]).toEqual(["2 March 2026", "day", null]);
  });
});
