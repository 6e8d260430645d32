// What the share card, the embed, the badge and the share image show about one commitment: its
// status, deadline as published and area, as of a date at a record version (?as_of=, ?version=
// or ?recorded_on=, like every open-data answer). A citable version never changes, so its answers
// may be kept for a year. A removed commitment is 410 Gone, like its page. No guessing: a
// commitment with no deadline says so, one with no update says "No progress reported".
import { getDb } from "../db";
import { getCommitmentSummary } from "../queries/commitments";
import { getRemoval } from "../queries/corrections";
import { parseAsOfParams } from "../open-data/params";
import { cacheControlFor, readView } from "../open-data/view";
import { invalidParameters, sendProblem } from "../open-data/http";
import { publicStatusDefinition, type StatusTone } from "../../domain/status";
import { slugSchema } from "../../schemas/common";
import { longDate } from "../../domain/dates";
import type { CommitmentSummary } from "../queries/types";
import type { View } from "../record-at";

export { TONE_COLOURS } from "./markup";

export type ShareCard = {
  slug: string;
  title: string;
  area: string;
  status: string;
  tone: StatusTone;
  /** The deadline exactly as published (an open one says so in its own words), or that none was. */
  deadline: string;
  overdue: boolean;
  /** "as of 30 June 2026" when a date was asked for; "" otherwise. */
  asOfText: string;
  /** ?version=N when a version was asked for, for links back to the same record. */
  query: string;
  version: number;
  cacheControl: string;
};

function shareCard(summary: CommitmentSummary, view: View): ShareCard {
  const status = publicStatusDefinition(summary.status.code);
  const query = new URLSearchParams();
  if (view.asOfGiven) query.set("as_of", view.asOf);
  if (view.at.pinned) query.set("version", String(view.at.version));
  return {
    slug: summary.slug,
    title: summary.title,
    area: summary.area.title,
    status: status.label,
    tone: status.tone,
    deadline: summary.deadline ? summary.deadline.label : "No deadline published",
    overdue: summary.overdue,
    asOfText: view.asOfGiven ? `as of ${longDate(view.asOf)}` : "",
    query: query.size ? `?${query}` : "",
    version: view.at.version,
    cacheControl: cacheControlFor(view),
  };
}

/** The card of the commitment a request names, or the answer to give instead (400, 404, 410). */
export async function loadShareCard(request: Request, slug: string): Promise<{ card: ShareCard } | { response: Response }> {
  const url = new URL(request.url);
  const parsed = parseAsOfParams(url.searchParams);
  if (!parsed.ok) return { response: invalidParameters(request, parsed.errors) };
  const read = await readView(request, parsed.value);
  if (!read.ok) return { response: read.response };
  const db = getDb();
  const summary = slugSchema.safeParse(slug).success ? await getCommitmentSummary(db, slug, read.view.asOf, read.view.at.version) : null;
  if (summary) return { card: shareCard(summary, read.view) };
  if (!read.view.at.pinned && slugSchema.safeParse(slug).success && (await getRemoval(db, slug)))
    return { response: sendProblem(request, "gone", `The commitment "${slug}" was taken off the tracker: /removed/${slug} says why.`) };
  return { response: sendProblem(request, "notFound", `There is no commitment "${slug}" on the tracker at this date and version.`) };
}
