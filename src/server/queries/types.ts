import type { Precision } from "../../domain/deadline";
import type { PublicStatusCode, StatusCode } from "../../domain/status";
import type { OwnerRole } from "../../domain/ownership";
import type { Lateness } from "../../domain/lateness";
import type { MissedOutcome } from "../../domain/history";

/** publishedLabel is the date as the source gives it ("January 2026"), when it is not a day. */
export type SourceRef = { url: string; publisher: string; title: string; publishedOn: string; publishedLabel: string | null };
/** Where a source states a fact: the article, the paragraph (one non-empty line of it) and the words. */
export type Citation = { source: SourceRef; paragraph: number | null; quote: string | null };
/**
 * An organisation named as an owner: the lead, one of several named jointly (no lead then), or
 * supporting; with the basis a source gives for it (null: recorded by an editor without one).
 */
export type Owner = { slug: string; name: string; abbreviation: string | null; lead: boolean; role: OwnerRole; basis: Citation | null };

/** A date as a source words it, its precision and the window it describes. */
export type DatedRef = { label: string; precision: Precision; from: string; to: string };
type Window = { from: string; to: string };

/** A deadline that passed unmet while it was in effect (src/domain/history.ts MissedDeadline). */
export type MissedDeadlineRef = {
  label: string;
  precision: Precision;
  dueDate: string;
  missedOn: string;
  outcome: MissedOutcome;
  outcomeOn: string | null;
  movedTo: { label: string; precision: Precision; dueDate: string | null } | null;
  delivery: Window | null;
  daysMissedBy: number;
  daysMissedByMax: number;
};

export type CommitmentSummary = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  area: { slug: string; title: string };
  owners: Owner[];
  deadline: { label: string; precision: Precision; dueDate: string | null } | null;
  status: {
    /** no_progress_reported when no update is in effect (ADR 0012). */
    code: PublicStatusCode;
    /** False when no published source has reported on it: no update is in effect. */
    reported: boolean;
    confirmedOn: string | null;
    /** The day the status took effect: the last day of the period it is known to have happened in. */
    effectiveOn: string | null;
    confirmed: DatedRef | null;
    occurred: DatedRef | null;
    publishedAt: string | null;
    version: number | null;
  };
  /** An update whose period has begun but not ended on the as-of date: it may already have happened. */
  pending: { code: StatusCode; confirmed: DatedRef; occurred: DatedRef | null; window: Window } | null;
  overdue: boolean;
  daysOverdue: number;
  daysUntilDue: number | null;
  delivery: Window | null;
  lateness: Lateness | null;
  deliveredLate: boolean;
  daysLate: number;
  revisionsCount: number;
  missed: boolean;
  missedDeadlines: MissedDeadlineRef[];
  /** The technical first day for as-of views; announcedLabel is what is shown ("January 2026"), when recorded. */
  announcedOn: string;
  announcedLabel: string | null;
  /** Where a source places it in its area; null: no source does (the placement is the tracker's); undefined: not recorded. */
  areaBasis?: Citation | null;
  /** A visible note, e.g. that a source reports it only alongside the roadmap. */
  notice: string | null;
};

export type StatusUpdateEntry = {
  kind: "status_update";
  id: number;
  /** When it took effect (effectiveOn). */
  date: string;
  status: StatusCode;
  note: string;
  source: SourceRef;
  confirmed: DatedRef;
  occurred: DatedRef | null;
  effectiveOn: string;
  publishedAt: string;
  version: number;
};

export type DeadlineRevisionEntry = {
  kind: "deadline_revision";
  id: number;
  date: string;
  original: boolean;
  label: string;
  precision: Precision;
  dueDate: string | null;
  previous: { label: string; dueDate: string | null } | null;
  slipDays: number | null;
  reason: string | null;
  source: SourceRef | null;
  publishedAt: string;
  version: number;
};

export type TimelineEntry = StatusUpdateEntry | DeadlineRevisionEntry;

export type ChangeEntry = TimelineEntry & {
  commitment: { slug: string; title: string; area: { slug: string; title: string } };
};
