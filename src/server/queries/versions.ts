// Record versions (docs/decisions/0009-record-versions.md): every publish takes the next version,
// and every public read is made at one version, so it shows the record exactly as published then.
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";

export type VersionInfo = {
  version: number;
  /** When it was published (ISO 8601, UTC). */
  publishedAt: string;
  /** The day it was recorded on, in Europe/London (what recorded_on= means). */
  recordedOn: string;
};

type Row = { version: number; published_at: Date; recorded_on: Date };

const toInfo = (row: Row | undefined): VersionInfo | null =>
  row ? { version: row.version, publishedAt: row.published_at.toISOString(), recordedOn: row.recorded_on.toISOString().slice(0, 10) } : null;

const columns = Prisma.sql`version, published_at, (published_at AT TIME ZONE 'Europe/London')::date AS recorded_on`;

/** The latest version, or null before anything has been published. */
export async function latestVersion(db: Db): Promise<VersionInfo | null> {
  return toInfo((await db.$queryRaw<Row[]>`SELECT ${columns} FROM publication ORDER BY version DESC LIMIT 1`)[0]);
}

export async function firstVersion(db: Db): Promise<VersionInfo | null> {
  return toInfo((await db.$queryRaw<Row[]>`SELECT ${columns} FROM publication ORDER BY version ASC LIMIT 1`)[0]);
}

export async function versionInfo(db: Db, version: number): Promise<VersionInfo | null> {
  return toInfo((await db.$queryRaw<Row[]>`SELECT ${columns} FROM publication WHERE version = ${version}`)[0]);
}

/** recorded_on=D: the last version published by the end of D in Europe/London, or null if none was. */
export async function versionRecordedOn(db: Db, day: string): Promise<VersionInfo | null> {
  return toInfo((await db.$queryRaw<Row[]>`SELECT ${columns} FROM publication WHERE version = publication_recorded_on(${day}::date)`)[0]);
}

/**
 * The first version after `version` that changed the record: anything at all, or (with a slug)
 * that commitment's history or attributes. Null when nothing has been revised since.
 */
export async function revisedSince(db: Db, version: number, commitmentSlug?: string): Promise<VersionInfo | null> {
  if (!commitmentSlug)
    return toInfo((await db.$queryRaw<Row[]>`SELECT ${columns} FROM publication WHERE version > ${version} ORDER BY version LIMIT 1`)[0]);
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${columns} FROM publication WHERE version = (
      SELECT MIN(v) FROM (
        SELECT MIN(u.version) AS v FROM status_update u JOIN commitment c ON c.id = u.commitment_id WHERE c.slug = ${commitmentSlug} AND u.version > ${version}
        UNION ALL
        SELECT MIN(d.version) FROM deadline_revision d JOIN commitment c ON c.id = d.commitment_id WHERE c.slug = ${commitmentSlug} AND d.version > ${version}
        UNION ALL
        SELECT MIN(r.version) FROM commitment_revision r JOIN commitment c ON c.id = r.commitment_id WHERE c.slug = ${commitmentSlug} AND r.version > ${version}
      ) later
    )`;
  return toInfo(rows[0]);
}

/**
 * The last version at or before `version` that changed this commitment's record (its history or
 * attributes): the record of the commitment at that version is the same as at `version`.
 */
export async function lastVersionOf(db: Db, commitmentSlug: string, version: number): Promise<number | null> {
  const rows = await db.$queryRaw<{ v: number | null }[]>`
    SELECT GREATEST(
      (SELECT MAX(u.version) FROM status_update u WHERE u.commitment_id = c.id AND u.version <= ${version}),
      (SELECT MAX(d.version) FROM deadline_revision d WHERE d.commitment_id = c.id AND d.version <= ${version}),
      (SELECT MAX(r.version) FROM commitment_revision r WHERE r.commitment_id = c.id AND r.version <= ${version})
    ) AS v
    FROM commitment c WHERE c.slug = ${commitmentSlug}`;
  return rows[0]?.v ?? null;
}

/** A version in SQL: the given one, or (undefined) the latest at the moment the statement runs. */
export function versionSql(version: number | undefined): Prisma.Sql {
  return version === undefined ? Prisma.sql`latest_publication()` : Prisma.sql`${version}::int`;
}

/**
 * The commitments on the record at a version (undefined: the latest), with their attributes as
 * published then: for each, its latest revision at or before the version (an anti-join, one
 * pass over the revisions), leaving out those removed by then. Columns: id, slug, title, summary, area_id, lead_organisation_id,
 * supporting_ids, announced_on, announced_in_id, search.
 */
export function commitmentsAt(at: number | undefined): Prisma.Sql {
  const version = versionSql(at);
  return Prisma.sql`(
    SELECT r.commitment_id AS id, r.slug, r.title, r.summary, r.area_id, r.lead_organisation_id,
           r.supporting_organisation_ids AS supporting_ids, r.announced_on, r.announced_in_id, r.search
    FROM commitment_revision r
    WHERE r.version <= ${version}
      AND NOT EXISTS (SELECT 1 FROM commitment_revision x WHERE x.commitment_id = r.commitment_id AND x.version > r.version AND x.version <= ${version})
      -- A commitment taken off the tracker is no longer on the record from the version that removed it.
      AND r.removal_reason IS NULL
  )`;
}

/** The commitments owned (led or supported) by any of these organisations, as a condition on commitmentsAt's alias c. */
export function ownedBy(organisationSlugs: string[]): Prisma.Sql {
  return Prisma.sql`(
    c.lead_organisation_id IN (SELECT id FROM organisation WHERE slug = ANY(${organisationSlugs}::text[]))
    OR c.supporting_ids && ARRAY(SELECT id FROM organisation WHERE slug = ANY(${organisationSlugs}::text[])))`;
}
