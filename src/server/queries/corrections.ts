// Corrections to the public record (/corrections) and commitments taken off the tracker (their
// addresses answer 410 Gone). Both tables are append-only (migration 20261204000000_provenance).
import type { Db } from "../db";
import { isoDay } from "../../domain/dates";
import { freshness } from "../freshness";

export type Removal = { slug: string; title: string; reason: string; removedOn: string; publishedAt: string };
export type ReaderCorrection = { id: number; pagePath: string; correction: string; acceptedOn: string };
export type CorrectionEntry = { slug: string; title: string | null; what: string[]; correctedOn: string; publishedAt: string };

const toRemoval = (r: { slug: string; title: string; reason: string; removedOn: Date; publishedAt: Date }): Removal => ({
  slug: r.slug,
  title: r.title,
  reason: r.reason,
  removedOn: isoDay(r.removedOn)!,
  publishedAt: r.publishedAt.toISOString(),
});

/** The removal of a commitment, or null when it was never removed. */
export async function getRemoval(db: Db, slug: string): Promise<Removal | null> {
  const r = await db.commitmentRemoval.findUnique({ where: { slug } });
  return r ? toRemoval(r) : null;
}

/** Every correction, newest first, grouped per commitment and day, and every removal. */
export async function listCorrections(db: Db): Promise<{ corrections: CorrectionEntry[]; removals: Removal[]; fromReaders: ReaderCorrection[] }> {
  const [rows, removals, accepted] = await Promise.all([
    db.$queryRaw<{ slug: string; title: string | null; what: string[]; corrected_on: string; published_at: Date }[]>`
      SELECT k.commitment_slug AS slug, c.title, array_agg(k.what ORDER BY k.id) AS what, k.corrected_on::text AS corrected_on,
             MAX(k.published_at) AS published_at
      FROM correction k LEFT JOIN commitment c ON c.slug = k.commitment_slug
      GROUP BY k.commitment_slug, c.title, k.corrected_on
      ORDER BY k.corrected_on DESC, c.title NULLS LAST, k.commitment_slug`,
    db.commitmentRemoval.findMany({ orderBy: [{ removedOn: "desc" }, { slug: "asc" }] }),
    // Readers' reports an editor accepted, with the correction the editor wrote (never the reader's words).
    db.report.findMany({ where: { state: "accepted" }, orderBy: [{ reviewedAt: "desc" }, { id: "desc" }] }),
  ]);
  return {
    corrections: rows.map((r) => ({
      slug: r.slug,
      title: r.title,
      what: r.what,
      correctedOn: r.corrected_on,
      publishedAt: r.published_at.toISOString(),
    })),
    removals: removals.map(toRemoval),
    fromReaders: accepted.map((r) => ({ id: r.id, pagePath: r.pagePath, correction: r.reviewNote ?? "", acceptedOn: r.reviewedAt!.toISOString() })),
  };
}

/** Removed slugs, for the proxy's 410 answer: kept until a removal is published (src/server/freshness). */
export function removedSlugs(db: Db, now = Date.now()): Promise<Set<string>> {
  return freshness().removedSlugs(
    () =>
      db.commitmentRemoval
        .findMany({ select: { slug: true } })
        .then((rows) => new Set(rows.map((r) => r.slug)))
        .catch(() => new Set<string>()),
    now,
  );
}
