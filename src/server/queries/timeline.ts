// The deadline each commitment was first published with, at a record version, for the roadmap
// timeline's "moved from" marks (the first deadline revision, as src/server/queries/changes.ts
// reads the original).
import type { Db } from "../db";
import { versionSql } from "./versions";

export type OriginalDeadline = { id: number; label: string; dueDate: string | null };

export async function originalDeadlines(db: Db, ids: number[], version?: number): Promise<OriginalDeadline[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<{ id: number; label: string; due_date: string | null }[]>`
    SELECT DISTINCT ON (d.commitment_id) d.commitment_id AS id, d.label, d.due_date::text AS due_date
    FROM deadline_revision d
    WHERE d.commitment_id = ANY(${ids}::int[]) AND d.version <= ${versionSql(version)}
    ORDER BY d.commitment_id, d.effective_on, d.id`;
  return rows.map((r) => ({ id: r.id, label: r.label, dueDate: r.due_date }));
}
