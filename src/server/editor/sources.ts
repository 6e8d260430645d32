// Citations per use (security review F1): every published use of a source (a status update's
// evidence, a deadline's source, a commitment's announcement, a wording change) writes its own
// source row, exactly as the second editor reviewed it. Rows are never reused by URL and never
// changed, so nothing an earlier use wrote can change what a later use shows.
import type { Tx } from "./tx";
import { dayDate } from "../../domain/dates";

export type SourceInput = { url: string; title: string; publisher: string; publishedOn: string };

export async function createCitation(tx: Tx, source: SourceInput): Promise<{ id: number }> {
  return tx.source.create({
    data: { url: source.url, publisher: source.publisher, title: source.title, publishedOn: dayDate(source.publishedOn) },
    select: { id: true },
  });
}
