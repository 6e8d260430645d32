// Reads for the open-data downloads (CSV, tracker.json): async generators that page through the
// database in batches with keyset pagination, so a download of any size keeps memory flat. Every
// batch reads at one record version, so a row published mid-download is neither skipped nor
// repeated and the whole file is one consistent cut.
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";
import type { ChangeEntry, CommitmentSummary } from "./types";
import { orderClause, summaryRows, toSummary, whereClause, type CommitmentRow } from "./commitments";
import type { CommitmentQuery } from "../../schemas/commitment-query";
import { SOURCE_COLUMNS, UPDATE_DATE_COLUMNS, toChangeEntry, type HistoryRow } from "./changes";
import { commitmentsAt } from "./versions";

const EXPORT_BATCH_SIZE = 1000;

/** Every commitment announced by asOf, as it stood then at the version, ordered by area then slug. */
export async function* streamCommitments(db: Db, asOf: string, version: number, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<CommitmentSummary> {
  let after: { position: number; slug: string } | null = null;
  for (;;) {
    const cursor: Prisma.Sql = after ? Prisma.sql`WHERE (a.position, c.slug) > (${after.position}::int, ${after.slug})` : Prisma.empty;
    const rows: CommitmentRow[] = await summaryRows(db, asOf, version, {
      where: cursor,
      order: Prisma.sql`ORDER BY a.position, c.slug`,
      limit: Prisma.sql`LIMIT ${batchSize}`,
      // A batch needs no total: counting what is left would make the download quadratic in its rows.
      count: false,
    });
    if (rows.length === 0) return;
    for (const row of rows) yield toSummary(row, asOf);
    const last = rows[rows.length - 1]!;
    after = { position: last.area_position, slug: last.slug };
    if (rows.length < batchSize) return;
  }
}

/**
 * Every commitment a /commitments query picks, in the page's order (ties by id, so batches never
 * overlap), a batch at a time. The as-of date and version are fixed, so the order is too.
 */
export async function* streamFilteredCommitments(
  db: Db,
  query: Partial<CommitmentQuery> & { asOf: string; version: number },
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<CommitmentSummary> {
  for (let offset = 0; ; offset += batchSize) {
    const rows: CommitmentRow[] = await summaryRows(db, query.asOf, query.version, {
      where: whereClause(query),
      order: Prisma.sql`${orderClause(query)}, c.id`,
      limit: Prisma.sql`LIMIT ${batchSize} OFFSET ${offset}`,
      search: Boolean(query.q),
    });
    for (const row of rows) yield toSummary(row, query.asOf);
    if (rows.length < batchSize) return;
  }
}

export type HistoryScope = {
  /** Only history in effect by this date, for commitments announced by then. */
  asOf: string;
  /** Only rows published at or before this version, so one download is one consistent cut. */
  version: number;
};

export type StatusUpdateChange = Extract<ChangeEntry, { kind: "status_update" }>;
export type DeadlineRevisionChange = Extract<ChangeEntry, { kind: "deadline_revision" }>;

/** Every published status update in scope, in the order they were recorded (by id). */
export async function* streamStatusUpdates(db: Db, scope: HistoryScope, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<StatusUpdateChange> {
  let after = 0;
  for (;;) {
    const rows: HistoryRow[] = await db.$queryRaw<HistoryRow[]>`
      SELECT 'status_update' AS kind, u.id, u.effective_on AS event_date, u.published_at, u.version, u.status, u.note, ${UPDATE_DATE_COLUMNS},
             ${SOURCE_COLUMNS}, c.slug AS commitment_slug, c.title AS commitment_title, a.slug AS area_slug, a.title AS area_title
      FROM status_update u
      JOIN ${commitmentsAt(scope.version)} c ON c.id = u.commitment_id
      JOIN area a ON a.id = c.area_id
      JOIN source src ON src.id = u.source_id
      WHERE u.id > ${after} AND u.effective_on <= ${scope.asOf}::date AND c.announced_on <= ${scope.asOf}::date
        AND u.version <= ${scope.version}
      ORDER BY u.id
      LIMIT ${batchSize}`;
    for (const row of rows) yield toChangeEntry(row) as StatusUpdateChange;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** Every deadline in scope (originals and revisions), in the order they were recorded (by id). */
export async function* streamDeadlineRevisions(db: Db, scope: HistoryScope, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<DeadlineRevisionChange> {
  let after = 0;
  for (;;) {
    const rows: HistoryRow[] = await db.$queryRaw<HistoryRow[]>`
      SELECT 'deadline_revision' AS kind, d.id, d.effective_on AS event_date, d.published_at, d.version, d.label, d.precision, d.due_date, d.reason,
             (prev.id IS NULL) AS original, prev.label AS previous_label, prev.due_date AS previous_due_date,
             ${SOURCE_COLUMNS}, c.slug AS commitment_slug, c.title AS commitment_title, a.slug AS area_slug, a.title AS area_title
      FROM deadline_revision d
      JOIN ${commitmentsAt(scope.version)} c ON c.id = d.commitment_id
      JOIN area a ON a.id = c.area_id
      LEFT JOIN source src ON src.id = d.source_id
      LEFT JOIN LATERAL (
        SELECT p.id, p.label, p.due_date FROM deadline_revision p
        WHERE p.commitment_id = d.commitment_id AND (p.effective_on, p.id) < (d.effective_on, d.id) AND p.version <= ${scope.version}
        ORDER BY p.effective_on DESC, p.id DESC LIMIT 1
      ) prev ON TRUE
      WHERE d.id > ${after} AND d.effective_on <= ${scope.asOf}::date AND c.announced_on <= ${scope.asOf}::date
        AND d.version <= ${scope.version}
      ORDER BY d.id
      LIMIT ${batchSize}`;
    for (const row of rows) yield toChangeEntry(row) as DeadlineRevisionChange;
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
    SELECT concat_ws(':', latest_publication(),
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
