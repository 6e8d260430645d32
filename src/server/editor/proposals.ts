// Proposals and the second-editor check ("2i"). An editor proposes a status update or a deadline
// revision; a second editor (never the author) or an admin approves it, which publishes it into
// the append-only history exactly once, or returns it with a comment.
//
// Every function here: validates with the zod schemas of src/schemas/editor.ts, asks
// src/domain/permissions.ts, writes in one transaction together with its audit event, and
// returns a Result (nothing is written on any failure).
import type { Db } from "../db";
import type { Actor } from "../../domain/permissions";
import { canCheckForced, canForcePublish, canPropose, canResubmit, canReview, canSeeProposal, canWithdraw } from "../../domain/permissions";
import { deadlineProblem, resolveDeadline } from "../../domain/deadline";
import { readTypedDate } from "../../domain/date-entry";
import { dayDate, formatLongDate, isIsoDate, todayIso } from "../../domain/dates";
import { detectDatePrecision, resolveConfirmedDate, resolveOccurrence } from "../../domain/occurrence";
import {
  deadlineRevisionPayloadSchema,
  deadlineRevisionProposalSchema,
  resubmitDeadlineRevisionSchema,
  resubmitStatusUpdateSchema,
  reviewSchema,
  statusUpdatePayloadSchema,
  statusUpdateProposalSchema,
  withdrawSchema,
  checkForcedSchema,
  commitmentCreatePayloadSchema,
  commitmentEditPayloadSchema,
  commitmentImportPayloadSchema,
  forcePublishSchema,
  payloadConfirmed,
  type DatedPayload,
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
import { createCitation } from "./sources";
import { publishCommitmentEdit, publishNewCommitment } from "./commitments";
import { isUniqueViolation, inTransaction, notePublication, transaction, type Tx } from "./tx";

export type Options = { today?: string };

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------------
// Proposing

type Draft<P> = { commitmentId: number; payload: P };

const HOW_TO_WRITE_A_DATE =
  "as the evidence gives it: a day (14 March 2026 or 14/03/2026), or a month or season when that is all it gives (June 2026, summer 2026)";

/** A day typed as 14/03/2026 (src/domain/date-entry.ts) is kept in words, as a source would write it: 14 March 2026. */
function inWords(label: string): string {
  const typed = /^\d{4}-\d{2}-\d{2}$/.test(label.trim()) ? null : readTypedDate(label);
  return typed ? formatLongDate(typed) : label;
}

/** The evidence's date, as worded, read into its period (precision from the words); never in the future. */
function confirmedDate(typed: string, today: string): Result<DatedPayload> {
  const label = inWords(typed);
  if (/^\d{4}-\d{2}-\d{2}$/.test(label) && !isIsoDate(label))
    return invalidField("confirmedOn", "The date progress was confirmed must be a real date");
  const precision = detectDatePrecision(label, today);
  if (!precision) return invalidField("confirmedOn", `Write the date progress was confirmed ${HOW_TO_WRITE_A_DATE}`);
  const r = resolveConfirmedDate(label, precision, today);
  if (!r.ok) return invalidField("confirmedOn", "The date progress was confirmed must be today or in the past");
  return ok({ label, precision, ...r.window });
}

/** When it happened, as worded, read back from the end of the confirmation; never after it. */
function occurredDate(typed: string, confirmed: DatedPayload): Result<DatedPayload> {
  const label = inWords(typed);
  if (/^\d{4}-\d{2}-\d{2}$/.test(label) && !isIsoDate(label)) return invalidField("occurred", "When it happened must be a real date");
  const precision = detectDatePrecision(label, confirmed.to);
  if (!precision) return invalidField("occurred", `Write when it happened ${HOW_TO_WRITE_A_DATE}, or leave it empty if the evidence does not say`);
  const r = resolveOccurrence(label, precision, confirmed);
  if (!r.ok) return invalidField("occurred", `When it happened must be no later than the evidence that confirms it (“${confirmed.label}”)`);
  return ok({ label, precision, ...r.window });
}

/** A status update's payload, with its dates read into periods, or the field errors. */
export function statusUpdateDraft(input: Omit<StatusUpdateProposalInput, "commitmentId">, today = todayIso()): Result<StatusUpdatePayload> {
  const confirmed = confirmedDate(input.confirmedOn, today);
  if (!confirmed.ok) return confirmed;
  const occurred = input.occurred ? occurredDate(input.occurred, confirmed.value) : ok(null);
  if (!occurred.ok) return occurred;
  return ok({
    status: input.status,
    note: input.note,
    confirmedOn: confirmed.value.from,
    confirmed: confirmed.value,
    occurred: occurred.value,
    evidence: { url: input.evidenceUrl, title: input.evidenceTitle, publisher: input.evidencePublisher, publishedOn: input.evidencePublishedOn },
  });
}

export function checkStatusUpdate(payload: StatusUpdatePayload, announcedOn: string): Failure | null {
  if (payloadConfirmed(payload).to < announcedOn) {
    return invalidField("confirmedOn", `The date progress was confirmed must be on or after the date the commitment was announced (${announcedOn})`);
  }
  return null;
}

function deadlineDraft(input: Omit<DeadlineRevisionProposalInput, "commitmentId">, today: string): Result<DeadlineRevisionPayload> {
  const resolved = resolveDeadline(input.label, input.precision, input.effectiveOn ?? today);
  if (!resolved.ok)
    return invalidField(
      "label",
      deadlineProblem(input.label, input.precision, input.effectiveOn ?? today, "The new deadline") ?? sentence(resolved.error),
    );
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
  const payload = statusUpdateDraft(parsed.data);
  if (!payload.ok) return payload;
  const draft = { commitmentId: parsed.data.commitmentId, payload: payload.value };
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

type Published = { entityType: string; id: number; commitmentId: number; commitmentSlug: string; after: unknown };

/** The commitment of a proposal for an existing one (every kind but a new commitment). */
function existingCommitmentId(proposal: LoadedProposal): number {
  if (proposal.commitmentId === null) throw new Error(`proposal ${proposal.id} has no commitment`);
  return proposal.commitmentId;
}

/**
 * Writes what a proposal publishes into the public record, inside the deciding transaction.
 * approvedById is the second editor, or null when an admin force-publishes it.
 */
async function publish(tx: Tx, proposal: LoadedProposal, approvedById: number | null, today: string): Promise<Published> {
  if (proposal.kind === "commitment_create") {
    const payload = commitmentCreatePayloadSchema.parse(proposal.payload);
    await notePublication(tx, `New commitment: ${payload.title}`);
    const row = await publishNewCommitment(tx, proposal, payload, approvedById);
    return { entityType: "commitment", id: row.id, commitmentId: row.id, commitmentSlug: row.slug, after: row.after };
  }
  if (proposal.kind === "commitment_import") {
    const payload = commitmentImportPayloadSchema.parse(proposal.payload);
    await notePublication(tx, `CSV import: ${payload.rows.length} new commitments`);
    const rows = [];
    for (const row of payload.rows) rows.push(await publishNewCommitment(tx, proposal, row, approvedById, { ofBatch: true }));
    return {
      entityType: "import",
      id: proposal.id,
      commitmentId: rows[0]!.id,
      commitmentSlug: rows[0]!.slug,
      after: { commitments: rows.map((r) => ({ id: r.id, slug: r.slug })), proposalId: proposal.id },
    };
  }
  if (proposal.kind === "commitment_edit") {
    const payload = commitmentEditPayloadSchema.parse(proposal.payload);
    await notePublication(tx, `Commitment ${proposal.commitmentSlug} edited`);
    const row = await publishCommitmentEdit(tx, { id: proposal.id, commitmentId: existingCommitmentId(proposal) }, payload);
    return { entityType: "commitment", id: row.id, commitmentId: row.id, commitmentSlug: row.slug, after: row.after };
  }
  const commitmentId = existingCommitmentId(proposal);
  if (proposal.kind === "status_update") {
    const payload = statusUpdatePayloadSchema.parse(proposal.payload);
    const confirmed = payloadConfirmed(payload);
    const occurred = payload.occurred ?? null;
    const source = await createCitation(tx, payload.evidence);
    await notePublication(tx, `Status update for ${proposal.commitmentSlug}, approved`);
    const row = await tx.statusUpdate.create({
      data: {
        commitmentId,
        status: payload.status,
        note: payload.note,
        sourceId: source.id,
        confirmedOn: dayDate(confirmed.from),
        confirmedTo: dayDate(confirmed.to),
        confirmedPrecision: confirmed.precision,
        confirmedLabel: confirmed.label,
        occurredLabel: occurred?.label ?? null,
        occurredPrecision: occurred?.precision ?? null,
        occurredFrom: occurred ? dayDate(occurred.from) : null,
        occurredTo: occurred ? dayDate(occurred.to) : null,
        authorId: proposal.authorId,
        approvedById,
        proposalId: proposal.id,
      },
    });
    return {
      entityType: "status_update",
      id: row.id,
      commitmentId,
      commitmentSlug: proposal.commitmentSlug,
      after: {
        commitment: proposal.commitmentSlug,
        status: payload.status,
        note: payload.note,
        confirmed,
        occurred,
        version: row.version,
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
  const source = await createCitation(tx, payload.source);
  await notePublication(tx, `Deadline revision for ${proposal.commitmentSlug}, approved`);
  const row = await tx.deadlineRevision.create({
    data: {
      commitmentId,
      label: payload.label,
      precision: payload.precision,
      dueDate: resolved.dueDate ? dayDate(resolved.dueDate) : null,
      reason: payload.reason,
      sourceId: source.id,
      effectiveOn: dayDate(effectiveOn),
      authorId: proposal.authorId,
      approvedById,
      proposalId: proposal.id,
    },
  });
  return {
    entityType: "deadline_revision",
    id: row.id,
    commitmentId,
    commitmentSlug: proposal.commitmentSlug,
    after: {
      commitment: proposal.commitmentSlug,
      label: payload.label,
      precision: payload.precision,
      dueDate: resolved.dueDate,
      effectiveOn,
      reason: payload.reason,
      version: row.version,
      sourceId: source.id,
      proposalId: proposal.id,
    },
  };
}

/** Publishes a proposal and records the publish in the audit log (as the actor who decided). */
async function publishAndRecord(tx: Tx, proposal: LoadedProposal, actor: Actor, approvedById: number | null, today: string): Promise<Published> {
  const published = await publish(tx, proposal, approvedById, today);
  await recordAudit(tx, {
    actorId: actor.id,
    action: `${published.entityType}.publish`,
    entityType: published.entityType,
    entityId: published.id,
    after: published.after,
  });
  return published;
}

/** A decision that publishes: the unique proposal_id of the history tables is the last line of defence against publishing twice. */
async function publishedOnce<T>(work: () => Promise<Result<T>>, message = "This proposal has already been published."): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) return conflict({ message });
    throw error;
  }
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
  return publishedOnce(() =>
    catchRollBack(() =>
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
        const published = await publishAndRecord(tx, proposal, actor, actor.id, today);
        return ok({
          id: proposalId,
          decision,
          commitmentSlug: published.commitmentSlug,
          published: { entityType: published.entityType, id: published.id },
        });
      }),
    ),
  );
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
  if (kind.kind === "commitment_create" || kind.kind === "commitment_edit") {
    return invalidField("form", "A returned commitment proposal cannot be changed: withdraw it and propose the change again.");
  }

  let payload: StatusUpdatePayload | DeadlineRevisionPayload;
  let check: (payload: never, announcedOn: string) => Failure | null;
  if (kind.kind === "status_update") {
    const parsed = resubmitStatusUpdateSchema.safeParse(input);
    if (!parsed.success) return fromZod(parsed.error);
    const draft = statusUpdateDraft(parsed.data, today);
    if (!draft.ok) return draft;
    payload = draft.value;
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

// ---------------------------------------------------------------------------------------------
// Emergencies: an admin publishes at once; a second editor checks it afterwards

export type ForceOutcome = { id: number; commitmentSlug: string; published: { entityType: string; id: number } };

/**
 * An admin publishes a pending proposal (their own or anyone's) without a second editor. It goes
 * live at once, recorded in forced_publication at the same version, and is shown as "Not yet
 * checked by a second editor" until someone else checks it (checkForcedPublication).
 */
export async function forcePublishProposal(db: Db, actor: Actor | null, input: unknown, options: Options = {}): Promise<Result<ForceOutcome>> {
  if (!actor) return unauthenticated;
  const parsed = forcePublishSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  const { proposalId, version } = parsed.data;
  const today = options.today ?? todayIso();
  return publishedOnce(() =>
    catchRollBack(() =>
      transaction(db, async (tx): Promise<Result<ForceOutcome>> => {
        const proposal = await loadProposalFacts(tx, proposalId);
        if (!proposal) return notFound("There is no such proposal.");
        const allowed = canForcePublish(actor, proposal);
        if (!allowed.allowed) return actor.role === "admin" ? staleProposal(tx, proposalId) : refused(allowed, true);
        const updated = await tx.proposal.updateMany({
          where: { id: proposalId, state: "pending", version },
          data: { state: "approved", reviewerId: null, reviewedAt: new Date(), version: { increment: 1 } },
        });
        if (updated.count !== 1) throw new RollBack(await staleProposal(tx, proposalId));
        const published = await publishAndRecord(tx, proposal, actor, null, today);
        await tx.forcedPublication.create({ data: { proposalId, commitmentId: published.commitmentId, publishedById: actor.id } });
        await recordAudit(tx, {
          actorId: actor.id,
          action: "proposal.force_publish",
          entityType: "proposal",
          entityId: proposalId,
          before: { state: "pending", version },
          after: { state: "approved", version: version + 1, checked: false },
        });
        return ok({ id: proposalId, commitmentSlug: published.commitmentSlug, published: { entityType: published.entityType, id: published.id } });
      }),
    ),
  );
}

/**
 * A second editor (anyone but the admin who force-published it, who may work on the commitment)
 * checks a force-published change. The check is itself a publish (the public mark goes), so a
 * version before it still shows the change as not yet checked.
 */
export async function checkForcedPublication(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: number; commitmentSlug: string }>> {
  if (!actor) return unauthenticated;
  const parsed = checkForcedSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  const { proposalId } = parsed.data;
  return publishedOnce(
    () =>
      inTransaction(db, async (tx) => {
        const forced = await tx.forcedPublication.findUnique({
          where: { proposalId },
          include: {
            check: { select: { checkedById: true } },
            proposal: { select: { authorId: true } },
            commitment: { select: { slug: true, leadOrganisationId: true, supporters: { select: { organisationId: true } } } },
          },
        });
        if (!forced) return notFound("There is no such force-published change.");
        const allowed = canCheckForced(actor, {
          publishedById: forced.publishedById,
          authorId: forced.proposal.authorId,
          checked: forced.check !== null,
          commitment: {
            leadOrganisationId: forced.commitment.leadOrganisationId,
            supportingOrganisationIds: forced.commitment.supporters.map((s) => s.organisationId),
          },
        });
        if (!allowed.allowed) {
          return forced.check ? conflict({ message: "This change has already been checked by a second editor." }) : refused(allowed, true);
        }
        await notePublication(tx, `Checked by a second editor: ${forced.commitment.slug}`);
        await tx.forcedPublicationCheck.create({ data: { forcedPublicationId: forced.id, checkedById: actor.id } });
        await recordAudit(tx, {
          actorId: actor.id,
          action: "proposal.check",
          entityType: "proposal",
          entityId: proposalId,
          before: { checked: false },
          after: { checked: true },
        });
        return ok({ id: proposalId, commitmentSlug: forced.commitment.slug });
      }),
    "This change has already been checked by a second editor.",
  );
}
