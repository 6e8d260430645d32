// Missed deadlines across all commitments, as of a date at a version: each deadline that passed
// unmet while it was in effect (src/domain/history.ts), with what followed. Read from the
// deadlines stored with each commitment's state period, most missed first.
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";
import type { MissedOutcome } from "../../domain/history";
import type { MissedDeadlineRef, Owner } from "./types";
import { missedRef, ownersJson, summarySource, type MissedJson } from "./commitments";
import { ownedBy } from "./versions";

export type MissedDeadlineItem = {
  commitment: { slug: string; title: string; area: { slug: string; title: string }; owners: Owner[] };
  missed: MissedDeadlineRef;
};

export type MissedFilters = { asOf: string; version?: number; outcome: MissedOutcome; area?: string[]; organisation?: string[] };

/** One page of the deadlines missed with this outcome, most days first, with the total. */
export async function listMissedDeadlines(
  db: Db,
  filters: MissedFilters,
  paging: { page: number; pageSize: number },
): Promise<{ items: MissedDeadlineItem[]; total: number }> {
  const conditions: Prisma.Sql[] = [Prisma.sql`s.missed_count > 0`, Prisma.sql`e.entry->>'outcome' = ${filters.outcome}`];
  if (filters.area?.length) conditions.push(Prisma.sql`a.slug = ANY(${filters.area}::text[])`);
  if (filters.organisation?.length) conditions.push(ownedBy(filters.organisation));
  // The owners are read for the page's rows only, once they are picked.
  const rows = await db.$queryRaw<
    { slug: string; title: string; area_slug: string; area_title: string; entry: MissedJson; owners: Owner[]; total: bigint }[]
  >`
    SELECT p.slug, p.title, p.area_slug, p.area_title, p.entry, ${ownersJson(Prisma.sql`p.id`, Prisma.sql`p.lead_id`, Prisma.sql`p.supporting_ids`)} AS owners, p.total
    FROM (
      SELECT c.id, c.slug, c.title, a.slug AS area_slug, a.title AS area_title, e.entry, c.lead_organisation_id AS lead_id, c.supporting_ids,
             COALESCE((e.entry->>'daysMissedByMax')::int, ${filters.asOf}::date - (e.entry->>'dueDate')::date) AS days, COUNT(*) OVER () AS total
      FROM ${summarySource(filters.asOf, filters.version)}
      CROSS JOIN LATERAL jsonb_array_elements(s.missed) AS e(entry)
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY days DESC, (e.entry->>'dueDate')::date, c.title
      LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}
    ) p
    ORDER BY p.days DESC, (p.entry->>'dueDate')::date, p.title`;
  const items = rows.map((r) => ({
    commitment: { slug: r.slug, title: r.title, area: { slug: r.area_slug, title: r.area_title }, owners: r.owners },
    missed: missedRef(r.entry, filters.asOf),
  }));
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (rows.length === 0 && paging.page > 1) {
    const count = await db.$queryRaw<{ total: bigint }[]>`
      SELECT COUNT(*) AS total FROM ${summarySource(filters.asOf, filters.version)}
      CROSS JOIN LATERAL jsonb_array_elements(s.missed) AS e(entry) WHERE ${Prisma.join(conditions, " AND ")}`;
    total = Number(count[0]?.total ?? 0);
  }
  return { items, total };
}
