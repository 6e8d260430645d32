// Facts about one commitment that do not change with the as-of date: when it was announced and
// in which published source.
import type { Db } from "../db";
import type { SourceRef } from "./types";
import { isoDay } from "../../domain/dates";

export type Announcement = { announcedOn: string; source: SourceRef | null };

export async function getCommitmentAnnouncement(db: Db, slug: string): Promise<Announcement | null> {
  const row = await db.commitment.findUnique({
    where: { slug },
    select: { announcedOn: true, announcedIn: { select: { url: true, publisher: true, title: true, publishedOn: true } } },
  });
  if (!row) return null;
  const source = row.announcedIn;
  return {
    announcedOn: isoDay(row.announcedOn),
    source: source ? { url: source.url, publisher: source.publisher, title: source.title, publishedOn: isoDay(source.publishedOn) } : null,
  };
}
