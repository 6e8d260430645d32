// Progress over time: the counts the overview shows, read on the last day of every month since the
// first commitment was announced, each month as the record (at one version) says it stood on that
// day. The charts of the overview, area and organisation pages draw these
// (docs/decisions/0016-charts-and-timeline.md).
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";
import type { PublicStatusCode } from "../../domain/status";
import { isDeliveredStatus } from "../../domain/status";
import { monthPoints, type YearMonth } from "../../domain/glance";
import { isoDay } from "../../domain/dates";
import { PUBLIC_STATUS_SQL } from "./commitments";
import { commitmentsAt, ownedBy, versionSql } from "./versions";
import { emptyCounts, type StatusCounts } from "./overview";

export type MonthCounts = {
  month: YearMonth;
  /** The day the month is read on: its last day, or the as-of date for the month it falls in. */
  on: string;
  total: number;
  counts: StatusCounts;
  overdue: number;
  /** Commitments whose deadline in effect on that day had a due date on or before it. */
  due: number;
  /** Delivered or delivered differently on that day. */
  delivered: number;
};

/** Which commitments a chart counts: all of them, an area's, or an organisation's (led or supported). */
export type ProgressScope = { area?: string; organisation?: string };

/** Month by month from the month of the first announcement to the as-of date, at a version (undefined: the latest). */
export async function progressByMonth(db: Db, asOf: string, version?: number, scope: ProgressScope = {}): Promise<MonthCounts[]> {
  const first = await db.$queryRaw<{ first: Date | null }[]>`SELECT MIN(c.announced_on) AS first FROM ${commitmentsAt(version)} c`;
  const start = isoDay(first[0]?.first ?? null);
  if (!start) return [];
  const points = monthPoints(start, asOf);
  if (points.length === 0) return [];
  const conditions: Prisma.Sql[] = [];
  if (scope.area) conditions.push(Prisma.sql`c.area_id = (SELECT id FROM area WHERE slug = ${scope.area})`);
  if (scope.organisation) conditions.push(ownedBy([scope.organisation]));
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const rows = await db.$queryRaw<{ day: string; status: PublicStatusCode; n: bigint; overdue: bigint; due: bigint }[]>`
    SELECT m.day::text AS day, ${PUBLIC_STATUS_SQL} AS status, COUNT(*) AS n,
           COUNT(*) FILTER (WHERE s.overdue) AS overdue, COUNT(*) FILTER (WHERE s.due_date <= m.day) AS due
    FROM unnest(${points.map((p) => p.on)}::date[]) AS m(day)
    CROSS JOIN LATERAL commitment_state_at(m.day, ${versionSql(version)}) s
    JOIN ${commitmentsAt(version)} c ON c.id = s.commitment_id
    ${where}
    GROUP BY 1, 2`;
  const byDay = new Map(points.map((p) => [p.on, { ...p, total: 0, counts: emptyCounts(), overdue: 0, due: 0, delivered: 0 } as MonthCounts]));
  for (const row of rows) {
    const point = byDay.get(row.day);
    if (!point) continue;
    const n = Number(row.n);
    point.counts[row.status] += n;
    point.total += n;
    point.overdue += Number(row.overdue);
    point.due += Number(row.due);
    if (isDeliveredStatus(row.status)) point.delivered += n;
  }
  return [...byDay.values()];
}
