// Evidence and sources are shared: one row per URL (source.url is unique). Publishing reuses the
// row when the link is already known, and never changes it.
import type { Tx } from "./tx";
import { dayDate } from "../../domain/dates";

export type SourceInput = { url: string; title: string; publisher: string; publishedOn: string };

export async function findOrCreateSource(tx: Tx, source: SourceInput): Promise<{ id: number; created: boolean }> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO source (url, publisher, title, published_on)
    VALUES (${source.url}, ${source.publisher}, ${source.title}, ${dayDate(source.publishedOn)}::date)
    ON CONFLICT (url) DO NOTHING
    RETURNING id`;
  if (rows[0]) return { id: rows[0].id, created: true };
  const existing = await tx.source.findUniqueOrThrow({ where: { url: source.url }, select: { id: true } });
  return { id: existing.id, created: false };
}
