// Missed deadlines across all commitments, as of a date at a version: each deadline that passed
// unmet while it was in effect (src/domain/history.ts), with what followed. Read from the
// deadlines stored with each commitment's state period, most missed first.
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";
import type { MissedOutcome } from "../../domain/history";
import type { MissedDeadlineRef, Owner } from "./types";
import { missedRef, ownersOf, summarySource, type MissedJson } from "./commitments";
import { ownedBy } from "./versions";

export type MissedDeadlineItem = {
  commitment: { slug: string; title: string; area: { slug: string; title: string }; owners: Owner[] };
  missed: MissedDeadlineRef;
};

export type MissedFilters = { asOf: string; version?: number; outcome: MissedOutcome; area?: string[]; organisation?: string[] };

/** One page of the deadlines missed with this outcome, most days first, with the total. */
export async function listMissedDeadlines(db: Db, filters: MissedFilters, paging: { page: number; pageSize: number }): Promise<{ items: MissedDeadlineItem[]; total: number }> {
  const conditions: Prisma.Sql[] = [Prisma.sql`s.missed_count > 0`, Prisma.sql`e.entry->>'outcome' = ${filters.outcome}`];
  if (filters.area?.length) conditions.push(Prisma.sql`a.slug = ANY(${filters.area}::text[])`);
  if (filters.organisation?.length) conditions.push(ownedBy(filters.organisation));
  const rows = await db.$queryRaw<{ id: number; slug: string; title: string; area_slug: string; area_title: string; entry: MissedJson; total: bigint }[]>`
    SELECT c.id, c.slug, c.title, a.slug AS area_slug, a.title AS area_title, e.entry, COUNT(*) OVER () AS total
    FROM ${summarySource(filters.asOf, filters.version)}
    CROSS JOIN LATERAL jsonb_array_elements(s.missed) AS e(entry)
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY COALESCE((e.entry->>'daysMissedByMax')::int, ${filters.asOf}::date - (e.entry->>'dueDate')::date) DESC,
             (e.entry->>'dueDate')::date, c.title
    LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}`;
  const owners = await ownersOf(db, [...new Set(rows.map((r) => r.id))], filters.version);
  const items = rows.map((r) => ({
    commitment: { slug: r.slug, title: r.title, area: { slug: r.area_slug, title: r.area_title }, owners: owners.get(r.id) ?? [] },
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
