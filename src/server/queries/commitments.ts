// Reads of commitments, with status, deadline, overdue and missed deadlines computed as of a date
// at a record version by the commitment_state_at() SQL function, and attributes as published at
// that version. Filtering, sorting and paging happen in PostgreSQL.
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";
import type { CommitmentQuery } from "../../schemas/commitment-query";
import type { CommitmentSummary, DatedRef, MissedDeadlineRef, Owner } from "./types";
import type { StatusCode } from "../../domain/status";
import type { Precision } from "../../domain/deadline";
import type { LatenessKind } from "../../domain/lateness";
import type { MissedOutcome } from "../../domain/history";
import { daysBetween } from "../../domain/dates";
import { commitmentsAt, ownedBy, versionSql } from "./versions";

/** Dates come from SQL as text (date::text is YYYY-MM-DD), which saves making and formatting a Date for each. */
const iso = (d: Date | string | null): string | null => (d === null ? null : typeof d === "string" ? d : d.toISOString().slice(0, 10));

export { summaryRows };

/** The columns of STATE_COLUMNS. */
type StateRow = Omit<CommitmentRow, `su_${string}` | `pu_${string}`>;

export type CommitmentRow = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  announced_on: string;
  area_slug: string;
  area_title: string;
  area_position: number;
  status: StatusCode;
  status_confirmed_on: string | null;
  status_effective_on: string | null;
  deadline_label: string | null;
  deadline_precision: Precision | null;
  due_date: string | null;
  revisions_count: number;
  overdue: boolean;
  days_overdue: number;
  days_until_due: number | null;
  delivered_from: string | null;
  delivered_to: string | null;
  lateness: LatenessKind | null;
  late_min: number;
  late_max: number;
  delivered_late: boolean;
  days_late: number;
  missed: MissedJson[];
  missed_count: number;
  status_update_id: number | null;
  pending_update_id: number | null;
  su_confirmed_label: string | null;
  su_confirmed_precision: Precision | null;
  su_confirmed_to: string | null;
  su_occurred_label: string | null;
  su_occurred_precision: Precision | null;
  su_occurred_from: string | null;
  su_occurred_to: string | null;
  su_published_at: Date | null;
  su_version: number | null;
  pu_status: StatusCode | null;
  pu_confirmed_on: string | null;
  pu_confirmed_to: string | null;
  pu_confirmed_label: string | null;
  pu_confirmed_precision: Precision | null;
  pu_occurred_label: string | null;
  pu_occurred_precision: Precision | null;
  pu_occurred_from: string | null;
  pu_occurred_to: string | null;
  pu_from: string | null;
  pu_to: string | null;
};
type Row = CommitmentRow & { total: bigint };

/**
 * A missed deadline as the state period stores it (see the migration 20261202000000_citable_time):
 * the days of one still overdue are left for the as-of date to fill in.
 */
export type MissedJson = Omit<MissedDeadlineRef, "daysMissedBy" | "daysMissedByMax"> & { daysMissedBy: number | null; daysMissedByMax: number | null };

/** The state (s), attribute (c) and area (a) columns of a commitment read. */
const STATE_COLUMNS = Prisma.sql`
  c.id, c.slug, c.title, c.summary, c.announced_on::text AS announced_on,
  a.slug AS area_slug, a.title AS area_title, a.position AS area_position,
  s.status, s.status_confirmed_on::text AS status_confirmed_on, s.status_effective_on::text AS status_effective_on, s.status_update_id, s.pending_update_id,
  s.deadline_label, s.deadline_precision, s.due_date::text AS due_date,
  s.revisions_count, s.overdue, s.days_overdue, s.days_until_due,
  s.delivered_from::text AS delivered_from, s.delivered_to::text AS delivered_to, s.lateness, s.late_min, s.late_max, s.delivered_late, s.days_late,
  s.missed, s.missed_count`;

/** The dates of a status update (for the one in effect, and the pending one). */
type UpdateDates = {
  id: number;
  status: StatusCode;
  confirmed_on: string;
  confirmed_to: string;
  confirmed_label: string;
  confirmed_precision: Precision;
  occurred_label: string | null;
  occurred_precision: Precision | null;
  occurred_from: string | null;
  occurred_to: string | null;
  happened_from: string;
  effective_on: string;
  published_at: Date;
  version: number;
};

async function updateDates(db: Db, ids: number[]): Promise<Map<number, UpdateDates>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<UpdateDates[]>`
    SELECT id, status, confirmed_on::text AS confirmed_on, confirmed_to::text AS confirmed_to, confirmed_label, confirmed_precision,
           occurred_label, occurred_precision, occurred_from::text AS occurred_from, occurred_to::text AS occurred_to,
           happened_from::text AS happened_from, effective_on::text AS effective_on, published_at, version
    FROM status_update WHERE id = ANY(${ids}::int[])`;
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Every commitment on the record at the version, as it stood on the date: the state (s), the
 * attributes (c) and the area (a). Filters and orders are written over these aliases.
 */
export function summarySource(asOf: string, version: number | undefined): Prisma.Sql {
  // Each state period points at the revision of the attributes on the record with it.
  return Prisma.sql`
    commitment_state_at(${asOf}::date, ${versionSql(version)}) s
    JOIN (
      SELECT r.id AS revision_id, r.commitment_id AS id, r.slug, r.title, r.summary, r.area_id, r.lead_organisation_id,
             r.supporting_organisation_ids AS supporting_ids, r.announced_on, r.announced_in_id, r.search
      FROM commitment_revision r
    ) c ON c.revision_id = s.revision_id
    JOIN area a ON a.id = c.area_id`;
}

/**
 * The summaries of the commitments a query picks, in its order: `where`, `order` and `limit`
 * over summarySource's aliases. The status updates behind each summary are read afterwards, only
 * for the rows kept (a page, a batch).
 */
async function summaryRows(db: Db, asOf: string, version: number | undefined, where: Prisma.Sql, order: Prisma.Sql, limit: Prisma.Sql): Promise<Row[]> {
  const rows = await db.$queryRaw<(StateRow & { total: bigint })[]>`
    SELECT ${STATE_COLUMNS}, COUNT(*) OVER () AS total
    FROM ${summarySource(asOf, version)} ${where} ${order} ${limit}`;
  const updates = await updateDates(db, [...new Set(rows.flatMap((r) => [r.status_update_id, r.pending_update_id].filter((id): id is number => id !== null)))]);
  return rows.map((r) => {
    const su = r.status_update_id === null ? undefined : updates.get(r.status_update_id);
    const pu = r.pending_update_id === null ? undefined : updates.get(r.pending_update_id);
    return {
      ...r,
      su_confirmed_label: su?.confirmed_label ?? null,
      su_confirmed_precision: su?.confirmed_precision ?? null,
      su_confirmed_to: su?.confirmed_to ?? null,
      su_occurred_label: su?.occurred_label ?? null,
      su_occurred_precision: su?.occurred_precision ?? null,
      su_occurred_from: su?.occurred_from ?? null,
      su_occurred_to: su?.occurred_to ?? null,
      su_published_at: su?.published_at ?? null,
      su_version: su?.version ?? null,
      pu_status: pu?.status ?? null,
      pu_confirmed_on: pu?.confirmed_on ?? null,
      pu_confirmed_to: pu?.confirmed_to ?? null,
      pu_confirmed_label: pu?.confirmed_label ?? null,
      pu_confirmed_precision: pu?.confirmed_precision ?? null,
      pu_occurred_label: pu?.occurred_label ?? null,
      pu_occurred_precision: pu?.occurred_precision ?? null,
      pu_occurred_from: pu?.occurred_from ?? null,
      pu_occurred_to: pu?.occurred_to ?? null,
      pu_from: pu?.happened_from ?? null,
      pu_to: pu?.effective_on ?? null,
    };
  });
}

function whereClause(query: Partial<CommitmentQuery>): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (query.area?.length) conditions.push(Prisma.sql`a.slug = ANY(${query.area}::text[])`);
  if (query.organisation?.length) conditions.push(ownedBy(query.organisation));
  if (query.status?.length) conditions.push(Prisma.sql`s.status::text = ANY(${query.status}::text[])`);
  if (query.overdue !== undefined) conditions.push(Prisma.sql`s.overdue = ${query.overdue}`);
  if (query.missed !== undefined) conditions.push(query.missed ? Prisma.sql`s.missed_count > 0` : Prisma.sql`s.missed_count = 0`);
  if (query.dueBefore) conditions.push(Prisma.sql`s.due_date <= ${query.dueBefore}::date`);
  if (query.dueAfter) conditions.push(Prisma.sql`s.due_date >= ${query.dueAfter}::date`);
  if (query.q) conditions.push(Prisma.sql`c.search @@ websearch_to_tsquery('english', ${query.q})`);
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

function orderClause(query: Partial<CommitmentQuery>): Prisma.Sql {
  switch (query.sort) {
    case "overdue":
      return Prisma.sql`ORDER BY s.days_overdue DESC, s.due_date ASC NULLS LAST, c.title ASC`;
    case "updated":
      return Prisma.sql`ORDER BY s.status_confirmed_on DESC NULLS LAST, s.status_update_id DESC NULLS LAST, c.title ASC`;
    case "relevance":
      return query.q
        ? Prisma.sql`ORDER BY ts_rank(c.search, websearch_to_tsquery('english', ${query.q})) DESC, c.title ASC`
        : Prisma.sql`ORDER BY s.due_date ASC NULLS LAST, c.title ASC`;
    default:
      return Prisma.sql`ORDER BY s.due_date ASC NULLS LAST, c.title ASC`;
  }
}

/** Lead and supporting owners of each commitment at a version (undefined: the latest), lead first. */
export async function ownersOf(db: Db, ids: number[], version?: number): Promise<Map<number, Owner[]>> {
  const owners = new Map<number, Owner[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return owners;
  const rows = await db.$queryRaw<{ commitment_id: number; slug: string; name: string; abbreviation: string | null; lead: boolean }[]>`
    WITH r AS (
      SELECT DISTINCT ON (commitment_id) commitment_id, lead_organisation_id, supporting_organisation_ids
      FROM commitment_revision WHERE commitment_id = ANY(${ids}::int[]) AND version <= ${versionSql(version)}
      ORDER BY commitment_id, version DESC
    )
    SELECT r.commitment_id, o.slug, o.name, o.abbreviation, TRUE AS lead FROM r JOIN organisation o ON o.id = r.lead_organisation_id
    UNION ALL
    SELECT r.commitment_id, o.slug, o.name, o.abbreviation, FALSE AS lead FROM r JOIN organisation o ON o.id = ANY(r.supporting_organisation_ids)
    ORDER BY commitment_id, lead DESC, name`;
  for (const row of rows) owners.get(row.commitment_id)?.push({ slug: row.slug, name: row.name, abbreviation: row.abbreviation, lead: row.lead });
  return owners;
}

function dated(label: string | null, precision: Precision | null, from: Date | string | null, to: Date | string | null): DatedRef | null {
  return label && precision && from && to ? { label, precision, from: iso(from)!, to: iso(to)! } : null;
}

/** A stored missed deadline, with the days of one still overdue counted to the as-of date. */
export function missedRef(m: MissedJson, asOf: string): MissedDeadlineRef {
  const still = m.outcome === "overdue" ? daysBetween(m.dueDate, asOf) : null;
  return {
    label: m.label,
    precision: m.precision,
    dueDate: m.dueDate,
    missedOn: m.missedOn,
    outcome: m.outcome,
    outcomeOn: m.outcomeOn,
    movedTo: m.movedTo ? { label: m.movedTo.label, precision: m.movedTo.precision, dueDate: m.movedTo.dueDate } : null,
    delivery: m.delivery,
    daysMissedBy: still ?? m.daysMissedBy ?? 0,
    daysMissedByMax: still ?? m.daysMissedByMax ?? 0,
  };
}

export function toSummary(row: CommitmentRow, owners: Owner[], asOf: string): CommitmentSummary {
  const window = (from: string | null, to: string | null) => (from && to ? { from, to } : null);
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    area: { slug: row.area_slug, title: row.area_title },
    owners,
    deadline: row.deadline_label && row.deadline_precision ? { label: row.deadline_label, precision: row.deadline_precision, dueDate: iso(row.due_date) } : null,
    status: {
      code: row.status,
      confirmedOn: iso(row.status_confirmed_on),
      effectiveOn: iso(row.status_effective_on),
      confirmed: dated(row.su_confirmed_label, row.su_confirmed_precision, row.status_confirmed_on, row.su_confirmed_to),
      occurred: dated(row.su_occurred_label, row.su_occurred_precision, row.su_occurred_from, row.su_occurred_to),
      publishedAt: row.su_published_at ? row.su_published_at.toISOString() : null,
      version: row.su_version,
    },
    pending:
      row.pu_status && row.pu_from && row.pu_to
        ? {
            code: row.pu_status,
            confirmed: dated(row.pu_confirmed_label, row.pu_confirmed_precision, row.pu_confirmed_on, row.pu_confirmed_to)!,
            occurred: dated(row.pu_occurred_label, row.pu_occurred_precision, row.pu_occurred_from, row.pu_occurred_to),
            window: window(row.pu_from, row.pu_to)!,
          }
        : null,
    overdue: row.overdue,
    daysOverdue: row.days_overdue,
    daysUntilDue: row.days_until_due,
    delivery: window(row.delivered_from, row.delivered_to),
    lateness: row.lateness ? { kind: row.lateness, minDays: row.late_min, maxDays: row.late_max } : null,
    deliveredLate: row.delivered_late,
    daysLate: row.days_late,
    revisionsCount: row.revisions_count,
    missed: row.missed_count > 0,
    missedDeadlines: row.missed.map((m) => missedRef(m, asOf)),
    announcedOn: iso(row.announced_on)!,
  };
}

/** One page of commitments matching the filters, as of query.asOf at query.version (undefined: the latest), with the total count. */
export async function listCommitments(
  db: Db,
  query: Partial<CommitmentQuery> & { asOf: string },
  paging: { page: number; pageSize: number } | "all" = { page: query.page ?? 1, pageSize: query.pageSize ?? 25 },
): Promise<{ items: CommitmentSummary[]; total: number }> {
  const limit = paging === "all" ? Prisma.empty : Prisma.sql`LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}`;
  const rows = await summaryRows(db, query.asOf, query.version, whereClause(query), orderClause(query), limit);
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (rows.length === 0 && paging !== "all" && paging.page > 1) {
    const count = await db.$queryRaw<{ total: bigint }[]>`
      SELECT COUNT(*) AS total FROM ${summarySource(query.asOf, query.version)} ${whereClause(query)}`;
    total = Number(count[0]?.total ?? 0);
  }
  const owners = await ownersOf(db, rows.map((r) => r.id), query.version);
  return { items: rows.map((row) => toSummary(row, owners.get(row.id) ?? [], query.asOf)), total };
}

/** One commitment as of a date at a version, or null when it does not exist (or was not yet announced, or not yet on the record). */
export async function getCommitmentSummary(db: Db, slug: string, asOf: string, version?: number): Promise<CommitmentSummary | null> {
  const rows = await summaryRows(db, asOf, version, Prisma.sql`WHERE c.slug = ${slug}`, Prisma.empty, Prisma.empty);
  const row = rows[0];
  if (!row) return null;
  const owners = await ownersOf(db, [row.id], version);
  return toSummary(row, owners.get(row.id) ?? [], asOf);
}

/** Is a commitment with this slug on the record at the version (regardless of as-of)? */
export async function commitmentExists(db: Db, slug: string, version?: number): Promise<{ announcedOn: string; title: string } | null> {
  const rows = await db.$queryRaw<{ announced_on: Date; title: string }[]>`SELECT c.announced_on, c.title FROM ${commitmentsAt(version)} c WHERE c.slug = ${slug}`;
  return rows[0] ? { announcedOn: iso(rows[0].announced_on)!, title: rows[0].title } : null;
}
