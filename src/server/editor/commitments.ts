// New commitments and edits of a commitment's title, summary, area and owners are proposals,
// checked by a second editor like status updates (issue 12; src/server/editor/proposals.ts
// publishes them). An edit proposes only the fields the editor changed, each with the value they
// started from, so a concurrent change of another field is never reverted (ux review §3.5): a
// real three-way check, when proposed and again when published.
import type { Db } from "../db";
import type { Actor, Ownership } from "../../domain/permissions";
import { canCreateCommitment, canEditCommitment } from "../../domain/permissions";
import { deadlineProblem, resolveDeadline } from "../../domain/deadline";
import {
  commitmentCreateSchema,
  commitmentUpdateSchema,
  type CommitmentCreateInput,
  type CommitmentCreatePayload,
  type CommitmentEditPayload,
  type CommitmentImportPayload,
  type CommitmentSnapshot,
  type CommitmentUpdateInput,
} from "../../schemas/editor";
import { conflict, fromZod, invalid, invalidField, notFound, ok, refused, unauthenticated, RollBack, type Failure, type Result } from "./result";
import { recordAudit } from "./audit";
import { createCitation } from "./sources";
import { inTransaction, noteRevision, type Tx } from "./tx";
import { dayDate } from "../../domain/dates";
import type { FieldError } from "../../schemas/errors";

async function commitmentSnapshot(
  tx: Tx,
  id: number,
): Promise<(CommitmentSnapshot & { version: number; slug: string; ownership: Ownership }) | null> {
  const c = await tx.commitment.findUnique({
    where: { id },
    include: { area: true, leadOrganisation: true, supporters: { include: { organisation: true } } },
  });
  if (!c) return null;
  return {
    slug: c.slug,
    version: c.version,
    title: c.title,
    summary: c.summary,
    area: c.area.slug,
    // No lead named by a source: the form asks for one (editors' owner changes are reviewed).
    lead: c.leadOrganisation?.slug ?? "",
    supporting: c.supporters.map((s) => s.organisation.slug).sort(),
    ownership: { leadOrganisationId: c.leadOrganisationId, supportingOrganisationIds: c.supporters.map((s) => s.organisationId) },
  };
}

type Resolved = { areaId: number; leadId: number | null; supportingIds: number[]; supporting: string[] };

/** Area and organisation slugs to ids; unknown slugs are field errors. */
async function resolveReferences(
  tx: Tx,
  input: { area: string; lead: string; supporting: string[] },
  fields = { area: "area", lead: "lead", supporting: "supporting" },
): Promise<Result<Resolved>> {
  const errors: FieldError[] = [];
  const area = await tx.area.findUnique({ where: { slug: input.area }, select: { id: true } });
  if (!area) errors.push({ field: fields.area, message: `There is no area called “${input.area}”: select one from the list` });
  const slugs = [...new Set([input.lead, ...input.supporting])].filter(Boolean);
  const orgs = await tx.organisation.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const bySlug = new Map(orgs.map((o) => [o.slug, o.id]));
  // An empty lead: no published source names one.
  const leadId = input.lead === "" ? null : bySlug.get(input.lead);
  if (leadId === undefined) errors.push({ field: fields.lead, message: `There is no organisation called “${input.lead}”: select one from the list` });
  const unknown = input.supporting.filter((s) => !bySlug.has(s));
  if (unknown.length)
    errors.push({
      field: fields.supporting,
      message: `There is no organisation called “${unknown[0]}”: select supporting organisations from the list`,
    });
  if (errors.length || !area || leadId === undefined) return invalid(errors);
  // The lead is not also a supporter.
  const supporting = [...new Set(input.supporting)].filter((s) => s !== input.lead).sort();
  return ok({ areaId: area.id, leadId, supportingIds: supporting.map((s) => bySlug.get(s)!), supporting });
}

function slugify(title: string): string {
  return (
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/&/g, " and ")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/g, "") || "commitment"
  );
}

async function freeSlug(base: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}

/** Field names of the create form, so CSV import can map errors to its own columns. */
export type CreateFieldNames = Record<"slug" | "area" | "lead" | "supporting" | "deadlineLabel" | "announcedOn", string>;
const FORM_FIELDS: CreateFieldNames = {
  slug: "slug",
  area: "area",
  lead: "lead",
  supporting: "supporting",
  deadlineLabel: "deadlineLabel",
  announcedOn: "announcedOn",
};

/** A proposal row and its audit event, inside the caller's transaction. */
async function insertCommitmentProposal(
  tx: Tx,
  actor: Actor,
  kind: "commitment_create" | "commitment_edit" | "commitment_import",
  commitment: { id: number; slug: string } | null,
  payload: CommitmentCreatePayload | CommitmentEditPayload | CommitmentImportPayload,
): Promise<{ id: number }> {
  const proposal = await tx.proposal.create({ data: { commitmentId: commitment?.id ?? null, kind, payload: payload as object, authorId: actor.id } });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "proposal.create",
    entityType: "proposal",
    entityId: proposal.id,
    after: {
      kind,
      commitment: commitment?.slug ?? ("slug" in payload ? payload.slug : null),
      state: proposal.state,
      version: proposal.version,
      payload,
    },
  });
  return proposal;
}

/**
 * Checks a new commitment, inside the caller's transaction, and returns what it would publish
 * (the form and CSV import use this; `slugsTaken` holds the slugs earlier rows of a file claim).
 */
export async function prepareNewCommitment(
  tx: Tx,
  actor: Actor,
  input: CommitmentCreateInput,
  options: { fields?: CreateFieldNames; slugsTaken?: Set<string> } = {},
): Promise<Result<CommitmentCreatePayload>> {
  const fields = options.fields ?? FORM_FIELDS;
  const refs = await resolveReferences(tx, input, fields);
  if (!refs.ok) return refs;
  const ownership = { leadOrganisationId: refs.value.leadId, supportingOrganisationIds: refs.value.supportingIds };
  const decision = canCreateCommitment(actor, ownership);
  if (!decision.allowed) return refused(decision, true);

  const deadline = resolveDeadline(input.deadlineLabel, input.deadlinePrecision, input.announcedOn);
  if (!deadline.ok)
    return invalidField(
      fields.deadlineLabel,
      deadlineProblem(input.deadlineLabel, input.deadlinePrecision, input.announcedOn) ??
        deadline.error.charAt(0).toUpperCase() + deadline.error.slice(1),
    );

  const taken = async (slug: string) =>
    Boolean(options.slugsTaken?.has(slug)) || (await tx.commitment.findUnique({ where: { slug }, select: { id: true } })) !== null;
  let slug: string;
  if (input.slug) {
    if (await taken(input.slug)) {
      return invalidField(fields.slug, `A commitment with the web address name “${input.slug}” already exists: choose another`);
    }
    slug = input.slug;
  } else {
    slug = await freeSlug(slugify(input.title), taken);
  }
  options.slugsTaken?.add(slug);
  const payload: CommitmentCreatePayload = {
    slug,
    title: input.title,
    summary: input.summary,
    area: input.area,
    lead: input.lead,
    supporting: refs.value.supporting,
    announcedOn: input.announcedOn,
    deadline: { label: input.deadlineLabel, precision: input.deadlinePrecision, dueDate: deadline.dueDate },
    source: { url: input.sourceUrl, title: input.sourceTitle, publisher: input.sourcePublisher, publishedOn: input.sourcePublishedOn },
    ownership,
  };
  return ok(payload);
}

/** The form "Add a commitment": a proposal for a second editor; nothing is public until one approves it. */
export async function createCommitment(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: number; slug: string }>> {
  if (!actor) return unauthenticated;
  const parsed = commitmentCreateSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  return inTransaction(db, async (tx) => {
    const payload = await prepareNewCommitment(tx, actor, parsed.data);
    if (!payload.ok) return payload;
    const proposal = await insertCommitmentProposal(tx, actor, "commitment_create", null, payload.value);
    return ok({ id: proposal.id, slug: payload.value.slug });
  });
}

/** A CSV file of new commitments as one proposal, reviewed as a whole (src/server/editor/import.ts). */
export async function insertImportProposal(tx: Tx, actor: Actor, payload: CommitmentImportPayload): Promise<{ id: number }> {
  return insertCommitmentProposal(tx, actor, "commitment_import", null, payload);
}

/**
 * Publishes an approved (or force-published) new commitment with its first deadline (the
 * deadline as published, effective from the announcement) and its own announcement citation.
 */
export async function publishNewCommitment(
  tx: Tx,
  proposal: { id: number; authorId: number },
  payload: CommitmentCreatePayload,
  approvedById: number | null,
  options: { ofBatch?: boolean } = {},
): Promise<{ id: number; slug: string; after: unknown }> {
  const refs = await resolveReferences(tx, payload);
  if (!refs.ok) throw new RollBack(invalidField("decision", "An area or organisation of this proposal no longer exists: return it to its author."));
  if (await tx.commitment.findUnique({ where: { slug: payload.slug }, select: { id: true } })) {
    throw new RollBack(
      invalidField("decision", `A commitment with the web address name “${payload.slug}” was published meanwhile: return it to its author.`),
    );
  }
  const source = await createCitation(tx, payload.source);
  await noteRevision(tx, { reason: null, sourceId: source.id, proposalId: proposal.id });
  const commitment = await tx.commitment.create({
    data: {
      slug: payload.slug,
      title: payload.title,
      summary: payload.summary,
      areaId: refs.value.areaId,
      leadOrganisationId: refs.value.leadId,
      announcedOn: dayDate(payload.announcedOn),
      announcedInId: source.id,
      supporters: { create: refs.value.supportingIds.map((organisationId) => ({ organisationId })) },
    },
  });
  const revision = await tx.deadlineRevision.create({
    data: {
      commitmentId: commitment.id,
      label: payload.deadline.label,
      precision: payload.deadline.precision,
      dueDate: payload.deadline.dueDate ? dayDate(payload.deadline.dueDate) : null,
      sourceId: source.id,
      effectiveOn: dayDate(payload.announcedOn),
      authorId: proposal.authorId,
      approvedById,
      proposalId: null,
    },
  });
  // A proposal of one new commitment now belongs to it; an import's proposal stays with its file.
  if (!options.ofBatch) await tx.proposal.update({ where: { id: proposal.id }, data: { commitmentId: commitment.id } });
  return {
    id: commitment.id,
    slug: payload.slug,
    after: { ...payload, deadline: { id: revision.id, ...payload.deadline }, sourceId: source.id, proposalId: proposal.id },
  };
}

const FIELD_LABELS: Record<keyof CommitmentSnapshot, string> = {
  title: "Title",
  summary: "Summary",
  area: "Area",
  lead: "Lead organisation",
  supporting: "Supporting organisations",
};
const FIELDS = Object.keys(FIELD_LABELS) as (keyof CommitmentSnapshot)[];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields a proposed edit changes whose value changed meanwhile to something else: a true conflict. */
function conflictingFields(current: CommitmentSnapshot, payload: Pick<CommitmentEditPayload, "base" | "changes">): (keyof CommitmentSnapshot)[] {
  return FIELDS.filter((k) => payload.changes[k] !== undefined && !same(current[k], payload.base[k]) && !same(current[k], payload.changes[k]));
}

/** The base the form was opened with; an old form (or a test) without it is based on the record now. */
function baseOf(input: CommitmentUpdateInput, current: CommitmentSnapshot): CommitmentSnapshot {
  if (input.baseTitle === undefined) return current;
  return {
    title: input.baseTitle,
    summary: input.baseSummary ?? current.summary,
    area: input.baseArea ?? current.area,
    lead: input.baseLead ?? current.lead,
    supporting: [...new Set(input.baseSupporting ?? current.supporting)].filter((s) => s !== (input.baseLead ?? current.lead)).sort(),
  };
}

/** The form "Edit title, summary and owners": a proposal of the fields the editor changed. */
export async function updateCommitment(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<Result<{ id: number; slug: string; changed: string[] }>> {
  if (!actor) return unauthenticated;
  const parsed = commitmentUpdateSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  const { commitmentId } = parsed.data;
  return inTransaction(db, async (tx) => {
    const current = await commitmentSnapshot(tx, commitmentId);
    if (!current) return notFound("There is no such commitment.");
    // Who may work on it at all comes first: someone who may not is told so, not what changed.
    const scope = canEditCommitment(actor, current.ownership);
    if (!scope.allowed) return refused(scope, true);
    const refs = await resolveReferences(tx, parsed.data);
    if (!refs.ok) return refs;
    const submitted: CommitmentSnapshot = {
      title: parsed.data.title,
      summary: parsed.data.summary,
      area: parsed.data.area,
      lead: parsed.data.lead,
      supporting: refs.value.supporting,
    };
    const base = baseOf(parsed.data, current);
    const changedKeys = FIELDS.filter((k) => !same(submitted[k], base[k]));
    if (!changedKeys.length) return invalidField("title", "You have not changed anything: change a field, or go back to the commitment");
    const payload: CommitmentEditPayload = {
      base: Object.fromEntries(changedKeys.map((k) => [k, base[k]])),
      changes: Object.fromEntries(changedKeys.map((k) => [k, submitted[k]])),
      reason: parsed.data.reason,
      source: parsed.data.sourceUrl
        ? {
            url: parsed.data.sourceUrl,
            title: parsed.data.sourceTitle!,
            publisher: parsed.data.sourcePublisher!,
            publishedOn: parsed.data.sourcePublishedOn!,
          }
        : null,
      ownership: { leadOrganisationId: refs.value.leadId, supportingOrganisationIds: refs.value.supportingIds },
    };
    const conflicts = conflictingFields(current, payload);
    if (conflicts.length) return staleCommitment(tx, commitmentId, conflicts);
    const after = await resolveReferences(tx, { ...current, ...payload.changes });
    if (!after.ok) return after;
    const decision = canEditCommitment(actor, current.ownership, {
      leadOrganisationId: after.value.leadId,
      supportingOrganisationIds: after.value.supportingIds,
    });
    if (!decision.allowed) return refused(decision, true);
    const proposal = await insertCommitmentProposal(tx, actor, "commitment_edit", { id: commitmentId, slug: current.slug }, payload);
    return ok({ id: proposal.id, slug: current.slug, changed: changedKeys.map((k) => FIELD_LABELS[k]) });
  });
}

/**
 * Publishes an approved (or force-published) edit: only the fields it changes, and only if none
 * of them changed meanwhile to something else (then the reviewer returns it to its author).
 */
export async function publishCommitmentEdit(
  tx: Tx,
  proposal: { id: number; commitmentId: number },
  payload: CommitmentEditPayload,
): Promise<{ id: number; slug: string; after: unknown }> {
  const current = await commitmentSnapshot(tx, proposal.commitmentId);
  if (!current) throw new RollBack(notFound("This commitment no longer exists."));
  const conflicts = conflictingFields(current, payload);
  if (conflicts.length) {
    throw new RollBack(
      invalidField(
        "decision",
        `${conflicts.map((k) => FIELD_LABELS[k]).join(", ")} changed after this was proposed, so it cannot be published as it is: return it to its author.`,
      ),
    );
  }
  const next: CommitmentSnapshot = { ...current, ...payload.changes };
  const refs = await resolveReferences(tx, next);
  if (!refs.ok) throw new RollBack(invalidField("decision", "An area or organisation of this proposal no longer exists: return it to its author."));
  const source = payload.source ? await createCitation(tx, payload.source) : null;
  await noteRevision(tx, { reason: payload.reason, sourceId: source?.id ?? null, proposalId: proposal.id });
  await tx.commitment.update({
    where: { id: proposal.commitmentId },
    data: {
      title: next.title,
      summary: next.summary,
      areaId: refs.value.areaId,
      leadOrganisationId: refs.value.leadId,
      version: { increment: 1 },
      updatedAt: new Date(),
    },
  });
  if (!same(current.supporting, refs.value.supporting)) {
    await tx.commitmentOwner.deleteMany({ where: { commitmentId: proposal.commitmentId } });
    if (refs.value.supportingIds.length) {
      await tx.commitmentOwner.createMany({
        data: refs.value.supportingIds.map((organisationId) => ({ commitmentId: proposal.commitmentId, organisationId })),
      });
    }
  }
  const changed = FIELDS.filter((k) => payload.changes[k] !== undefined);
  return {
    id: proposal.commitmentId,
    slug: current.slug,
    after: {
      before: Object.fromEntries(changed.map((k) => [k, current[k]])),
      after: Object.fromEntries(changed.map((k) => [k, next[k]])),
      reason: payload.reason,
      sourceId: source?.id ?? null,
      proposalId: proposal.id,
    },
  };
}

/** The refusal of an edit that conflicts with a change made meanwhile: the current values of the conflicting fields, and who changed them. */
async function staleCommitment(tx: Tx, id: number, fields: (keyof CommitmentSnapshot)[]): Promise<Failure> {
  const current = await commitmentSnapshot(tx, id);
  if (!current) return notFound("This commitment no longer exists.");
  const last = await tx.auditEvent.findFirst({
    where: { entityType: "commitment", entityId: String(id), action: { in: ["commitment.publish", "commitment.update", "commitment.create"] } },
    orderBy: { id: "desc" },
    include: { actor: { select: { name: true } } },
  });
  const all: Record<keyof CommitmentSnapshot, string> = {
    title: current.title,
    summary: current.summary,
    area: current.area,
    lead: current.lead,
    supporting: current.supporting.join(", "),
  };
  return conflict({
    message: `This commitment was changed after you opened it: ${fields.map((k) => FIELD_LABELS[k].toLowerCase()).join(", ")}. Nothing was sent for checking. Compare your version with the published one below, then send it again if you still want to make the change.`,
    current: Object.fromEntries(fields.map((k) => [k, all[k]])),
    currentVersion: current.version,
    changedBy: last?.actor?.name ?? null,
    changedAt: last ? last.at.toISOString() : null,
  });
}

export { FIELD_LABELS as COMMITMENT_FIELD_LABELS };
