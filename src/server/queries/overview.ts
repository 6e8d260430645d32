import type { Db } from "../db";
import { commitmentsAt, versionSql } from "./versions";
import { PUBLIC_STATUS_CODES, type PublicStatusCode } from "../../domain/status";
import { PUBLIC_STATUS_SQL, summarySource } from "./commitments";
import { isoDay } from "../../domain/dates";

/** Counts by public status: no progress reported apart from not started. */
export type StatusCounts = Record<PublicStatusCode, number>;
export const emptyCounts = (): StatusCounts => Object.fromEntries(PUBLIC_STATUS_CODES.map((c) => [c, 0])) as StatusCounts;

export type AreaProgress = {
  slug: string;
  title: string;
  position: number;
  total: number;
  overdue: number;
  /** Missed at least one deadline by the date (s.missed_count > 0). */
  missed: number;
  /** No due date: an open deadline, or none published (s.due_date IS NULL). */
  noDeadline: number;
  counts: StatusCounts;
};

/** Counts by status and overdue, overall and per area, as of a date at a version (undefined: the latest). */
export async function statusCountsByArea(
  db: Db,
  asOf: string,
  version?: number,
): Promise<{
  areas: AreaProgress[];
  total: number;
  overdue: number;
  missed: number;
  noDeadline: number;
  counts: StatusCounts;
  lastConfirmedOn: string | null;
  lastConfirmedLabel: string | null;
}> {
  type Row = {
    slug: string;
    title: string;
    position: number;
    status: PublicStatusCode | null;
    n: bigint;
    overdue: bigint;
    missed: bigint;
    no_deadline: bigint;
    last_confirmed: Date | null;
  };
  const atLatest = await isLatest(db, version);
  // At the latest version the counts come from the steps kept per day (state_count_delta, migration
  // 20261211000100_state_counts), a few rows per day whatever the number of commitments, and the
  // last confirmation from the periods in order of it; at an earlier one, from every commitment's state.
  const rows = atLatest
    ? await db.$queryRaw<Row[]>`
        SELECT a.slug, a.title, a.position, d.status, COALESCE(SUM(d.n), 0)::bigint AS n, COALESCE(SUM(d.n) FILTER (WHERE d.overdue), 0)::bigint AS overdue,
               COALESCE(SUM(d.n) FILTER (WHERE d.missed), 0)::bigint AS missed, COALESCE(SUM(d.n) FILTER (WHERE d.no_deadline), 0)::bigint AS no_deadline,
               (SELECT s.status_confirmed_on FROM ${summarySource(asOf, version)} WHERE s.status_confirmed_on IS NOT NULL
                ORDER BY s.status_confirmed_on DESC LIMIT 1) AS last_confirmed
        FROM area a LEFT JOIN state_count_delta d ON d.area_id = a.id AND d.day <= ${asOf}::date
        GROUP BY a.slug, a.title, a.position, d.status
        ORDER BY a.position`
    : await db.$queryRaw<Row[]>`
        SELECT a.slug, a.title, a.position, CASE WHEN s.commitment_id IS NULL THEN NULL ELSE ${PUBLIC_STATUS_SQL} END AS status, COUNT(s.commitment_id) AS n,
               COUNT(*) FILTER (WHERE s.overdue) AS overdue, COUNT(*) FILTER (WHERE s.missed_count > 0) AS missed,
               COUNT(*) FILTER (WHERE s.commitment_id IS NOT NULL AND s.due_date IS NULL) AS no_deadline, MAX(s.status_confirmed_on) AS last_confirmed
        FROM area a
        LEFT JOIN ${commitmentsAt(version)} c ON c.area_id = a.id
        LEFT JOIN commitment_state_at(${asOf}::date, ${versionSql(version)}) s ON s.commitment_id = c.id
        GROUP BY a.slug, a.title, a.position, 4
        ORDER BY a.position`;
  const areas = new Map<string, AreaProgress>();
  const counts = emptyCounts();
  let overdue = 0;
  let missed = 0;
  let noDeadline = 0;
  let last: Date | null = null;
  for (const row of rows) {
    const area = areas.get(row.slug) ?? {
      slug: row.slug,
      title: row.title,
      position: row.position,
      total: 0,
      overdue: 0,
      missed: 0,
      noDeadline: 0,
      counts: emptyCounts(),
    };
    areas.set(row.slug, area);
    if (row.status) {
      area.counts[row.status] += Number(row.n);
      area.total += Number(row.n);
      area.overdue += Number(row.overdue);
      area.missed += Number(row.missed);
      area.noDeadline += Number(row.no_deadline);
      counts[row.status] += Number(row.n);
      overdue += Number(row.overdue);
      missed += Number(row.missed);
      noDeadline += Number(row.no_deadline);
    }
    if (row.last_confirmed && (!last || row.last_confirmed > last)) last = row.last_confirmed;
  }
  const list = [...areas.values()].sort((a, b) => a.position - b.position);
  // The latest confirmation behind a status in effect, with the precision the source gave it: the
  // updates latest confirmed first (status_update_confirmed_order_idx), the first a state names.
  const latest = await db.$queryRaw<{ confirmed_label: string }[]>`
    SELECT u.confirmed_label FROM status_update u
    WHERE u.version <= ${versionSql(version)} AND u.effective_on <= ${asOf}::date
      AND EXISTS (SELECT 1 FROM commitment_state_at(${asOf}::date, ${versionSql(version)}) s WHERE s.status_update_id = u.id)
    ORDER BY u.confirmed_to DESC, u.confirmed_on DESC, u.id DESC LIMIT 1`;
  return {
    areas: list,
    total: list.reduce((n, a) => n + a.total, 0),
    overdue,
    missed,
    noDeadline,
    counts,
    lastConfirmedOn: isoDay(last),
    lastConfirmedLabel: latest[0]?.confirmed_label ?? null,
  };
}

export async function listAreas(db: Db) {
  return db.area.findMany({ orderBy: { position: "asc" }, select: { slug: true, title: true, summary: true, position: true } });
}

/** Is this version (undefined: the latest) the latest? */
async function isLatest(db: Db, version: number | undefined): Promise<boolean> {
  return (
    version === undefined || (await db.$queryRaw<{ latest: boolean }[]>`SELECT latest_publication() = ${version}::int AS latest`)[0]?.latest === true
  );
}

/** Every organisation with how many commitments it led and supported at a version (undefined: the latest). */
export async function listOrganisations(db: Db, version?: number) {
  type Row = { slug: string; name: string; abbreviation: string | null; leads: number; supports: number };
  // At the latest version the counts are kept per organisation (organisation_commitment_count,
  // migration 20261215000100_organisation_counts); at an earlier one, counted from the revisions.
  if (await isLatest(db, version))
    return db.$queryRaw<Row[]>`
      SELECT o.slug, o.name, o.abbreviation, COALESCE(k.leads, 0)::int AS leads, COALESCE(k.supports, 0)::int AS supports
      FROM organisation o LEFT JOIN organisation_commitment_count k ON k.organisation_id = o.id
      ORDER BY o.name`;
  return db.$queryRaw<Row[]>`
    SELECT o.slug, o.name, o.abbreviation,
           COUNT(*) FILTER (WHERE c.lead_organisation_id = o.id)::int AS leads,
           COUNT(*) FILTER (WHERE o.id = ANY(c.supporting_ids))::int AS supports
    FROM organisation o LEFT JOIN ${commitmentsAt(version)} c ON c.lead_organisation_id = o.id OR o.id = ANY(c.supporting_ids)
    GROUP BY o.id, o.slug, o.name, o.abbreviation
    ORDER BY o.name`;
}

export async function getArea(db: Db, slug: string) {
  return db.area.findUnique({ where: { slug }, select: { slug: true, title: true, summary: true, position: true } });
}

export async function getOrganisation(db: Db, slug: string) {
  return db.organisation.findUnique({ where: { slug }, select: { slug: true, name: true, abbreviation: true } });
}
