// Proposals and the second-editor check ("2i"). An editor proposes a status update or a deadline
// revision; a second editor (never the author) or an admin approves it, which publishes it into
// the append-only history exactly once, or returns it with a comment.
//
// Every function here: validates with the zod schemas of src/schemas/editor.ts, asks
// src/domain/permissions.ts, writes in one transaction together with its audit event, and
// returns a Result (nothing is written on any failure).
import type { Db } from "../db";
import type { Actor } from "../../domain/permissions";
import { canPropose, canResubmit, canReview, canWithdraw, canSeeProposal } from "../../domain/permissions";
import { resolveDeadline } from "../../domain/deadline";
import { dayDate, todayIso } from "../../domain/dates";
import {
  deadlineRevisionPayloadSchema,
  deadlineRevisionProposalSchema,
  resubmitDeadlineRevisionSchema,
  resubmitStatusUpdateSchema,
  reviewSchema,
  statusUpdatePayloadSchema,
  statusUpdateProposalSchema,
  withdrawSchema,
  type DeadlineRevisionPayload,
  type DeadlineRevisionProposalInput,
  type StatusUpdateProposalInput,
  type StatusUpdatePayload,
} from "../../schemas/editor";
import {
  RollBack,
  conflict,
  fromZod,
  invalidField,
  notFound,
  ok,
  refused,
  unauthenticated,
  catchRollBack,
  type Failure,
  type Result,
} from "./result";
import { recordAudit } from "./audit";
import { loadCommitmentFacts, loadProposalFacts, type LoadedProposal } from "./facts";
import { findOrCreateSource } from "./sources";
import { isUniqueViolation, inTransaction, transaction, type Tx } from "./tx";

export type Options = { today?: string };

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------------
// Proposing

type Draft<P> = { commitmentId: number; payload: P };

export function statusUpdateDraft(input: Omit<StatusUpdateProposalInput, "commitmentId">): StatusUpdatePayload {
  return {
    status: input.status,
    note: input.note,
    confirmedOn: input.confirmedOn,
    evidence: { url: input.evidenceUrl, title: input.evidenceTitle, publisher: input.evidencePublisher, publishedOn: input.evidencePublishedOn },
  };
}

export function checkStatusUpdate(payload: StatusUpdatePayload, announcedOn: string): Failure | null {
  if (payload.confirmedOn < announcedOn) {
    return invalidField("confirmedOn", `The date progress was confirmed must be on or after the date the commitment was announced (${announcedOn})`);
  }
  return null;
}

function deadlineDraft(input: Omit<DeadlineRevisionProposalInput, "commitmentId">, today: string): Result<DeadlineRevisionPayload> {
  const resolved = resolveDeadline(input.label, input.precision, input.effectiveOn ?? today);
  if (!resolved.ok) return invalidField("label", sentence(resolved.error));
  return ok({
    label: input.label,
    precision: input.precision,
    dueDate: resolved.dueDate,
    reason: input.reason,
    effectiveOn: input.effectiveOn ?? null,
    source: { url: input.sourceUrl, title: input.sourceTitle, publisher: input.sourcePublisher, publishedOn: input.sourcePublishedOn },
  });
}

function checkDeadline(payload: DeadlineRevisionPayload, announcedOn: string): Failure | null {
  if (payload.effectiveOn && payload.effectiveOn < announcedOn) {
    return invalidField("effectiveOn", `The date the change took effect must be on or after the date the commitment was announced (${announcedOn})`);
  }
  return null;
}

/** Creates a proposal inside the caller's transaction (the form, and CSV import, use this). */
export async function insertProposal<P>(
  tx: Tx,
  actor: Actor,
  kind: "status_update" | "deadline_revision",
  draft: Draft<P> | { commitmentSlug: string; payload: P },
  check: (payload: P, announcedOn: string) => Failure | null,
): Promise<Result<{ id: number; commitmentSlug: string }>> {
  const commitment = await loadCommitmentFacts(tx, "commitmentId" in draft ? { id: draft.commitmentId } : { slug: draft.commitmentSlug });
  if (!commitment) return notFound("There is no such commitment.");
  const decision = canPropose(actor, commitment.ownership);
  if (!decision.allowed) return refused(decision, true);
  const problem = check(draft.payload, commitment.announcedOn);
  if (problem) return problem;
  const proposal = await tx.proposal.create({
    data: { commitmentId: commitment.id, kind, payload: draft.payload as object, authorId: actor.id },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "proposal.create",
    entityType: "proposal",
    entityId: proposal.id,
    after: { kind, commitment: commitment.slug, state: proposal.state, version: proposal.version, payload: draft.payload },
  });
  return ok({ id: proposal.id, commitmentSlug: commitment.slug });
}

export async function proposeStatusUpdate(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: number; commitmentSlug: string }>> {
  if (!actor) return unauthenticated;
  const parsed = statusUpdateProposalSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  const draft = { commitmentId: parsed.data.commitmentId, payload: statusUpdateDraft(parsed.data) };
  return inTransaction(db, (tx) => insertProposal(tx, actor, "status_update", draft, checkStatusUpdate));
}

export async function proposeDeadlineRevision(
  db: Db,
  actor: Actor | null,
  input: unknown,
  options: Options = {},
): Promise<Result<{ id: number; commitmentSlug: string }>> {
  if (!actor) return unauthenticated;
  const parsed = deadlineRevisionProposalSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  const draft = deadlineDraft(parsed.data, options.today ?? todayIso());
  if (!draft.ok) return draft;
  const payload = draft.value;
  return inTransaction(db, (tx) =>
    insertProposal(tx, actor, "deadline_revision", { commitmentId: parsed.data.commitmentId, payload }, checkDeadline),
  );
}

// ---------------------------------------------------------------------------------------------
// Reviewing

/** Why a proposal can no longer be acted on, in words, after a conditional update touched no row. */
async function staleProposal(tx: Tx, id: number): Promise<Failure> {
  const now = await loadProposalFacts(tx, id);
  if (!now) return notFound("There is no such proposal.");
  if (now.state === "approved")
    return conflict({
      message: `This proposal has already been approved${now.reviewerName ? ` by ${now.reviewerName}` : ""} and published.`,
      currentVersion: now.version,
    });
  if (now.state === "returned")
    return conflict({
      message: `This proposal has already been returned to its author${now.reviewerName ? ` by ${now.reviewerName}` : ""}.`,
      currentVersion: now.version,
    });
  if (now.state === "withdrawn") return conflict({ message: "This proposal has been withdrawn by its author.", currentVersion: now.version });
  return conflict({
    message: "This proposal was changed since you opened it. Check the new version before you decide.",
    currentVersion: now.version,
  });
}

async function publish(
  tx: Tx,
  proposal: LoadedProposal,
  reviewer: Actor,
  today: string,
): Promise<{ entityType: string; id: number; after: unknown }> {
  if (proposal.kind === "status_update") {
    const payload = statusUpdatePayloadSchema.parse(proposal.payload);
    const source = await findOrCreateSource(tx, payload.evidence);
    const row = await tx.statusUpdate.create({
      data: {
        commitmentId: proposal.commitmentId,
        status: payload.status,
        note: payload.note,
        sourceId: source.id,
        confirmedOn: dayDate(payload.confirmedOn),
        authorId: proposal.authorId,
        approvedById: reviewer.id,
        proposalId: proposal.id,
      },
    });
    return {
      entityType: "status_update",
      id: row.id,
      after: {
        commitment: proposal.commitmentSlug,
        status: payload.status,
        note: payload.note,
        confirmedOn: payload.confirmedOn,
        sourceId: source.id,
        proposalId: proposal.id,
      },
    };
  }
  const payload = deadlineRevisionPayloadSchema.parse(proposal.payload);
  const effectiveOn = payload.effectiveOn ?? today;
  const resolved = resolveDeadline(payload.label, payload.precision, effectiveOn);
  if (!resolved.ok)
    throw new RollBack(invalidField("decision", `The proposed deadline cannot be published: ${resolved.error}. Return it to its author.`));
  const source = await findOrCreateSource(tx, payload.source);
  const row = await tx.deadlineRevision.create({
    data: {
      commitmentId: proposal.commitmentId,
      label: payload.label,
      precision: payload.precision,
      dueDate: resolved.dueDate ? dayDate(resolved.dueDate) : null,
      reason: payload.reason,
      sourceId: source.id,
      effectiveOn: dayDate(effectiveOn),
      authorId: proposal.authorId,
      approvedById: reviewer.id,
      proposalId: proposal.id,
    },
  });
  return {
    entityType: "deadline_revision",
    id: row.id,
    after: {
      commitment: proposal.commitmentSlug,
      label: payload.label,
      precision: payload.precision,
      dueDate: resolved.dueDate,
      effectiveOn,
      reason: payload.reason,
      sourceId: source.id,
      proposalId: proposal.id,
    },
  };
}

export type ReviewOutcome = { id: number; decision: "approve" | "return"; commitmentSlug: string; published?: { entityType: string; id: number } };

/**
 * Approve (publish) or return a pending proposal. Safe under concurrency: the state change is a
 * conditional UPDATE (pending and the version the reviewer saw), and the history row is
 * inserted only when that UPDATE changed exactly one row; the unique proposal_id on the history
 * tables is a second line of defence. Of two simultaneous approvals, one publishes and the
 * other is told the proposal has already been approved.
 */
export async function reviewProposal(db: Db, actor: Actor | null, input: unknown, options: Options = {}): Promise<Result<ReviewOutcome>> {
  if (!actor) return unauthenticated;
  const parsed = reviewSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  const { proposalId, version, decision, comment } = parsed.data;
  const today = options.today ?? todayIso();
  try {
    return await catchRollBack(() =>
      transaction(db, async (tx): Promise<Result<ReviewOutcome>> => {
        const proposal = await loadProposalFacts(tx, proposalId);
        if (!proposal) return notFound("There is no such proposal.");
        const allowed = canReview(actor, proposal);
        if (!allowed.allowed) {
          // A second reviewer who arrives late is told what happened, not that they may not.
          if (proposal.state !== "pending" && proposal.authorId !== actor.id && canReview(actor, { ...proposal, state: "pending" }).allowed) {
            return staleProposal(tx, proposalId);
          }
          return refused(allowed, true);
        }
        const reviewedAt = new Date();
        const updated = await tx.proposal.updateMany({
          where: { id: proposalId, state: "pending", version },
          data:
            decision === "approve"
              ? { state: "approved", reviewerId: actor.id, reviewedAt, version: { increment: 1 } }
              : { state: "returned", reviewerId: actor.id, reviewComment: comment ?? null, reviewedAt, version: { increment: 1 } },
        });
        if (updated.count !== 1) throw new RollBack(await staleProposal(tx, proposalId));
        const after = {
          state: decision === "approve" ? "approved" : "returned",
          version: version + 1,
          reviewerId: actor.id,
          ...(comment ? { comment } : {}),
        };
        await recordAudit(tx, {
          actorId: actor.id,
          action: decision === "approve" ? "proposal.approve" : "proposal.return",
          entityType: "proposal",
          entityId: proposalId,
          before: { state: "pending", version },
          after,
        });
        if (decision === "return") return ok({ id: proposalId, decision, commitmentSlug: proposal.commitmentSlug });
        const published = await publish(tx, proposal, actor, today);
        await recordAudit(tx, {
          actorId: actor.id,
          action: `${published.entityType}.publish`,
          entityType: published.entityType,
          entityId: published.id,
          after: published.after,
        });
        return ok({
          id: proposalId,
          decision,
          commitmentSlug: proposal.commitmentSlug,
          published: { entityType: published.entityType, id: published.id },
        });
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) return conflict({ message: "This proposal has already been published." });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The author's side: withdraw, or change a returned proposal and send it again

export async function withdrawProposal(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: number; commitmentSlug: string }>> {
  if (!actor) return unauthenticated;
  const parsed = withdrawSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  const { proposalId, version } = parsed.data;
  return catchRollBack(() =>
    transaction(db, async (tx) => {
      const proposal = await loadProposalFacts(tx, proposalId);
      // One answer for "not yours to see" and "does not exist" (security review F18).
      if (!proposal || !canSeeProposal(actor, proposal)) return notFound("There is no such proposal.");
      const allowed = canWithdraw(actor, proposal);
      if (!allowed.allowed)
        return proposal.state === "approved" || proposal.state === "withdrawn" ? staleProposal(tx, proposalId) : refused(allowed, true);
      const updated = await tx.proposal.updateMany({
        where: { id: proposalId, version, state: { in: ["pending", "returned"] } },
        data: { state: "withdrawn", version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new RollBack(await staleProposal(tx, proposalId));
      await recordAudit(tx, {
        actorId: actor.id,
        action: "proposal.withdraw",
        entityType: "proposal",
        entityId: proposalId,
        before: { state: proposal.state, version },
        after: { state: "withdrawn", version: version + 1 },
      });
      return ok({ id: proposalId, commitmentSlug: proposal.commitmentSlug });
    }),
  );
}

export async function resubmitProposal(
  db: Db,
  actor: Actor | null,
  input: unknown,
  options: Options = {},
): Promise<Result<{ id: number; commitmentSlug: string }>> {
  if (!actor) return unauthenticated;
  const peek = withdrawSchema.safeParse(input);
  if (!peek.success) return fromZod(peek.error);
  const today = options.today ?? todayIso();
  const kind = await db.proposal.findUnique({ where: { id: peek.data.proposalId }, select: { kind: true } });
  if (!kind) return notFound("There is no such proposal.");

  let payload: StatusUpdatePayload | DeadlineRevisionPayload;
  let check: (payload: never, announcedOn: string) => Failure | null;
  if (kind.kind === "status_update") {
    const parsed = resubmitStatusUpdateSchema.safeParse(input);
    if (!parsed.success) return fromZod(parsed.error);
    payload = statusUpdateDraft(parsed.data);
    check = checkStatusUpdate as typeof check;
  } else {
    const parsed = resubmitDeadlineRevisionSchema.safeParse(input);
    if (!parsed.success) return fromZod(parsed.error);
    const draft = deadlineDraft(parsed.data, today);
    if (!draft.ok) return draft;
    payload = draft.value;
    check = checkDeadline as typeof check;
  }
  const { proposalId, version } = peek.data;
  return catchRollBack(() =>
    transaction(db, async (tx) => {
      const proposal = await loadProposalFacts(tx, proposalId);
      if (!proposal || !canSeeProposal(actor, proposal)) return notFound("There is no such proposal.");
      const allowed = canResubmit(actor, proposal);
      if (!allowed.allowed)
        return proposal.authorId === actor.id && proposal.state !== "returned" ? staleProposal(tx, proposalId) : refused(allowed, true);
      const problem = (check as (p: unknown, a: string) => Failure | null)(payload, proposal.commitmentAnnouncedOn);
      if (problem) return problem;
      const updated = await tx.proposal.updateMany({
        where: { id: proposalId, version, state: "returned" },
        data: { state: "pending", payload: payload as object, reviewerId: null, reviewComment: null, reviewedAt: null, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new RollBack(await staleProposal(tx, proposalId));
      await recordAudit(tx, {
        actorId: actor.id,
        action: "proposal.resubmit",
        entityType: "proposal",
        entityId: proposalId,
        before: { state: "returned", version, payload: proposal.payload },
        after: { state: "pending", version: version + 1, payload },
      });
      return ok({ id: proposalId, commitmentSlug: proposal.commitmentSlug });
    }),
  );
}
