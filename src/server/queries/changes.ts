// Published history: status updates and deadline revisions, for one commitment's timeline or
// for the public log of every change. Only what was on the record at the version, and in effect
// by the as-of date, is shown; a status update is in effect from the last day of the period in
// which it is known to have happened.
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";
import type { ChangeEntry, DeadlineRevisionEntry, SourceRef, StatusUpdateEntry } from "./types";
import type { StatusCode } from "../../domain/status";
import type { Precision } from "../../domain/deadline";
import { daysBetween, isoDay } from "../../domain/dates";
import { commitmentsAt, ownedBy, versionSql } from "./versions";
import { dated } from "./commitments";

/** The columns of a history row that make its public entry (see toChangeEntry). */
export type HistoryRow = {
  kind: "status_update" | "deadline_revision";
  id: number;
  event_date: Date;
  published_at: Date;
  version: number;
  status: StatusCode | null;
  note: string | null;
  confirmed_on: Date | null;
  confirmed_to: Date | null;
  confirmed_label: string | null;
  confirmed_precision: Precision | null;
  occurred_label: string | null;
  occurred_precision: Precision | null;
  occurred_from: Date | null;
  occurred_to: Date | null;
  label: string | null;
  precision: Precision | null;
  due_date: Date | null;
  reason: string | null;
  original: boolean;
  previous_label: string | null;
  previous_due_date: Date | null;
  source_url: string | null;
  source_publisher: string | null;
  source_title: string | null;
  source_published_on: Date | null;
  source_published_label: string | null;
  commitment_slug: string;
  commitment_title: string;
  area_slug: string;
  area_title: string;
};

/** The source columns every history read selects, from the alias src. */
export const SOURCE_COLUMNS = Prisma.sql`src.url AS source_url, src.publisher AS source_publisher, src.title AS source_title,
  src.published_on AS source_published_on, src.published_label AS source_published_label`;

/** The status update columns (alias u) that carry its three dates. */
export const UPDATE_DATE_COLUMNS = Prisma.sql`u.confirmed_on, u.confirmed_to, u.confirmed_label, u.confirmed_precision,
  u.occurred_label, u.occurred_precision, u.occurred_from, u.occurred_to`;

/** The same columns, empty, for a deadline revision in a union with status updates. */
const NO_UPDATE_DATE_COLUMNS = Prisma.sql`NULL::date AS confirmed_on, NULL::date AS confirmed_to, NULL::text AS confirmed_label, NULL::"Precision" AS confirmed_precision,
  NULL::text AS occurred_label, NULL::"Precision" AS occurred_precision, NULL::date AS occurred_from, NULL::date AS occurred_to`;

function sourceOf(
  row: Pick<HistoryRow, "source_url" | "source_publisher" | "source_title" | "source_published_on" | "source_published_label">,
): SourceRef | null {
  return row.source_url
    ? {
        url: row.source_url,
        publisher: row.source_publisher!,
        title: row.source_title!,
        publishedOn: isoDay(row.source_published_on)!,
        publishedLabel: row.source_published_label,
      }
    : null;
}

export function toChangeEntry(row: HistoryRow): ChangeEntry {
  const source = sourceOf(row);
  const commitment = { slug: row.commitment_slug, title: row.commitment_title, area: { slug: row.area_slug, title: row.area_title } };
  const common = { id: row.id, date: isoDay(row.event_date)!, publishedAt: row.published_at.toISOString(), version: row.version, commitment };
  if (row.kind === "status_update") {
    return {
      kind: "status_update",
      ...common,
      status: row.status!,
      note: row.note!,
      source: source!,
      confirmed: dated(row.confirmed_label, row.confirmed_precision, row.confirmed_on, row.confirmed_to)!,
      occurred: dated(row.occurred_label, row.occurred_precision, row.occurred_from, row.occurred_to),
      effectiveOn: isoDay(row.event_date)!,
    } satisfies StatusUpdateEntry & { commitment: unknown };
  }
  const dueDate = isoDay(row.due_date);
  const previousDue = isoDay(row.previous_due_date);
  return {
    kind: "deadline_revision",
    ...common,
    original: row.original,
    label: row.label!,
    precision: row.precision!,
    dueDate,
    previous: row.original ? null : { label: row.previous_label ?? "", dueDate: previousDue },
    slipDays: !row.original && dueDate && previousDue ? daysBetween(previousDue, dueDate) : null,
    reason: row.reason,
    source,
  } satisfies DeadlineRevisionEntry & { commitment: unknown };
}

export type ChangeFilters = {
  asOf: string;
  /** The record version (undefined: the latest). */
  version?: number;
  commitmentSlug?: string;
  area?: string[];
  organisation?: string[];
  since?: string;
  kind?: "status_update" | "deadline_revision";
  /** Include each commitment's original deadline (true for a commitment's own timeline). */
  includeOriginalDeadlines?: boolean;
};

/**
 * How many changes the log holds for these filters, from the steps kept per day
 * (change_count_delta, migration 20261215000000_change_counts): for filters on area, kind and
 * since only, at the latest version (SQL that gives NULL at an earlier one). Null when the filters
 * need more (a commitment, an organisation, original deadlines).
 */
function changeCountFromSteps(filters: ChangeFilters): Prisma.Sql | null {
  if (filters.commitmentSlug || filters.organisation?.length || filters.includeOriginalDeadlines) return null;
  const conditions: Prisma.Sql[] = [Prisma.sql`k.day <= ${filters.asOf}::date`, Prisma.sql`k.announced_on <= ${filters.asOf}::date`];
  if (filters.since) conditions.push(Prisma.sql`k.day >= ${filters.since}::date`);
  if (filters.kind) conditions.push(Prisma.sql`k.kind = ${filters.kind}`);
  if (filters.area?.length) conditions.push(Prisma.sql`k.area_id IN (SELECT id FROM area WHERE slug = ANY(${filters.area}::text[]))`);
  return Prisma.sql`SELECT CASE WHEN ${versionSql(filters.version)} = latest_publication()
    THEN (SELECT COALESCE(SUM(k.n), 0)::bigint FROM change_count_delta k WHERE ${Prisma.join(conditions, " AND ")}) END`;
}

export async function listChanges(db: Db, filters: ChangeFilters, paging: { page: number; pageSize: number } | "all" = { page: 1, pageSize: 50 }) {
  const version = versionSql(filters.version);
  const commitmentConditions: Prisma.Sql[] = [Prisma.sql`c.announced_on <= ${filters.asOf}::date`];
  if (filters.commitmentSlug) commitmentConditions.push(Prisma.sql`c.slug = ${filters.commitmentSlug}`);
  if (filters.area?.length) commitmentConditions.push(Prisma.sql`a.slug = ANY(${filters.area}::text[])`);
  if (filters.organisation?.length) commitmentConditions.push(ownedBy(filters.organisation));
  const scope = Prisma.join(commitmentConditions, " AND ");
  const commitments = commitmentsAt(filters.version);
  const wantUpdates = filters.kind !== "deadline_revision";
  const wantRevisions = filters.kind !== "status_update";
  const since = filters.since ? Prisma.sql`AND u.effective_on >= ${filters.since}::date` : Prisma.empty;
  const sinceRevision = filters.since ? Prisma.sql`AND d.effective_on >= ${filters.since}::date` : Prisma.empty;
  // The first revision of a commitment is its deadline as originally published, not a change.
  const isOriginal = Prisma.sql`NOT EXISTS (SELECT 1 FROM deadline_revision p WHERE p.commitment_id = d.commitment_id AND (p.effective_on, p.id) < (d.effective_on, d.id) AND p.version <= ${version})`;
  const originals = filters.includeOriginalDeadlines ? Prisma.empty : Prisma.sql`AND NOT ${isOriginal}`;
  const updateScope = Prisma.sql`${scope} AND u.version <= ${version} AND u.effective_on <= ${filters.asOf}::date ${since}`;
  const revisionScope = Prisma.sql`${scope} AND d.version <= ${version} AND d.effective_on <= ${filters.asOf}::date ${sinceRevision} ${originals}`;
  // Each branch is walked newest first along its own index and cut at the last row the page
  // needs, so a page of the log costs the same at 200,000 changes as at 200.
  const branchLimit = paging === "all" ? Prisma.empty : Prisma.sql`LIMIT ${paging.page * paging.pageSize}`;
  const limit = paging === "all" ? Prisma.empty : Prisma.sql`LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}`;

  const updates = Prisma.sql`(
      SELECT 'status_update' AS kind, u.id, u.commitment_id, u.effective_on AS event_date, u.published_at, u.version,
             u.status, u.note, ${UPDATE_DATE_COLUMNS}, NULL::text AS label, NULL::"Precision" AS precision, NULL::date AS due_date,
             NULL::text AS reason, FALSE AS original, NULL::text AS previous_label, NULL::date AS previous_due_date, u.source_id
      FROM status_update u JOIN ${commitments} c ON c.id = u.commitment_id JOIN area a ON a.id = c.area_id
      WHERE ${updateScope}
      ORDER BY u.effective_on DESC, u.published_at DESC, u.id DESC ${branchLimit})`;
  const revisions = Prisma.sql`(
      SELECT 'deadline_revision' AS kind, d.id, d.commitment_id, d.effective_on AS event_date, d.published_at, d.version,
             NULL::"StatusCode" AS status, NULL::text AS note, ${NO_UPDATE_DATE_COLUMNS}, d.label, d.precision, d.due_date, d.reason,
             ${isOriginal} AS original, prev.label AS previous_label, prev.due_date AS previous_due_date, d.source_id
      FROM deadline_revision d JOIN ${commitments} c ON c.id = d.commitment_id JOIN area a ON a.id = c.area_id
      LEFT JOIN LATERAL (
        SELECT p.label, p.due_date FROM deadline_revision p
        WHERE p.commitment_id = d.commitment_id AND (p.effective_on, p.id) < (d.effective_on, d.id) AND p.version <= ${version}
        ORDER BY p.effective_on DESC, p.id DESC LIMIT 1
      ) prev ON TRUE
      WHERE ${revisionScope}
      ORDER BY d.effective_on DESC, d.published_at DESC, d.id DESC ${branchLimit})`;
  const branches = [wantUpdates ? updates : null, wantRevisions ? revisions : null].filter((b): b is Prisma.Sql => b !== null);

  const rows = await db.$queryRaw<HistoryRow[]>`
    SELECT e.*, ${SOURCE_COLUMNS}, c.slug AS commitment_slug, c.title AS commitment_title, a.slug AS area_slug, a.title AS area_title
    FROM (${Prisma.join(branches, " UNION ALL ")}) e
    JOIN ${commitments} c ON c.id = e.commitment_id
    JOIN area a ON a.id = c.area_id
    LEFT JOIN source src ON src.id = e.source_id
    ORDER BY e.event_date DESC, e.published_at DESC, e.kind, e.id DESC
    ${limit}`;
  let total = rows.length;
  if (paging !== "all") {
    const counted = Prisma.sql`
      ${wantUpdates ? Prisma.sql`(SELECT COUNT(*) FROM status_update u JOIN ${commitments} c ON c.id = u.commitment_id JOIN area a ON a.id = c.area_id WHERE ${updateScope})` : Prisma.sql`0`}
      + ${wantRevisions ? Prisma.sql`(SELECT COUNT(*) FROM deadline_revision d JOIN ${commitments} c ON c.id = d.commitment_id JOIN area a ON a.id = c.area_id WHERE ${revisionScope})` : Prisma.sql`0`}`;
    const fast = changeCountFromSteps(filters);
    // COALESCE evaluates the full count only when the kept one has no answer (an earlier version).
    const counts = await db.$queryRaw<{ n: bigint }[]>`SELECT ${fast ? Prisma.sql`COALESCE((${fast}), ${counted})` : counted} AS n`;
    total = Number(counts[0]?.n ?? 0);
  }
  return { items: rows.map(toChangeEntry), total };
}

/** A commitment's timeline as of a date at a version: every status update and deadline (original and revisions). */
export async function commitmentTimeline(db: Db, slug: string, asOf: string, version?: number) {
  const { items } = await listChanges(db, { asOf, version, commitmentSlug: slug, includeOriginalDeadlines: true }, "all");
  return items;
}
