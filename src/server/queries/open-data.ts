// Reads for the open-data downloads (CSV, tracker.json): async generators that page through the
// database in batches with keyset pagination, so a download of any size keeps memory flat and a
// row published mid-download is neither skipped nor repeated.
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";
import type { ChangeEntry, CommitmentSummary } from "./types";
import { ownersOf, toSummary, type CommitmentRow as BaseCommitmentRow } from "./commitments";
import type { StatusCode } from "../../domain/status";
import type { Precision } from "../../domain/deadline";
import { daysBetween, isoDay } from "../../domain/dates";

const EXPORT_BATCH_SIZE = 1000;

type CommitmentRow = BaseCommitmentRow & { area_position: number };

/** Every commitment announced by asOf, as it stood then, ordered by area then slug. */
export async function* streamCommitments(db: Db, asOf: string, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<CommitmentSummary> {
  let after: { position: number; slug: string } | null = null;
  for (;;) {
    const cursor: Prisma.Sql = after ? Prisma.sql`WHERE (a.position, c.slug) > (${after.position}::int, ${after.slug})` : Prisma.empty;
    const rows: CommitmentRow[] = await db.$queryRaw<CommitmentRow[]>`
      SELECT c.id, c.slug, c.title, c.summary, c.announced_on, c.version,
             a.slug AS area_slug, a.title AS area_title, a.position AS area_position,
             s.status, s.status_confirmed_on, s.deadline_label, s.deadline_precision, s.due_date,
             s.revisions_count, s.overdue, s.days_overdue, s.days_until_due, s.delivered_late, s.days_late
      FROM commitment_state_as_of(${asOf}::date) s
      JOIN commitment c ON c.id = s.commitment_id
      JOIN area a ON a.id = c.area_id
      ${cursor}
      ORDER BY a.position, c.slug
      LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    const owners = await ownersOf(
      db,
      rows.map((r) => r.id),
    );
    for (const row of rows) yield toSummary(row, owners.get(row.id) ?? []);
    const last = rows[rows.length - 1]!;
    after = { position: last.area_position, slug: last.slug };
    if (rows.length < batchSize) return;
  }
}

export type HistoryScope = {
  /** Only history in effect by this date, for commitments announced by then. */
  asOf: string;
  /** Only rows published at or before this moment, so one download is one consistent cut. */
  publishedBy: Date;
};

type SourceColumns = {
  source_url: string | null;
  source_publisher: string | null;
  source_title: string | null;
  source_published_on: Date | null;
};

type CommitmentColumns = { commitment_slug: string; commitment_title: string; area_slug: string; area_title: string };

const sourceOf = (row: SourceColumns) =>
  row.source_url
    ? { url: row.source_url, publisher: row.source_publisher!, title: row.source_title!, publishedOn: isoDay(row.source_published_on)! }
    : null;

const commitmentOf = (row: CommitmentColumns) => ({
  slug: row.commitment_slug,
  title: row.commitment_title,
  area: { slug: row.area_slug, title: row.area_title },
});

export type StatusUpdateChange = Extract<ChangeEntry, { kind: "status_update" }>;
export type DeadlineRevisionChange = Extract<ChangeEntry, { kind: "deadline_revision" }>;

/** Every published status update in scope, in the order they were recorded (by id). */
export async function* streamStatusUpdates(db: Db, scope: HistoryScope, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<StatusUpdateChange> {
  let after = 0;
  for (;;) {
    type Row = SourceColumns & CommitmentColumns & { id: number; status: StatusCode; note: string; confirmed_on: Date; published_at: Date };
    const rows: Row[] = await db.$queryRaw<Row[]>`
      SELECT u.id, u.status, u.note, u.confirmed_on, u.published_at,
             src.url AS source_url, src.publisher AS source_publisher, src.title AS source_title, src.published_on AS source_published_on,
             c.slug AS commitment_slug, c.title AS commitment_title, a.slug AS area_slug, a.title AS area_title
      FROM status_update u
      JOIN commitment c ON c.id = u.commitment_id
      JOIN area a ON a.id = c.area_id
      JOIN source src ON src.id = u.source_id
      WHERE u.id > ${after} AND u.confirmed_on <= ${scope.asOf}::date AND c.announced_on <= ${scope.asOf}::date
        AND u.published_at <= ${scope.publishedBy}
      ORDER BY u.id
      LIMIT ${batchSize}`;
    for (const row of rows) {
      yield {
        kind: "status_update",
        id: row.id,
        date: isoDay(row.confirmed_on)!,
        publishedAt: row.published_at.toISOString(),
        status: row.status,
        note: row.note,
        source: sourceOf(row)!,
        commitment: commitmentOf(row),
      };
    }
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** Every deadline in scope (originals and revisions), in the order they were recorded (by id). */
export async function* streamDeadlineRevisions(db: Db, scope: HistoryScope, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<DeadlineRevisionChange> {
  let after = 0;
  for (;;) {
    type Row = SourceColumns &
      CommitmentColumns & {
        id: number;
        label: string;
        precision: Precision;
        due_date: Date | null;
        reason: string | null;
        effective_on: Date;
        published_at: Date;
        previous_id: number | null;
        previous_label: string | null;
        previous_due_date: Date | null;
      };
    const rows: Row[] = await db.$queryRaw<Row[]>`
      SELECT d.id, d.label, d.precision, d.due_date, d.reason, d.effective_on, d.published_at,
             prev.id AS previous_id, prev.label AS previous_label, prev.due_date AS previous_due_date,
             src.url AS source_url, src.publisher AS source_publisher, src.title AS source_title, src.published_on AS source_published_on,
             c.slug AS commitment_slug, c.title AS commitment_title, a.slug AS area_slug, a.title AS area_title
      FROM deadline_revision d
      JOIN commitment c ON c.id = d.commitment_id
      JOIN area a ON a.id = c.area_id
      LEFT JOIN source src ON src.id = d.source_id
      LEFT JOIN LATERAL (
        SELECT p.id, p.label, p.due_date FROM deadline_revision p
        WHERE p.commitment_id = d.commitment_id AND (p.effective_on, p.id) < (d.effective_on, d.id)
        ORDER BY p.effective_on DESC, p.id DESC LIMIT 1
      ) prev ON TRUE
      WHERE d.id > ${after} AND d.effective_on <= ${scope.asOf}::date AND c.announced_on <= ${scope.asOf}::date
        AND d.published_at <= ${scope.publishedBy}
      ORDER BY d.id
      LIMIT ${batchSize}`;
    for (const row of rows) {
      const original = row.previous_id === null;
      const dueDate = isoDay(row.due_date);
      const previousDue = isoDay(row.previous_due_date);
      yield {
        kind: "deadline_revision",
        id: row.id,
        date: isoDay(row.effective_on)!,
        publishedAt: row.published_at.toISOString(),
        original,
        label: row.label,
        precision: row.precision,
        dueDate,
        previous: original ? null : { label: row.previous_label ?? "", dueDate: previousDue },
        slipDays: !original && dueDate && previousDue ? daysBetween(previousDue, dueDate) : null,
        reason: row.reason,
        source: sourceOf(row),
        commitment: commitmentOf(row),
      };
    }
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * A fingerprint of everything the public data depends on: it changes whenever history is
 * published or a commitment, area, organisation or source is edited. Used as the validator (ETag) of
 * responses that are streamed and so cannot be hashed before they are sent.
 */
export async function publicDataVersion(db: Db): Promise<{ fingerprint: string; lastPublishedAt: Date | null }> {
  const rows = await db.$queryRaw<{ fingerprint: string; last_published_at: Date | null }[]>`
    SELECT concat_ws(':',
             (SELECT COUNT(*) || '.' || COALESCE(MAX(id), 0) || '.' || COALESCE(EXTRACT(EPOCH FROM MAX(published_at)), 0) FROM status_update),
             (SELECT COUNT(*) || '.' || COALESCE(MAX(id), 0) || '.' || COALESCE(EXTRACT(EPOCH FROM MAX(published_at)), 0) FROM deadline_revision),
             (SELECT COUNT(*) || '.' || COALESCE(SUM(version), 0) || '.' || COALESCE(EXTRACT(EPOCH FROM MAX(updated_at)), 0) FROM commitment),
             (SELECT md5(COALESCE(string_agg(slug || title || summary || position, ',' ORDER BY id), '')) FROM area),
             (SELECT md5(COALESCE(string_agg(slug || name || COALESCE(abbreviation, ''), ',' ORDER BY id), '')) FROM organisation),
             (SELECT md5(COALESCE(string_agg(commitment_id || '-' || organisation_id, ',' ORDER BY commitment_id, organisation_id), '')) FROM commitment_owner),
             (SELECT md5(COALESCE(string_agg(url || title || publisher || published_on, ',' ORDER BY id), '')) FROM source)
           ) AS fingerprint,
           GREATEST((SELECT MAX(published_at) FROM status_update), (SELECT MAX(published_at) FROM deadline_revision)) AS last_published_at`;
  const row = rows[0];
  return { fingerprint: row?.fingerprint ?? "", lastPublishedAt: row?.last_published_at ?? null };
}
