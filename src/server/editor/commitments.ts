// Creating and editing commitments. Edits use optimistic concurrency: the form carries the
// version it was based on, and the UPDATE only applies to that version. An edit based on a
// stale version changes nothing and reports what changed meanwhile.
import type { Db } from "../db";
import type { Actor, Ownership } from "../../domain/permissions";
import { canCreateCommitment, canEditCommitment } from "../../domain/permissions";
import { resolveDeadline } from "../../domain/deadline";
import { commitmentCreateSchema, commitmentUpdateSchema, type CommitmentCreateInput } from "../../schemas/editor";
import {
  RollBack,
  conflict,
  fromZod,
  invalid,
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
import { findOrCreateSource } from "./sources";
import { isUniqueViolation, inTransaction, notePublication, transaction, type Tx } from "./tx";
import { dayDate } from "../../domain/dates";
import type { FieldError } from "../../schemas/errors";

/** The editable fields of a commitment, as shown to editors and kept in the audit log. */
type CommitmentSnapshot = { title: string; summary: string; area: string; lead: string; supporting: string[] };

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

type Resolved = { areaId: number; leadId: number; supportingIds: number[]; supporting: string[] };

/** Area and organisation slugs to ids; unknown slugs are field errors. */
async function resolveReferences(
  tx: Tx,
  input: { area: string; lead: string; supporting: string[] },
  fields = { area: "area", lead: "lead", supporting: "supporting" },
): Promise<Result<Resolved>> {
  const errors: FieldError[] = [];
  const area = await tx.area.findUnique({ where: { slug: input.area }, select: { id: true } });
  if (!area) errors.push({ field: fields.area, message: `There is no area called “${input.area}”: select one from the list` });
  const slugs = [...new Set([input.lead, ...input.supporting])];
  const orgs = await tx.organisation.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const bySlug = new Map(orgs.map((o) => [o.slug, o.id]));
  const leadId = bySlug.get(input.lead);
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

async function freeSlug(tx: Tx, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.commitment.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
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

/**
 * Inserts a validated commitment with its first deadline (the deadline as published, effective
 * from the announcement) inside the caller's transaction. Shared by the form and CSV import.
 */
export async function insertCommitment(
  tx: Tx,
  actor: Actor,
  input: CommitmentCreateInput,
  options: { fields?: CreateFieldNames; slugMustBeNew?: boolean } = {},
): Promise<Result<{ id: number; slug: string }>> {
  const fields = options.fields ?? FORM_FIELDS;
  const refs = await resolveReferences(tx, input, fields);
  if (!refs.ok) return refs;
  const ownership = { leadOrganisationId: refs.value.leadId, supportingOrganisationIds: refs.value.supportingIds };
  const decision = canCreateCommitment(actor, ownership);
  if (!decision.allowed) return refused(decision, true);

  const deadline = resolveDeadline(input.deadlineLabel, input.deadlinePrecision, input.announcedOn);
  if (!deadline.ok) return invalidField(fields.deadlineLabel, deadline.error.charAt(0).toUpperCase() + deadline.error.slice(1));

  let slug: string;
  if (input.slug) {
    if (await tx.commitment.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
      return invalidField(fields.slug, `A commitment with the web address name “${input.slug}” already exists: choose another`);
    }
    slug = input.slug;
  } else {
    slug = await freeSlug(tx, slugify(input.title));
  }

  const source = await findOrCreateSource(tx, {
    url: input.sourceUrl,
    title: input.sourceTitle,
    publisher: input.sourcePublisher,
    publishedOn: input.sourcePublishedOn,
  });
  const commitment = await tx.commitment.create({
    data: {
      slug,
      title: input.title,
      summary: input.summary,
      areaId: refs.value.areaId,
      leadOrganisationId: refs.value.leadId,
      announcedOn: dayDate(input.announcedOn),
      announcedInId: source.id,
      supporters: { create: refs.value.supportingIds.map((organisationId) => ({ organisationId })) },
    },
  });
  const revision = await tx.deadlineRevision.create({
    data: {
      commitmentId: commitment.id,
      label: input.deadlineLabel,
      precision: input.deadlinePrecision,
      dueDate: deadline.dueDate ? dayDate(deadline.dueDate) : null,
      sourceId: source.id,
      effectiveOn: dayDate(input.announcedOn),
      authorId: actor.id,
      approvedById: null,
    },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "commitment.create",
    entityType: "commitment",
    entityId: commitment.id,
    after: {
      slug,
      title: input.title,
      summary: input.summary,
      area: input.area,
      lead: input.lead,
      supporting: refs.value.supporting,
      announcedOn: input.announcedOn,
      announcedIn: input.sourceUrl,
      deadline: { id: revision.id, label: input.deadlineLabel, precision: input.deadlinePrecision, dueDate: deadline.dueDate },
      version: commitment.version,
    },
  });
  return ok({ id: commitment.id, slug });
}

export async function createCommitment(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: number; slug: string }>> {
  if (!actor) return unauthenticated;
  const parsed = commitmentCreateSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  try {
    return await inTransaction(db, async (tx) => {
      await notePublication(tx, `New commitment: ${parsed.data.title}`);
      return insertCommitment(tx, actor, parsed.data);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return invalidField("slug", "A commitment with this web address name was created at the same time: choose another");
    throw error;
  }
}

const FIELD_LABELS: Record<keyof CommitmentSnapshot, string> = {
  title: "Title",
  summary: "Summary",
  area: "Area",
  lead: "Lead organisation",
  supporting: "Supporting organisations",
};

export async function updateCommitment(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<Result<{ id: number; slug: string; version: number; changed: string[] }>> {
  if (!actor) return unauthenticated;
  const parsed = commitmentUpdateSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  const { commitmentId, version, ...fields } = parsed.data;
  return catchRollBack(() =>
    transaction(db, async (tx) => {
      const before = await commitmentSnapshot(tx, commitmentId);
      if (!before) return notFound("There is no such commitment.");
      const refs = await resolveReferences(tx, fields);
      if (!refs.ok) return refs;
      const after: CommitmentSnapshot = {
        title: fields.title,
        summary: fields.summary,
        area: fields.area,
        lead: fields.lead,
        supporting: refs.value.supporting,
      };
      const decision = canEditCommitment(actor, before.ownership, {
        leadOrganisationId: refs.value.leadId,
        supportingOrganisationIds: refs.value.supportingIds,
      });
      if (!decision.allowed) return refused(decision, true);

      await notePublication(tx, `Commitment ${before.slug} edited`);
      // The conditional UPDATE is the concurrency check: it matches only the version the editor saw.
      const updated = await tx.commitment.updateMany({
        where: { id: commitmentId, version },
        data: {
          title: after.title,
          summary: after.summary,
          areaId: refs.value.areaId,
          leadOrganisationId: refs.value.leadId,
          version: { increment: 1 },
          updatedAt: new Date(),
        },
      });
      if (updated.count !== 1) throw new RollBack(await staleCommitment(tx, commitmentId));

      const supportersChanged = before.supporting.join(",") !== after.supporting.join(",");
      if (supportersChanged) {
        await tx.commitmentOwner.deleteMany({ where: { commitmentId } });
        if (refs.value.supportingIds.length) {
          await tx.commitmentOwner.createMany({ data: refs.value.supportingIds.map((organisationId) => ({ commitmentId, organisationId })) });
        }
      }
      const changed = (Object.keys(FIELD_LABELS) as (keyof CommitmentSnapshot)[]).filter(
        (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
      );
      const pick = (s: CommitmentSnapshot) => Object.fromEntries(changed.map((k) => [k, s[k]]));
      await recordAudit(tx, {
        actorId: actor.id,
        action: "commitment.update",
        entityType: "commitment",
        entityId: commitmentId,
        before: { ...pick(before), version },
        after: { ...pick(after), version: version + 1 },
      });
      return ok({ id: commitmentId, slug: before.slug, version: version + 1, changed: changed.map((k) => FIELD_LABELS[k]) });
    }),
  );
}

/** The refusal of a stale edit: the current values and who changed them last. */
async function staleCommitment(tx: Tx, id: number): Promise<Failure> {
  const current = await commitmentSnapshot(tx, id);
  if (!current) return notFound("This commitment no longer exists.");
  const last = await tx.auditEvent.findFirst({
    where: { entityType: "commitment", entityId: String(id), action: { in: ["commitment.update", "commitment.create"] } },
    orderBy: { id: "desc" },
    include: { actor: { select: { name: true } } },
  });
  return conflict({
    message:
      "Someone else changed this commitment after you opened it, so your changes have not been saved. Compare your changes with the current version below, then save again if you still want to make them.",
    current: {
      title: current.title,
      summary: current.summary,
      area: current.area,
      lead: current.lead,
      supporting: current.supporting.join(", "),
    },
    currentVersion: current.version,
    changedBy: last?.actor?.name ?? null,
    changedAt: last ? last.at.toISOString() : null,
  });
}

export { FIELD_LABELS as COMMITMENT_FIELD_LABELS };
