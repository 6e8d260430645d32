// Reads for the editor back office. Never cached: editors always see the database as it is.
import { LEAD_NOT_NAMED } from "../../domain/ownership";
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";
import { canWorkOn, type Actor, type Ownership, type ProposalState } from "../../domain/permissions";
import { proposedCommitment } from "./facts";
import { CLOSED_STATUS_CODES, type StatusCode } from "../../domain/status";
import { staleBefore } from "../../domain/attention";
import { lastConfirmationSql } from "../queries/commitment-detail";
import type { Precision } from "../../domain/deadline";
import { addDays, dayDate, todayIso, isoDay } from "../../domain/dates";
import {
  commitmentCreatePayloadSchema,
  commitmentEditPayloadSchema,
  commitmentImportPayloadSchema,
  deadlineRevisionPayloadSchema,
  statusUpdatePayloadSchema,
  type CommitmentCreatePayload,
  type CommitmentEditPayload,
  type CommitmentImportPayload,
  type AuditFilter,
  type DeadlineRevisionPayload,
  type StatusUpdatePayload,
} from "../../schemas/editor";

export type EditorCommitmentRow = {
  id: number;
  slug: string;
  title: string;
  areaTitle: string;
  leadName: string;
  status: StatusCode;
  statusConfirmedOn: string | null;
  deadlineLabel: string | null;
  dueDate: string | null;
  overdue: boolean;
  pendingProposals: number;
  lastConfirmedOrAnnounced: string;
};

type CommitmentRow = {
  id: number;
  slug: string;
  title: string;
  area_title: string;
  lead_name: string | null;
  status: StatusCode | null;
  status_confirmed_on: Date | null;
  deadline_label: string | null;
  due_date: Date | null;
  overdue: boolean | null;
  pending: bigint;
  announced_on: Date;
};

const toRow = (r: CommitmentRow): EditorCommitmentRow => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  areaTitle: r.area_title,
  leadName: r.lead_name ?? LEAD_NOT_NAMED,
  status: r.status ?? "not_started",
  statusConfirmedOn: isoDay(r.status_confirmed_on),
  deadlineLabel: r.deadline_label,
  dueDate: isoDay(r.due_date),
  overdue: r.overdue ?? false,
  pendingProposals: Number(r.pending),
  lastConfirmedOrAnnounced: isoDay(r.status_confirmed_on ?? r.announced_on),
});

/** SQL condition: the commitment is owned or supported by one of the actor's organisations. */
const ownedBy = (organisationIds: readonly number[]) => Prisma.sql`(
  c.lead_organisation_id = ANY(${[...organisationIds]}::int[])
  OR EXISTS (SELECT 1 FROM commitment_owner co WHERE co.commitment_id = c.id AND co.organisation_id = ANY(${[...organisationIds]}::int[])))`;

/** When progress on commitment c was last confirmed by `today`, as the public commitment page counts it. */
const lastConfirmed = (today: string) =>
  Prisma.sql`(SELECT u.confirmed_to FROM status_update u WHERE u.id = ${lastConfirmationSql(Prisma.sql`c.id`, today)})`;

/** SQL condition: src/domain/attention.ts isStale() on `today`, for rows of commitment c joined to its state s. */
const staleCondition = (today: string) => Prisma.sql`(
  NOT (COALESCE(s.status, 'not_started')::text = ANY(${[...CLOSED_STATUS_CODES]}::text[]))
  AND COALESCE(${lastConfirmed(today)}, c.announced_on) < ${staleBefore(today)}::date)`;

export async function listEditorCommitments(
  db: Db,
  actor: Actor,
  options: { scope: "mine" | "all"; q?: string; staleOnly?: boolean; today?: string } = { scope: "mine" },
): Promise<EditorCommitmentRow[]> {
  const today = options.today ?? todayIso();
  // A commitment taken off the tracker is no longer worked on.
  const conditions: Prisma.Sql[] = [Prisma.sql`c.removal_reason IS NULL`];
  if (options.scope === "mine") conditions.push(ownedBy(actor.organisationIds));
  if (options.q) conditions.push(Prisma.sql`(c.search @@ websearch_to_tsquery('english', ${options.q}) OR c.slug ILIKE ${`%${options.q}%`})`);
  if (options.staleOnly) conditions.push(staleCondition(today));
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const order = options.staleOnly
    ? Prisma.sql`ORDER BY COALESCE(${lastConfirmed(today)}, c.announced_on) ASC, c.title`
    : Prisma.sql`ORDER BY a.position, c.title`;
  const rows = await db.$queryRaw<CommitmentRow[]>`
    SELECT c.id, c.slug, c.title, a.title AS area_title, lo.name AS lead_name, s.status, ${lastConfirmed(today)} AS status_confirmed_on,
           s.deadline_label, s.due_date, s.overdue, c.announced_on,
           (SELECT COUNT(*) FROM proposal p WHERE p.commitment_id = c.id AND p.state = 'pending') AS pending
    FROM commitment c
    JOIN area a ON a.id = c.area_id
    LEFT JOIN organisation lo ON lo.id = c.lead_organisation_id
    LEFT JOIN commitment_state_as_of(${today}::date) s ON s.commitment_id = c.id
    ${where}
    ${order}`;
  return rows.map(toRow);
}

/**
 * What a proposal would publish, parsed from its stored payload. `payload` is null only if a
 * stored payload no longer matches its schema (pages then say it cannot be read).
 */
export type ProposalContent =
  | { kind: "status_update"; payload: StatusUpdatePayload | null }
  | { kind: "deadline_revision"; payload: DeadlineRevisionPayload | null }
  | { kind: "commitment_create"; payload: CommitmentCreatePayload | null }
  | { kind: "commitment_edit"; payload: CommitmentEditPayload | null }
  | { kind: "commitment_import"; payload: CommitmentImportPayload | null };

function proposalContent(kind: ProposalContent["kind"], stored: unknown): ProposalContent {
  if (kind === "commitment_create") {
    const parsed = commitmentCreatePayloadSchema.safeParse(stored);
    return { kind, payload: parsed.success ? parsed.data : null };
  }
  if (kind === "commitment_edit") {
    const parsed = commitmentEditPayloadSchema.safeParse(stored);
    return { kind, payload: parsed.success ? parsed.data : null };
  }
  if (kind === "commitment_import") {
    const parsed = commitmentImportPayloadSchema.safeParse(stored);
    return { kind, payload: parsed.success ? parsed.data : null };
  }
  if (kind === "status_update") {
    const parsed = statusUpdatePayloadSchema.safeParse(stored);
    return { kind, payload: parsed.success ? parsed.data : null };
  }
  const parsed = deadlineRevisionPayloadSchema.safeParse(stored);
  return { kind, payload: parsed.success ? parsed.data : null };
}

export type ProposalListItem = ProposalContent & {
  id: number;
  state: ProposalState;
  createdAt: string;
  reviewedAt: string | null;
  reviewComment: string | null;
  author: { id: number; name: string };
  reviewer: { id: number; name: string } | null;
  /** published is false for a new commitment not yet published (its slug and title are the proposed ones). */
  commitment: { slug: string; title: string; published: boolean };
  /** Force-published by an admin: whether a second editor has checked it since. */
  forced: { checked: boolean } | null;
};

const proposalInclude = {
  author: { select: { id: true, name: true } },
  reviewer: { select: { id: true, name: true } },
  commitment: { select: { slug: true, title: true } },
  forcedPublication: { select: { check: { select: { checkedById: true } } } },
} as const;

type ProposalWithRelations = Prisma.ProposalGetPayload<{ include: typeof proposalInclude }>;

function proposalCommitment(p: Pick<ProposalWithRelations, "commitment" | "payload">): ProposalListItem["commitment"] {
  if (p.commitment) return { ...p.commitment, published: true };
  const file = commitmentImportPayloadSchema.safeParse(p.payload);
  if (file.success) return { slug: "", title: `${file.data.rows.length} new commitments from a CSV file`, published: false };
  const proposed = commitmentCreatePayloadSchema.safeParse(p.payload);
  return proposed.success
    ? { slug: proposed.data.slug, title: proposed.data.title, published: false }
    : { slug: "", title: "A new commitment", published: false };
}

const toProposalItem = (p: ProposalWithRelations): ProposalListItem => ({
  ...proposalContent(p.kind, p.payload),
  id: p.id,
  state: p.state,
  createdAt: p.createdAt.toISOString(),
  reviewedAt: p.reviewedAt?.toISOString() ?? null,
  reviewComment: p.reviewComment,
  author: p.author,
  reviewer: p.reviewer,
  commitment: proposalCommitment(p),
  forced: p.forcedPublication ? { checked: p.forcedPublication.check !== null } : null,
});

/** Pending proposals this actor may check: not their own, on commitments they may work on. */
export async function reviewQueue(db: Db, actor: Actor): Promise<ProposalListItem[]> {
  const scope: Prisma.ProposalWhereInput =
    actor.role === "admin"
      ? {}
      : {
          commitment: {
            OR: [
              { leadOrganisationId: { in: [...actor.organisationIds] } },
              { supporters: { some: { organisationId: { in: [...actor.organisationIds] } } } },
            ],
          },
        };
  const [rows, proposedNew] = await Promise.all([
    db.proposal.findMany({
      where: { state: "pending", authorId: { not: actor.id }, ...scope },
      include: proposalInclude,
      orderBy: { createdAt: "asc" },
    }),
    // New commitments have no commitment row yet: their owners are in the payload.
    actor.role === "admin"
      ? []
      : db.proposal.findMany({
          where: { state: "pending", authorId: { not: actor.id }, kind: { in: ["commitment_create", "commitment_import"] }, commitmentId: null },
          include: proposalInclude,
          orderBy: { createdAt: "asc" },
        }),
  ]);
  const mine = proposedNew.filter((p) => {
    const proposed = proposedCommitment(p.payload);
    return (proposed.batch ?? [proposed.ownership]).every((o) => canWorkOn(actor, o).allowed);
  });
  return [...rows, ...mine].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map(toProposalItem);
}

/** The actor's own proposals still in play (pending or returned), then the latest decided ones. */
export async function myProposals(
  db: Db,
  actor: Actor,
  options: { recentDays?: number } = {},
): Promise<{ open: ProposalListItem[]; recent: ProposalListItem[] }> {
  const since = new Date(Date.now() - (options.recentDays ?? 30) * 86_400_000);
  const [open, recent] = await Promise.all([
    db.proposal.findMany({
      where: { authorId: actor.id, state: { in: ["pending", "returned"] } },
      include: proposalInclude,
      orderBy: { createdAt: "desc" },
    }),
    db.proposal.findMany({
      where: { authorId: actor.id, state: { in: ["approved", "withdrawn"] }, OR: [{ reviewedAt: { gte: since } }, { createdAt: { gte: since } }] },
      include: proposalInclude,
      orderBy: { id: "desc" },
      take: 20,
    }),
  ]);
  return { open: open.map(toProposalItem), recent: recent.map(toProposalItem) };
}

export async function listProposals(db: Db, filter: { state?: ProposalState; commitmentId?: number; take?: number }) {
  const rows = await db.proposal.findMany({
    where: { state: filter.state, commitmentId: filter.commitmentId },
    include: proposalInclude,
    orderBy: { id: "desc" },
    take: filter.take ?? 100,
  });
  return rows.map(toProposalItem);
}

/** What is in effect today for one commitment (the editor's view; the as-of engine's is domain/history.ts CommitmentState). */
export type CurrentStateRow = {
  status: StatusCode;
  statusConfirmedOn: string | null;
  deadlineLabel: string | null;
  deadlinePrecision: Precision | null;
  dueDate: string | null;
  overdue: boolean;
};

export async function commitmentStateToday(db: Db, commitmentId: number, today = todayIso()): Promise<CurrentStateRow> {
  const [row] = await db.$queryRaw<
    {
      status: StatusCode;
      status_confirmed_on: Date | null;
      deadline_label: string | null;
      deadline_precision: Precision | null;
      due_date: Date | null;
      overdue: boolean;
    }[]
  >`SELECT status, status_confirmed_on, deadline_label, deadline_precision, due_date, overdue FROM commitment_state_as_of(${today}::date) WHERE commitment_id = ${commitmentId}`;
  if (!row) {
    // Announced after today (possible when an editor records a future announcement date): nothing in effect yet.
    const first = await db.deadlineRevision.findFirst({ where: { commitmentId }, orderBy: [{ effectiveOn: "asc" }, { id: "asc" }] });
    return {
      status: "not_started",
      statusConfirmedOn: null,
      deadlineLabel: first?.label ?? null,
      deadlinePrecision: first?.precision ?? null,
      dueDate: isoDay(first?.dueDate),
      overdue: false,
    };
  }
  return {
    status: row.status,
    statusConfirmedOn: isoDay(row.status_confirmed_on),
    deadlineLabel: row.deadline_label,
    deadlinePrecision: row.deadline_precision,
    dueDate: isoDay(row.due_date),
    overdue: row.overdue,
  };
}

export type EditorCommitment = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  version: number;
  announcedOn: string;
  updatedAt: string;
  area: { slug: string; title: string };
  /** Null when no published source names a lead. */
  lead: { id: number; slug: string; name: string } | null;
  supporting: { id: number; slug: string; name: string }[];
  ownership: Ownership;
  state: CurrentStateRow;
};

export async function getEditorCommitment(db: Db, where: { slug: string } | { id: number }): Promise<EditorCommitment | null> {
  const c = await db.commitment.findUnique({
    where,
    include: { area: true, leadOrganisation: true, supporters: { include: { organisation: true } } },
  });
  if (!c) return null;
  const supporting = c.supporters
    .map((s) => ({ id: s.organisation.id, slug: s.organisation.slug, name: s.organisation.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    summary: c.summary,
    version: c.version,
    announcedOn: isoDay(c.announcedOn),
    updatedAt: c.updatedAt.toISOString(),
    area: { slug: c.area.slug, title: c.area.title },
    lead: c.leadOrganisation ? { id: c.leadOrganisation.id, slug: c.leadOrganisation.slug, name: c.leadOrganisation.name } : null,
    supporting,
    ownership: { leadOrganisationId: c.leadOrganisationId, supportingOrganisationIds: c.supporters.map((s) => s.organisationId) },
    state: await commitmentStateToday(db, c.id),
  };
}

export type ProposalDetail = ProposalListItem & {
  version: number;
  commitmentId: number | null;
  ownership: Ownership;
  /** An import: the owners of every row. */
  batch?: Ownership[];
  publishedId: number | null;
  forcedBy: { id: number; name: string } | null;
};

export async function getProposal(db: Db, id: number): Promise<ProposalDetail | null> {
  const p = await db.proposal.findUnique({
    where: { id },
    include: {
      ...proposalInclude,
      commitment: { select: { id: true, slug: true, title: true, leadOrganisationId: true, supporters: { select: { organisationId: true } } } },
      statusUpdate: { select: { id: true } },
      deadlineRevision: { select: { id: true } },
      forcedPublication: { select: { publishedBy: { select: { id: true, name: true } }, check: { select: { checkedById: true } } } },
    },
  });
  if (!p) return null;
  const c = p.commitment;
  const item = toProposalItem({ ...p, commitment: c ? { slug: c.slug, title: c.title } : null });
  const proposed = c ? null : proposedCommitment(p.payload);
  return {
    ...item,
    version: p.version,
    commitmentId: c?.id ?? null,
    ownership: c
      ? { leadOrganisationId: c.leadOrganisationId, supportingOrganisationIds: c.supporters.map((s) => s.organisationId) }
      : proposed!.ownership,
    batch: proposed?.batch,
    publishedId:
      p.statusUpdate?.id ?? p.deadlineRevision?.id ?? (p.kind.startsWith("commitment_") && p.state === "approved" ? (c?.id ?? null) : null),
    forcedBy: p.forcedPublication?.publishedBy ?? null,
  };
}

/** The return comments a proposal received before it was changed and sent again (from the audit log). */
export async function proposalHistory(db: Db, id: number) {
  const events = await db.auditEvent.findMany({
    where: { entityType: "proposal", entityId: String(id) },
    orderBy: { id: "asc" },
    include: { actor: { select: { name: true } } },
  });
  return events.map((e) => ({
    id: Number(e.id),
    at: e.at.toISOString(),
    action: e.action,
    actorName: e.actor?.name ?? null,
    after: e.after as Record<string, unknown> | null,
  }));
}

export async function formOptions(db: Db) {
  const [areas, organisations] = await Promise.all([
    db.area.findMany({ orderBy: { position: "asc" }, select: { slug: true, title: true } }),
    db.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } }),
  ]);
  return { areas, organisations };
}

// ---------------------------------------------------------------------------------------------
// Audit log

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  id: string;
  at: string;
  actor: { name: string; email: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

export async function listAuditEvents(db: Db, filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  const where: Prisma.AuditEventWhereInput = {
    action: filter.action,
    entityType: filter.entityType,
    entityId: filter.entityId,
    actor: filter.actor ? { email: { contains: filter.actor } } : undefined,
    at:
      filter.from || filter.to
        ? {
            gte: filter.from ? dayDate(filter.from) : undefined,
            lt: filter.to ? dayDate(addDays(filter.to, 1)) : undefined,
          }
        : undefined,
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      include: { actor: { select: { name: true, email: true } } },
      orderBy: { id: "desc" },
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.auditEvent.count({ where }),
  ]);
  return {
    rows: rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
    })),
    total,
  };
}

export async function auditFacets(db: Db): Promise<{ actions: string[]; entityTypes: string[] }> {
  const [actions, types] = await Promise.all([
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.auditEvent.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
  ]);
  return { actions: actions.map((a) => a.action), entityTypes: types.map((t) => t.entityType) };
}

// ---------------------------------------------------------------------------------------------
// Users

export type UserRow = {
  id: number;
  email: string;
  name: string;
  role: "admin" | "editor";
  disabled: boolean;
  mustChangePassword: boolean;
  /** Has set up an authenticator app. */
  twoStepEnrolled: boolean;
  organisations: { slug: string; name: string }[];
  createdAt: string;
};

export async function listUsers(db: Db): Promise<UserRow[]> {
  const users = await db.user.findMany({
    include: { organisations: { include: { organisation: true } } },
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabledAt !== null,
    mustChangePassword: u.mustChangePassword,
    twoStepEnrolled: u.totpSecret !== null,
    organisations: u.organisations
      .map((o) => ({ slug: o.organisation.slug, name: o.organisation.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    createdAt: u.createdAt.toISOString(),
  }));
}

export async function getUser(db: Db, id: number): Promise<UserRow | null> {
  const users = await listUsers(db);
  return users.find((u) => u.id === id) ?? null;
}
