// Department scorecards (src/domain/scorecard.ts): for every organisation, the commitments it
// leads counted by each measure, as of a date at a record version, in one grouped query. The
// FILTER conditions are the domain's rules written over commitment_state_at()'s columns; an
// integration test checks that they agree with the rules applied to each commitment.
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";
import { SCORECARD_MEASURES, type ScorecardMeasure, type ScorecardRow } from "../../domain/scorecard";
import { PUBLIC_STATUS_SQL, summarySource } from "./commitments";

const DELIVERED = Prisma.sql`${PUBLIC_STATUS_SQL} IN ('delivered', 'delivered_differently')`;

/** Each measure's rule over summarySource's aliases (s: the state on the date). */
const MEASURE_SQL: Record<ScorecardMeasure, Prisma.Sql> = {
  delivered_on_time: Prisma.sql`${DELIVERED} AND s.lateness = 'on_time'`,
  delivered_late: Prisma.sql`${DELIVERED} AND s.lateness = 'late'`,
  overdue: Prisma.sql`s.overdue`,
  missed_then_moved: Prisma.sql`s.missed @> '[{"outcome": "moved"}]'::jsonb`,
  no_deadline: Prisma.sql`s.due_date IS NULL`,
  no_progress_reported: Prisma.sql`s.status_update_id IS NULL`,
};

type Row = { slug: string; name: string; abbreviation: string | null; leads: number } & Record<ScorecardMeasure, number>;

/**
 * Every organisation with the commitments it leads that had been announced by the date (optionally
 * only in some areas), counted by each measure, by name. An organisation that leads none has zeros.
 */
export async function listScorecards(db: Db, asOf: string, version: number | undefined, filters: { area?: string[] } = {}): Promise<ScorecardRow[]> {
  const inArea = filters.area?.length ? Prisma.sql`AND a.slug = ANY(${filters.area}::text[])` : Prisma.empty;
  const measures = Prisma.join(
    SCORECARD_MEASURES.map((m) => Prisma.sql`(COUNT(*) FILTER (WHERE c.id IS NOT NULL AND (${MEASURE_SQL[m]})))::int AS ${Prisma.raw(m)}`),
    ", ",
  );
  const rows = await db.$queryRaw<Row[]>`
    SELECT o.slug, o.name, o.abbreviation, COUNT(c.id)::int AS leads, ${measures}
    FROM organisation o
    LEFT JOIN (${summarySource(asOf, version)}) ON c.lead_organisation_id = o.id ${inArea}
    GROUP BY o.id, o.slug, o.name, o.abbreviation
    ORDER BY o.name, o.slug`;
  return rows;
}
