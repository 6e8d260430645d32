// Facts about one commitment that do not change with the as-of date: when it was announced and
// in which published source, as on the record at a version.
import type { Db } from "../db";
import type { SourceRef } from "./types";
import { commitmentsAt } from "./versions";

const iso = (d: Date): string => d.toISOString().slice(0, 10);

export type Announcement = { announcedOn: string; source: SourceRef | null };

export async function getCommitmentAnnouncement(db: Db, slug: string, version?: number): Promise<Announcement | null> {
  const rows = await db.$queryRaw<
    {
      announced_on: Date;
      url: string | null;
      publisher: string | null;
      title: string | null;
      published_on: Date | null;
      published_label: string | null;
    }[]
  >`
    SELECT c.announced_on, s.url, s.publisher, s.title, s.published_on, s.published_label
    FROM ${commitmentsAt(version)} c LEFT JOIN source s ON s.id = c.announced_in_id
    WHERE c.slug = ${slug}`;
  const row = rows[0];
  if (!row) return null;
  return {
    announcedOn: iso(row.announced_on),
    source: row.url
      ? { url: row.url, publisher: row.publisher!, title: row.title!, publishedOn: iso(row.published_on!), publishedLabel: row.published_label }
      : null,
  };
}
