// Wording history (issue 12): each published change of a commitment's title or summary, with the
// earlier text, its reason and its citation, read from the append-only commitment_revision rows
// (each revision against the one before it), as on the record at a version.
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";
import type { SourceRef } from "./types";
import { isoDay } from "../../domain/dates";
import { ownedBy, versionSql } from "./versions";

export type WordingChange = {
  /** Stable: the commitment_revision that published it. */
  id: number;
  version: number;
  publishedAt: string;
  commitment: { slug: string; title: string; area: { slug: string; title: string } };
  title: { before: string; after: string } | null;
  summary: { before: string; after: string } | null;
  reason: string | null;
  source: SourceRef | null;
};

type Row = {
  id: number;
  version: number;
  published_at: Date;
  slug: string;
  title: string;
  summary: string;
  previous_title: string;
  previous_summary: string;
  reason: string | null;
  current_title: string;
  area_slug: string;
  area_title: string;
  url: string | null;
  publisher: string | null;
  source_title: string | null;
  published_on: Date | null;
  published_label: string | null;
};

export type WordingFilters = { version?: number; commitmentSlug?: string; area?: string[]; organisation?: string[]; limit?: number };

/** Wording changes on the record at a version, newest first. */
export async function listWordingChanges(db: Db, filters: WordingFilters): Promise<WordingChange[]> {
  const version = versionSql(filters.version);
  const conditions: Prisma.Sql[] = [Prisma.sql`r.version <= ${version}`, Prisma.sql`(r.title <> p.title OR r.summary <> p.summary)`];
  if (filters.commitmentSlug) conditions.push(Prisma.sql`c.slug = ${filters.commitmentSlug}`);
  if (filters.area?.length) conditions.push(Prisma.sql`a.slug = ANY(${filters.area}::text[])`);
  if (filters.organisation?.length) conditions.push(ownedBy(filters.organisation));
  const limit = filters.limit ? Prisma.sql`LIMIT ${filters.limit}` : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`
    SELECT r.id, r.version, pub.published_at, c.slug, r.title, r.summary, p.title AS previous_title, p.summary AS previous_summary,
           r.reason, c.title AS current_title, a.slug AS area_slug, a.title AS area_title,
           s.url, s.publisher, s.title AS source_title, s.published_on, s.published_label
    FROM commitment_revision r
    JOIN LATERAL (
      SELECT q.title, q.summary FROM commitment_revision q
      WHERE q.commitment_id = r.commitment_id AND q.version < r.version ORDER BY q.version DESC LIMIT 1
    ) p ON TRUE
    JOIN LATERAL (
      SELECT q.slug, q.title, q.area_id, q.lead_organisation_id, q.supporting_organisation_ids AS supporting_ids FROM commitment_revision q
      WHERE q.commitment_id = r.commitment_id AND q.version <= ${version} ORDER BY q.version DESC LIMIT 1
    ) c ON TRUE
    JOIN area a ON a.id = c.area_id
    JOIN publication pub ON pub.version = r.version
    LEFT JOIN source s ON s.id = r.source_id
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY r.version DESC, r.id DESC
    ${limit}`;
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    publishedAt: row.published_at.toISOString(),
    commitment: { slug: row.slug, title: row.current_title, area: { slug: row.area_slug, title: row.area_title } },
    title: row.title !== row.previous_title ? { before: row.previous_title, after: row.title } : null,
    summary: row.summary !== row.previous_summary ? { before: row.previous_summary, after: row.summary } : null,
    reason: row.reason,
    source: row.url
      ? {
          url: row.url,
          publisher: row.publisher!,
          title: row.source_title!,
          publishedOn: isoDay(row.published_on)!,
          publishedLabel: row.published_label,
        }
      : null,
  }));
}
