// Reads of commitments, with status, deadline, overdue and missed deadlines computed as of a date
// at a record version by the commitment_state_at() SQL function, and attributes as published at
// that version. Filtering, sorting and paging happen in PostgreSQL.
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";
import type { CommitmentQuery } from "../../schemas/commitment-query";
import type { CommitmentSummary, DatedRef, MissedDeadlineRef, Owner, SourceRef } from "./types";
import { NO_PROGRESS_REPORTED, publicStatus, type PublicStatusCode, type StatusCode } from "../../domain/status";
import type { Precision } from "../../domain/deadline";
import type { LatenessKind } from "../../domain/lateness";
import { daysBetween, isoDay } from "../../domain/dates";
import { commitmentsAt, ownedBy, versionSql } from "./versions";
import { expandSearch } from "../../domain/search";

/** Dates come from SQL as text (date::text is YYYY-MM-DD), which saves making and formatting a Date for each. */
const iso = (d: Date | string | null): string | null => (typeof d === "string" ? d : isoDay(d));

export { summaryRows };

/** The columns of STATE_COLUMNS. */

type StateRow = {
  id: number;
  revision_id: number;
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
};
/** A commitment read with the status updates behind it (the one in effect, su, and the pending one, pu) and its owners. */
export type CommitmentRow = StateRow & { su: UpdateDates | null; pu: UpdateDates | null; owners: Owner[]; provenance: ProvenanceJson | null };

type ProvenanceJson = {
  areaParagraph: number | null;
  areaQuote: string | null;
  announcedLabel: string | null;
  notice: string | null;
  areaSource: SourceRef | null;
};

/**
 * A missed deadline as the state period stores it (see the migration 20261202000000_citable_time):
 * the days of one still overdue are left for the as-of date to fill in.
 */
export type MissedJson = Omit<MissedDeadlineRef, "daysMissedBy" | "daysMissedByMax"> & {
  daysMissedBy: number | null;
  daysMissedByMax: number | null;
};

/** The state (s), attribute (c) and area (a) columns of a commitment read. */
const STATE_COLUMNS = Prisma.sql`
  c.id, s.revision_id, c.slug, c.title, c.summary, c.announced_on::text AS announced_on,
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
  /** As PostgreSQL writes a timestamptz in JSON. */
  published_at: string;
  version: number;
};

/** A status update's dates as one JSON value, for the update the state names in `column` (null when none). */
const updateJson = (column: Prisma.Sql) => Prisma.sql`(
  SELECT json_build_object('id', u.id, 'status', u.status, 'confirmed_on', u.confirmed_on, 'confirmed_to', u.confirmed_to,
    'confirmed_label', u.confirmed_label, 'confirmed_precision', u.confirmed_precision, 'occurred_label', u.occurred_label,
    'occurred_precision', u.occurred_precision, 'occurred_from', u.occurred_from, 'occurred_to', u.occurred_to,
    'happened_from', u.happened_from, 'effective_on', u.effective_on, 'published_at', u.published_at, 'version', u.version)
  FROM status_update u WHERE u.id = ${column})`;

/**
 * The owners named by a lead and supporting organisation ids, lead first, then owners named
 * jointly, then by name, as one JSON array, each with the basis a source gives for it (owner_basis)
 * when it is for that role. Organisations are not versioned: the ids come from the revision read.
 * No lead (a null id) gives no lead row.
 */
export const ownersJson = (commitmentId: Prisma.Sql, lead: Prisma.Sql, supporting: Prisma.Sql) => Prisma.sql`(
  SELECT COALESCE(json_agg(json_build_object('slug', o.slug, 'name', o.name, 'abbreviation', o.abbreviation, 'lead', w.lead, 'role', w.role,
      'basis', CASE WHEN b.commitment_id IS NULL THEN NULL ELSE json_build_object('paragraph', b.paragraph, 'quote', b.quote,
        'source', json_build_object('url', bs.url, 'publisher', bs.publisher, 'title', bs.title, 'publishedOn', bs.published_on::text, 'publishedLabel', bs.published_label)) END)
    ORDER BY w.lead DESC, w.role = 'joint' DESC, o.name), '[]'::json)
  FROM (
    SELECT v.id, v.lead, CASE WHEN v.lead THEN 'lead' WHEN j.role = 'joint' THEN 'joint' ELSE 'supporting' END AS role
    FROM (SELECT ${lead} AS id, TRUE AS lead UNION ALL SELECT unnest(${supporting}), FALSE) v
    LEFT JOIN owner_basis j ON j.commitment_id = ${commitmentId} AND j.organisation_id = v.id
  ) w
  JOIN organisation o ON o.id = w.id
  LEFT JOIN owner_basis b ON b.commitment_id = ${commitmentId} AND b.organisation_id = o.id AND b.role::text = w.role
  LEFT JOIN source bs ON bs.id = b.source_id)`;

/** Where a source places the commitment in its area, the announcement as published, and its notice (commitment_provenance). */
const PROVENANCE_JSON = Prisma.sql`(
  SELECT json_build_object('areaParagraph', p.area_paragraph, 'areaQuote', p.area_quote, 'announcedLabel', p.announced_label, 'notice', p.notice,
    'areaSource', CASE WHEN ps.id IS NULL THEN NULL ELSE json_build_object('url', ps.url, 'publisher', ps.publisher, 'title', ps.title,
      'publishedOn', ps.published_on::text, 'publishedLabel', ps.published_label) END)
  FROM commitment_provenance p LEFT JOIN source ps ON ps.id = p.area_source_id WHERE p.commitment_id = c.id)`;

/**
 * Everything a summary shows beyond the state: the status update in effect (su) and the pending
 * one (pu), and the owners. Subqueries in the select list run for the rows returned only, by
 * primary key, so read them once the rows are picked.
 */
const SUMMARY_EXTRAS = Prisma.sql`
  ${updateJson(Prisma.sql`s.status_update_id`)} AS su, ${updateJson(Prisma.sql`s.pending_update_id`)} AS pu,
  ${ownersJson(Prisma.sql`c.id`, Prisma.sql`c.lead_organisation_id`, Prisma.sql`c.supporting_ids`)} AS owners,
  ${PROVENANCE_JSON} AS provenance`;

/**
 * Every commitment on the record at the version, as it stood on the date: the state (s), the
 * attributes (c) and the area (a). Filters and orders are written over these aliases. The
 * full-text vector is carried only when a search needs it.
 */
export function summarySource(asOf: string, version: number | undefined, options: { search?: boolean } = {}): Prisma.Sql {
  // Each state period points at the revision of the attributes on the record with it.
  return Prisma.sql`
    commitment_state_at(${asOf}::date, ${versionSql(version)}) s
    JOIN (
      SELECT r.id AS revision_id, r.commitment_id AS id, r.slug, r.title, r.summary, r.area_id, r.lead_organisation_id,
             r.supporting_organisation_ids AS supporting_ids, r.announced_on, r.announced_in_id${options.search ? Prisma.sql`, r.search` : Prisma.empty}
      FROM commitment_revision r
      WHERE r.removal_reason IS NULL
    ) c ON c.revision_id = s.revision_id
    JOIN area a ON a.id = c.area_id`;
}

/**
 * The summaries of the commitments a query picks, in its order: `where`, `order` and `limit`
 * over summarySource's aliases. A page (with a limit) is found with the few columns the filters
 * and order need, then read whole for its rows only; a whole list is read in one pass.
 */
async function summaryRows(
  db: Db,
  asOf: string,
  version: number | undefined,
  query: {
    where: Prisma.Sql;
    order: Prisma.Sql;
    limit?: Prisma.Sql;
    search?: boolean;
    count?: false | { fast: Prisma.Sql | null };
    /** The statement that picks the page's ids in order, when it is not `where`, `order` and `limit` over the source. */
    pick?: Prisma.Sql;
  },
): Promise<(CommitmentRow & { total: bigint })[]> {
  const source = summarySource(asOf, version, { search: query.search });
  if (!query.limit) {
    return db.$queryRaw<(CommitmentRow & { total: bigint })[]>`
      SELECT ${STATE_COLUMNS}, ${SUMMARY_EXTRAS}, COUNT(*) OVER () AS total FROM ${source} ${query.where} ${query.order}`;
  }
  // The page and the count are separate statements, run side by side: with the count in the same
  // statement (COUNT(*) OVER ()), every matching row had to be read and sorted before the first
  // could be returned; alone, a page in index order stops after its rows (migration 20261211000000_flat_query_cost).
  const [picked, counted] = await Promise.all([
    db.$queryRaw<{ id: number }[]>`${query.pick ?? Prisma.sql`SELECT c.id FROM ${source} ${query.where} ${query.order} ${query.limit}`}`,
    query.count === false
      ? Promise.resolve([])
      : query.count?.fast
        ? // COALESCE evaluates the full count only when the fast one has no answer (an earlier version).
          db.$queryRaw<{ total: bigint }[]>`SELECT COALESCE((${query.count.fast}), (SELECT COUNT(*) FROM ${source} ${query.where})) AS total`
        : db.$queryRaw<{ total: bigint }[]>`SELECT COUNT(*) AS total FROM ${source} ${query.where}`,
  ]);
  if (picked.length === 0) return [];
  const ids = picked.map((p) => p.id);
  const rows = await db.$queryRaw<CommitmentRow[]>`
    SELECT ${STATE_COLUMNS}, ${SUMMARY_EXTRAS} FROM ${summarySource(asOf, version)} WHERE s.commitment_id = ANY(${ids}::int[])`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const total = counted[0]?.total ?? BigInt(picked.length);
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [Object.assign(row, { total })] : [];
  });
}

/** The public status (src/domain/status.ts publicStatus): no update in effect reads no_progress_reported. */
export const PUBLIC_STATUS_SQL = Prisma.sql`(CASE WHEN s.status_update_id IS NULL THEN ${NO_PROGRESS_REPORTED} ELSE s.status::text END)`;

/**
 * The public status is one of these: the same as PUBLIC_STATUS_SQL = ANY(codes), written over the
 * columns themselves so that PostgreSQL estimates it from their statistics. Over the CASE
 * expression it guessed 0.5% of rows (in_progress is 70%), and so sorted every commitment's state
 * instead of reading the first page along the index in page order (1 s at 100,000 commitments).
 */
function publicStatusIn(codes: PublicStatusCode[]): Prisma.Sql {
  const reported = codes.filter((c): c is StatusCode => c !== NO_PROGRESS_REPORTED);
  const parts: Prisma.Sql[] = [];
  if (reported.length) parts.push(Prisma.sql`(s.status_update_id IS NOT NULL AND s.status = ANY(${reported}::"StatusCode"[]))`);
  if (reported.length < codes.length) parts.push(Prisma.sql`s.status_update_id IS NULL`);
  return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

/**
 * The full-text query for what a person typed: each synonym group it names (src/domain/search.ts)
 * matches any of its phrases, and the rest is read as web search syntax (quotes, or, -).
 */
function searchQuery(q: string): Prisma.Sql {
  const { groups, rest } = expandSearch(q);
  const parts = groups.map(
    (phrases) =>
      Prisma.sql`(${Prisma.join(
        phrases.map((p) => Prisma.sql`phraseto_tsquery('english', ${p})`),
        " || ",
      )})`,
  );
  if (rest || parts.length === 0) parts.unshift(Prisma.sql`websearch_to_tsquery('english', ${rest || q})`);
  return Prisma.sql`(${Prisma.join(parts, " && ")})`;
}

/** The filters of /commitments over summarySource's aliases. */
export function whereClause(query: Partial<CommitmentQuery>): Prisma.Sql {
  const conditions = whereConditions(query);
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

function whereConditions(query: Partial<CommitmentQuery>): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (query.area?.length) conditions.push(Prisma.sql`a.slug = ANY(${query.area}::text[])`);
  if (query.organisation?.length) conditions.push(ownedBy(query.organisation));
  if (query.status?.length) conditions.push(publicStatusIn(query.status));
  if (query.overdue !== undefined) conditions.push(Prisma.sql`s.overdue = ${query.overdue}`);
  if (query.missed !== undefined) conditions.push(query.missed ? Prisma.sql`s.missed_count > 0` : Prisma.sql`s.missed_count = 0`);
  if (query.dueBefore) conditions.push(Prisma.sql`s.due_date <= ${query.dueBefore}::date`);
  if (query.dueAfter) conditions.push(Prisma.sql`s.due_date >= ${query.dueAfter}::date`);
  if (query.q) conditions.push(Prisma.sql`c.search @@ ${searchQuery(query.q)}`);
  return conditions;
}

/**
 * The order of a list. Titles are read from the state period (s.sort_title, the title of the
 * revision it points at, so the same as c.title), and the deadline order is the order of the index
 * commitment_state_period_page_order_idx, so a first page is read along it and stops after its rows.
 */
const BY_DEADLINE = Prisma.sql`ORDER BY s.due_date ASC NULLS LAST, s.sort_title ASC, s.commitment_id`;

export function orderClause(query: Partial<CommitmentQuery>): Prisma.Sql {
  const byDeadline = BY_DEADLINE;
  switch (query.sort) {
    case "overdue":
      // Among overdue commitments the most days overdue are the earliest due: the index's order.
      return query.overdue === true ? byDeadline : Prisma.sql`ORDER BY s.days_overdue DESC, s.due_date ASC NULLS LAST, s.sort_title ASC`;
    case "updated":
      return Prisma.sql`ORDER BY s.status_confirmed_on DESC NULLS LAST, s.status_update_id DESC NULLS LAST, s.sort_title ASC`;
    case "relevance":
      return query.q ? Prisma.sql`ORDER BY ts_rank(c.search, ${searchQuery(query.q)}) DESC, s.sort_title ASC` : byDeadline;
    default:
      return byDeadline;
  }
}

/**
 * A page in the order "most days overdue first" when the list is not only of overdue commitments
 * (missed=true, or sort=overdue alone): the overdue ones come first, earliest due first (most days
 * overdue), then the rest, whose days overdue are all 0, in deadline order. Each part is read along
 * commitment_state_period_page_order_idx and stops after the rows the page needs, instead of
 * every matching commitment's state being sorted (360 ms for missed=true at 100,000). Null when
 * another order or no paging applies.
 */
function overdueFirstPick(query: Partial<CommitmentQuery> & { asOf: string }, paging: { page: number; pageSize: number } | "all"): Prisma.Sql | null {
  if (query.sort !== "overdue" || query.overdue !== undefined || paging === "all") return null;
  const source = summarySource(query.asOf, query.version, { search: Boolean(query.q) });
  const needed = paging.page * paging.pageSize;
  const part = (overdue: boolean, extra: Prisma.Sql[] = []) => {
    const conditions = [...whereConditions(query), Prisma.sql`s.overdue = ${overdue}`, ...extra];
    return Prisma.sql`SELECT c.id, ${overdue ? 0 : 1}::int AS part, s.due_date, s.sort_title, s.commitment_id FROM ${source}
      WHERE ${Prisma.join(conditions, " AND ")} ${BY_DEADLINE} LIMIT ${needed}`;
  };
  // The rest is read only when the overdue ones do not fill the page (a one-time condition).
  return Prisma.sql`WITH overdue AS MATERIALIZED (${part(true)})
    SELECT x.id FROM (
      SELECT * FROM overdue
      UNION ALL (${part(false, [Prisma.sql`(SELECT COUNT(*) FROM overdue) < ${needed}`])})
    ) x
    ORDER BY x.part, x.due_date ASC NULLS LAST, x.sort_title ASC, x.commitment_id
    LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}`;
}

/**
 * How many commitments a query matches, from the counts kept per day (state_count_delta, migration
 * 20261211000100_state_counts): for filters on area, status, overdue and missed only, at the
 * latest version (SQL that gives NULL at an earlier one). Null when the filters need more.
 */
function countFromSteps(query: Partial<CommitmentQuery> & { asOf: string }): Prisma.Sql | null {
  if (query.q || query.organisation?.length || query.dueBefore || query.dueAfter) return null;
  const conditions: Prisma.Sql[] = [Prisma.sql`d.day <= ${query.asOf}::date`];
  if (query.area?.length) conditions.push(Prisma.sql`d.area_id IN (SELECT id FROM area WHERE slug = ANY(${query.area}::text[]))`);
  if (query.status?.length) conditions.push(Prisma.sql`d.status = ANY(${query.status}::text[])`);
  if (query.overdue !== undefined) conditions.push(Prisma.sql`d.overdue = ${query.overdue}`);
  if (query.missed !== undefined) conditions.push(Prisma.sql`d.missed = ${query.missed}`);
  return Prisma.sql`SELECT CASE WHEN ${versionSql(query.version)} = latest_publication()
    THEN (SELECT COALESCE(SUM(d.n), 0)::bigint FROM state_count_delta d WHERE ${Prisma.join(conditions, " AND ")}) END`;
}

/** A date as a source words it, with the period it stands for; null when the update gives none. */
export function dated(label: string | null, precision: Precision | null, from: Date | string | null, to: Date | string | null): DatedRef | null {
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

export function toSummary(row: CommitmentRow, asOf: string): CommitmentSummary {
  const { su, pu } = row;
  const window = (from: string | null, to: string | null) => (from && to ? { from, to } : null);
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    area: { slug: row.area_slug, title: row.area_title },
    owners: row.owners,
    deadline:
      row.deadline_label && row.deadline_precision
        ? { label: row.deadline_label, precision: row.deadline_precision, dueDate: iso(row.due_date) }
        : null,
    status: {
      code: publicStatus(row.status, row.status_update_id !== null),
      reported: row.status_update_id !== null,
      confirmedOn: iso(row.status_confirmed_on),
      effectiveOn: iso(row.status_effective_on),
      confirmed: su ? dated(su.confirmed_label, su.confirmed_precision, row.status_confirmed_on, su.confirmed_to) : null,
      occurred: su ? dated(su.occurred_label, su.occurred_precision, su.occurred_from, su.occurred_to) : null,
      publishedAt: su ? new Date(su.published_at).toISOString() : null,
      version: su?.version ?? null,
    },
    pending: pu
      ? {
          code: pu.status,
          confirmed: dated(pu.confirmed_label, pu.confirmed_precision, pu.confirmed_on, pu.confirmed_to)!,
          occurred: dated(pu.occurred_label, pu.occurred_precision, pu.occurred_from, pu.occurred_to),
          window: window(pu.happened_from, pu.effective_on)!,
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
    announcedLabel: row.provenance?.announcedLabel ?? null,
    areaBasis: row.provenance
      ? row.provenance.areaSource
        ? { source: row.provenance.areaSource, paragraph: row.provenance.areaParagraph, quote: row.provenance.areaQuote }
        : null
      : undefined,
    notice: row.provenance?.notice ?? null,
  };
}

/** One page of commitments matching the filters, as of query.asOf at query.version (undefined: the latest), with the total count. */
export async function listCommitments(
  db: Db,
  query: Partial<CommitmentQuery> & { asOf: string },
  paging: { page: number; pageSize: number } | "all" = { page: query.page ?? 1, pageSize: query.pageSize ?? 25 },
): Promise<{ items: CommitmentSummary[]; total: number }> {
  const limit = paging === "all" ? Prisma.empty : Prisma.sql`LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}`;
  const rows = await summaryRows(db, query.asOf, query.version, {
    where: whereClause(query),
    order: orderClause(query),
    limit: paging === "all" ? undefined : limit,
    search: Boolean(query.q),
    count: { fast: countFromSteps(query) },
    pick: overdueFirstPick(query, paging) ?? undefined,
  });
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (rows.length === 0 && paging !== "all" && paging.page > 1) {
    const count = await db.$queryRaw<{ total: bigint }[]>`
      SELECT COUNT(*) AS total FROM ${summarySource(query.asOf, query.version, { search: Boolean(query.q) })} ${whereClause(query)}`;
    total = Number(count[0]?.total ?? 0);
  }
  return { items: rows.map((row) => toSummary(row, query.asOf)), total };
}

/** One commitment as of a date at a version, or null when it does not exist (or was not yet announced, or not yet on the record). */
export async function getCommitmentSummary(db: Db, slug: string, asOf: string, version?: number): Promise<CommitmentSummary | null> {
  const rows = await summaryRows(db, asOf, version, { where: Prisma.sql`WHERE c.slug = ${slug}`, order: Prisma.empty });
  const row = rows[0];
  if (!row) return null;
  return toSummary(row, asOf);
}

/** Is a commitment with this slug on the record at the version (regardless of as-of)? */
export async function commitmentExists(
  db: Db,
  slug: string,
  version?: number,
): Promise<{ announcedOn: string; announcedLabel: string | null; title: string } | null> {
  const rows = await db.$queryRaw<{ announced_on: Date; announced_label: string | null; title: string }[]>`
    SELECT c.announced_on, p.announced_label, c.title FROM ${commitmentsAt(version)} c
    LEFT JOIN commitment_provenance p ON p.commitment_id = c.id WHERE c.slug = ${slug}`;
  const row = rows[0];
  return row ? { announcedOn: iso(row.announced_on)!, announcedLabel: row.announced_label, title: row.title } : null;
}
