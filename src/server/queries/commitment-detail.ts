// Facts about one commitment beside its state: when it was announced and in which published
// source, and when its progress was last confirmed, as on the record at a version.
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";
import type { DatedRef, SourceRef } from "./types";
import type { Precision } from "../../domain/deadline";
import { isoDay } from "../../domain/dates";
import { commitmentsAt, versionSql } from "./versions";
import { dated } from "./commitments";

export type Announcement = { announcedOn: string; source: SourceRef | null };

export async function getCommitmentAnnouncement(db: Db, slug: string, version?: number): Promise<Announcement | null> {
  const rows = await db.$queryRaw<
    {
      announced_on: Date;
      url: string | null;
      publisher: string | null;
      title: string | null;
      published_on: Date | null;
      published_label: string | null;
    }[]
  >`
    SELECT c.announced_on, s.url, s.publisher, s.title, s.published_on, s.published_label
    FROM ${commitmentsAt(version)} c LEFT JOIN source s ON s.id = c.announced_in_id
    WHERE c.slug = ${slug}`;
  const row = rows[0];
  if (!row) return null;
  return {
    announcedOn: isoDay(row.announced_on),
    source: row.url
      ? { url: row.url, publisher: row.publisher!, title: row.title!, publishedOn: isoDay(row.published_on!), publishedLabel: row.published_label }
      : null,
  };
}

/**
 * The status update that last confirmed a commitment's progress by a date (`commitmentId`: SQL for
 * its id): of the updates whose confirmation had begun by then, the one whose period ends last,
 * whichever update is in effect. Progress counts as confirmed on that period's last day ("June
 * 2026": 30 June), for src/domain/attention.ts isStale() on the pages and the editor's dashboard alike.
 */
export const lastConfirmationSql = (commitmentId: Prisma.Sql, asOf: string, version?: number) => Prisma.sql`(
  SELECT u.id FROM status_update u
  WHERE u.commitment_id = ${commitmentId} AND u.confirmed_on <= ${asOf}::date AND u.version <= ${versionSql(version)}
  ORDER BY u.confirmed_to DESC, u.confirmed_on DESC, u.id DESC LIMIT 1)`;

/** When a commitment's progress was last confirmed by a date, as its source words it; null before any update. */
export async function getLastConfirmation(db: Db, slug: string, asOf: string, version?: number): Promise<DatedRef | null> {
  const rows = await db.$queryRaw<{ confirmed_label: string; confirmed_precision: Precision; confirmed_on: Date; confirmed_to: Date }[]>`
    SELECT u.confirmed_label, u.confirmed_precision, u.confirmed_on, u.confirmed_to FROM status_update u
    WHERE u.id = ${lastConfirmationSql(Prisma.sql`(SELECT id FROM commitment WHERE slug = ${slug})`, asOf, version)}`;
  const row = rows[0];
  return row ? dated(row.confirmed_label, row.confirmed_precision, row.confirmed_on, row.confirmed_to) : null;
}

/**
 * When the oldest change to a commitment that an admin force-published, and no second editor has
 * checked, was published, as on the record at a version; null when every change was checked.
 * Both the force-publish and the check are publishes, so a version between them still shows the mark.
 */
export async function getUncheckedSince(db: Db, slug: string, version?: number): Promise<string | null> {
  const rows = await db.$queryRaw<{ published_at: Date | null }[]>`
    SELECT MIN(f.published_at) AS published_at
    FROM forced_publication f JOIN commitment c ON c.id = f.commitment_id
    WHERE c.slug = ${slug} AND f.version <= ${versionSql(version)}
      AND NOT EXISTS (SELECT 1 FROM forced_publication_check k WHERE k.forced_publication_id = f.id AND k.version <= ${versionSql(version)})`;
  return rows[0]?.published_at?.toISOString() ?? null;
}
