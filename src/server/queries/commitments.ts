// Reads of commitments, with status, deadline and overdue computed as of a date by the
// commitment_state_as_of() SQL function. Filtering, sorting and paging happen in PostgreSQL.
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";
import type { CommitmentQuery } from "../../schemas/commitment-query";
import type { CommitmentSummary, Owner } from "./types";
import type { StatusCode } from "../../domain/status";
import type { Precision } from "../../domain/deadline";
import { isoDay } from "../../domain/dates";

export type CommitmentRow = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  announced_on: Date;
  version: number;
  area_slug: string;
  area_title: string;
  status: StatusCode;
  status_confirmed_on: Date | null;
  deadline_label: string | null;
  deadline_precision: Precision | null;
  due_date: Date | null;
  revisions_count: number;
  overdue: boolean;
  days_overdue: number;
  days_until_due: number | null;
  delivered_late: boolean;
  days_late: number;
};
type Row = CommitmentRow & { total: bigint };

function whereClause(query: Partial<CommitmentQuery>): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (query.area?.length) conditions.push(Prisma.sql`a.slug = ANY(${query.area}::text[])`);
  if (query.organisation?.length) {
    conditions.push(Prisma.sql`(
      c.lead_organisation_id IN (SELECT id FROM organisation WHERE slug = ANY(${query.organisation}::text[]))
      OR EXISTS (SELECT 1 FROM commitment_owner co JOIN organisation o ON o.id = co.organisation_id
                 WHERE co.commitment_id = c.id AND o.slug = ANY(${query.organisation}::text[])))`);
  }
  if (query.status?.length) conditions.push(Prisma.sql`s.status::text = ANY(${query.status}::text[])`);
  if (query.overdue !== undefined) conditions.push(Prisma.sql`s.overdue = ${query.overdue}`);
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

/** Lead and supporting owners of each commitment, lead first. */
export async function ownersOf(db: Db, ids: number[]): Promise<Map<number, Owner[]>> {
  const owners = new Map<number, Owner[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return owners;
  const rows = await db.$queryRaw<{ commitment_id: number; slug: string; name: string; abbreviation: string | null; lead: boolean }[]>`
    SELECT c.id AS commitment_id, o.slug, o.name, o.abbreviation, TRUE AS lead
    FROM commitment c JOIN organisation o ON o.id = c.lead_organisation_id WHERE c.id = ANY(${ids}::int[])
    UNION ALL
    SELECT co.commitment_id, o.slug, o.name, o.abbreviation, FALSE AS lead
    FROM commitment_owner co JOIN organisation o ON o.id = co.organisation_id WHERE co.commitment_id = ANY(${ids}::int[])
    ORDER BY commitment_id, lead DESC, name`;
  for (const row of rows) owners.get(row.commitment_id)?.push({ slug: row.slug, name: row.name, abbreviation: row.abbreviation, lead: row.lead });
  return owners;
}

export function toSummary(row: CommitmentRow, owners: Owner[]): CommitmentSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    area: { slug: row.area_slug, title: row.area_title },
    owners,
    deadline:
      row.deadline_label && row.deadline_precision
        ? { label: row.deadline_label, precision: row.deadline_precision, dueDate: isoDay(row.due_date) }
        : null,
    status: { code: row.status, confirmedOn: isoDay(row.status_confirmed_on) },
    overdue: row.overdue,
    daysOverdue: row.days_overdue,
    daysUntilDue: row.days_until_due,
    deliveredLate: row.delivered_late,
    daysLate: row.days_late,
    revisionsCount: row.revisions_count,
    announcedOn: isoDay(row.announced_on)!,
    version: row.version,
  };
}

/** One page of commitments matching the filters, as of query.asOf, with the total count. */
export async function listCommitments(
  db: Db,
  query: Partial<CommitmentQuery> & { asOf: string },
  paging: { page: number; pageSize: number } | "all" = { page: query.page ?? 1, pageSize: query.pageSize ?? 25 },
): Promise<{ items: CommitmentSummary[]; total: number }> {
  const limit = paging === "all" ? Prisma.empty : Prisma.sql`LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT c.id, c.slug, c.title, c.summary, c.announced_on, c.version,
           a.slug AS area_slug, a.title AS area_title,
           s.status, s.status_confirmed_on, s.deadline_label, s.deadline_precision, s.due_date,
           s.revisions_count, s.overdue, s.days_overdue, s.days_until_due, s.delivered_late, s.days_late,
           COUNT(*) OVER () AS total
    FROM commitment_state_as_of(${query.asOf}::date) s
    JOIN commitment c ON c.id = s.commitment_id
    JOIN area a ON a.id = c.area_id
    ${whereClause(query)}
    ${orderClause(query)}
    ${limit}`;
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (rows.length === 0 && paging !== "all" && paging.page > 1) {
    const count = await db.$queryRaw<{ total: bigint }[]>`
      SELECT COUNT(*) AS total FROM commitment_state_as_of(${query.asOf}::date) s
      JOIN commitment c ON c.id = s.commitment_id JOIN area a ON a.id = c.area_id ${whereClause(query)}`;
    total = Number(count[0]?.total ?? 0);
  }
  const owners = await ownersOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((row) => toSummary(row, owners.get(row.id) ?? [])), total };
}

/** One commitment as of a date, or null when it does not exist (or was not yet announced). */
export async function getCommitmentSummary(db: Db, slug: string, asOf: string): Promise<CommitmentSummary | null> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT c.id, c.slug, c.title, c.summary, c.announced_on, c.version,
           a.slug AS area_slug, a.title AS area_title,
           s.status, s.status_confirmed_on, s.deadline_label, s.deadline_precision, s.due_date,
           s.revisions_count, s.overdue, s.days_overdue, s.days_until_due, s.delivered_late, s.days_late,
           1::bigint AS total
    FROM commitment c
    JOIN area a ON a.id = c.area_id
    JOIN commitment_state_as_of(${asOf}::date) s ON s.commitment_id = c.id
    WHERE c.slug = ${slug}`;
  const row = rows[0];
  if (!row) return null;
  const owners = await ownersOf(db, [row.id]);
  return toSummary(row, owners.get(row.id) ?? []);
}

/** Does a commitment with this slug exist at all (regardless of as-of)? */
export async function commitmentExists(db: Db, slug: string): Promise<{ announcedOn: string } | null> {
  const found = await db.commitment.findUnique({ where: { slug }, select: { announcedOn: true } });
  return found ? { announcedOn: isoDay(found.announcedOn)! } : null;
}
