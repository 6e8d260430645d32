// Two rules for what the tracker draws attention to: progress nobody has confirmed for a while
// ("stale"), and deadlines coming up. The public pages, the editor's dashboard (in SQL, built
// from the constants below) and /methodology all use these definitions.
import { type IsoDate, addDays } from "./dates";
import { type PublicStatusCode, isClosedStatus } from "./status";

/** Progress confirmed more than this many days before the date looked at is "not confirmed recently". */
export const STALE_AFTER_DAYS = 90;

/** The overview lists the deadlines due within this many days. */
export const UPCOMING_DAYS = 90;

export type StalenessFacts = {
  status: PublicStatusCode;
  /**
   * When the current status was confirmed: the last day of the period its source gives (a source
   * dated only "June 2026" counts from 30 June); null before the first update.
   */
  statusConfirmedOn: IsoDate | null;
  announcedOn: IsoDate;
};

/**
 * The latest last-confirmation date that is stale on `asOf`: a commitment is stale when its
 * progress was last confirmed (or, with no update yet, it was announced) before this day.
 */
export function staleBefore(asOf: IsoDate): IsoDate {
  return addDays(asOf, -STALE_AFTER_DAYS);
}

/** The date progress was last confirmed, or the announcement when nothing has been confirmed yet. */
export const lastConfirmedOrAnnounced = (c: StalenessFacts): IsoDate => c.statusConfirmedOn ?? c.announcedOn;

/**
 * Open (not closed) and last confirmed more than STALE_AFTER_DAYS days before `asOf`. A closed
 * commitment has ended: nothing more is expected of it, so it is never stale.
 */
export function isStale(c: StalenessFacts, asOf: IsoDate): boolean {
  return !isClosedStatus(c.status) && lastConfirmedOrAnnounced(c) < staleBefore(asOf);
}

/** The first and last day of the upcoming-deadlines window that starts on `asOf`. */
export function upcomingWindow(asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: asOf, to: addDays(asOf, UPCOMING_DAYS) };
}

/** Plain-English statement of the rules above, for the methodology page. */
export const ATTENTION_RULES: readonly string[] = [
  `A commitment that is not closed carries a warning when its progress was last confirmed more than ${STALE_AFTER_DAYS} days before the date you are looking at (or, if no progress has ever been confirmed, when it was announced more than ${STALE_AFTER_DAYS} days before). A confirmation known only to a month or a season counts from its last day. Editors see the same commitments listed as “not confirmed for more than ${STALE_AFTER_DAYS} days”. A closed commitment never carries the warning.`,
  `The overview lists deadlines that fall in the next ${UPCOMING_DAYS} days, for commitments that are not closed.`,
];
