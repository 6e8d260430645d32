// Department scorecards: for the commitments an organisation leads, how many were delivered on
// time, delivered late, are overdue now, missed a deadline that was then moved, have no deadline,
// and have had no progress reported. Each measure is defined here once, as a rule over one
// commitment's state on the as-of date, with the sentence the public pages show for it. The
// measures are not a partition: one commitment can count in several (a deadline missed then moved,
// and now overdue again), or in none (in progress and not yet due).
//
// The scorecard query (src/server/queries/scorecards.ts) counts the same rules in SQL, one grouped
// query for every organisation; an integration test checks that it agrees with these rules
// applied to each commitment.
import { NO_PROGRESS_REPORTED, isDeliveredStatus, type PublicStatusCode } from "./status";
import type { LatenessKind } from "./lateness";
import type { MissedOutcome } from "./history";

/** What the measures look at in one commitment's state on the as-of date. */
export interface ScorecardFacts {
  status: PublicStatusCode;
  /** The deadline in effect's due date; null when there is none or it gives no date (open). */
  dueDate: string | null;
  overdue: boolean;
  /** How the delivery compared with the deadline in effect when it happened; null when not delivered or no deadline. */
  lateness: LatenessKind | null;
  /** What followed each deadline missed by the as-of date. */
  missedOutcomes: readonly MissedOutcome[];
}

/** The facts of a commitment as the pages and the API describe it (CommitmentSummary, ApiCommitment). */
export function scorecardFacts(c: {
  status: { code: PublicStatusCode };
  deadline: { dueDate: string | null } | null;
  overdue: boolean;
  lateness: { kind: LatenessKind } | null;
  missedDeadlines: readonly { outcome: MissedOutcome }[];
}): ScorecardFacts {
  return {
    status: c.status.code,
    dueDate: c.deadline?.dueDate ?? null,
    overdue: c.overdue,
    lateness: c.lateness?.kind ?? null,
    missedOutcomes: c.missedDeadlines.map((m) => m.outcome),
  };
}

export const SCORECARD_MEASURES = [
  "delivered_on_time",
  "delivered_late",
  "overdue",
  "missed_then_moved",
  "no_deadline",
  "no_progress_reported",
] as const;
export type ScorecardMeasure = (typeof SCORECARD_MEASURES)[number];

export interface ScorecardMeasureDefinition {
  measure: ScorecardMeasure;
  /** Column heading. */
  label: string;
  /** What it counts, in plain English (the "How we count" list). */
  counts: string;
  applies: (facts: ScorecardFacts) => boolean;
}

export const SCORECARD_DEFINITIONS: readonly ScorecardMeasureDefinition[] = [
  {
    measure: "delivered_on_time",
    label: "Delivered on time",
    counts:
      "Delivered or delivered differently, and the delivery happened on or before the due date of the deadline in effect then. A delivery whose period runs across the due date (“possibly late”) is counted neither on time nor late.",
    applies: (f) => isDeliveredStatus(f.status) && f.lateness === "on_time",
  },
  {
    measure: "delivered_late",
    label: "Delivered late",
    counts: "Delivered or delivered differently, and the delivery happened wholly after the due date of the deadline in effect then.",
    applies: (f) => isDeliveredStatus(f.status) && f.lateness === "late",
  },
  {
    measure: "overdue",
    label: "Overdue now",
    counts: "Not delivered or dropped, and the due date of its deadline has passed on the date shown.",
    applies: (f) => f.overdue,
  },
  {
    measure: "missed_then_moved",
    label: "Missed, then moved",
    counts: "Missed at least one deadline that was then replaced by a new one, whatever has happened since.",
    applies: (f) => f.missedOutcomes.includes("moved"),
  },
  {
    measure: "no_deadline",
    label: "No deadline",
    counts: "No published deadline, or a deadline that gives no date to measure it against.",
    applies: (f) => f.dueDate === null,
  },
  {
    measure: "no_progress_reported",
    label: "No progress reported",
    counts: "No published source has reported on its progress since the roadmap was published.",
    applies: (f) => f.status === NO_PROGRESS_REPORTED,
  },
];

export type ScorecardCounts = Record<ScorecardMeasure, number>;

const emptyScorecardCounts = (): ScorecardCounts => Object.fromEntries(SCORECARD_MEASURES.map((m) => [m, 0])) as ScorecardCounts;

/** The measures one commitment counts in. */
export function scorecardMeasures(facts: ScorecardFacts): ScorecardMeasure[] {
  return SCORECARD_DEFINITIONS.filter((d) => d.applies(facts)).map((d) => d.measure);
}

/** Counts of each measure over a set of commitments. */
export function tallyScorecard(items: Iterable<ScorecardFacts>): ScorecardCounts & { total: number } {
  const counts = { ...emptyScorecardCounts(), total: 0 };
  for (const facts of items) {
    counts.total += 1;
    for (const m of scorecardMeasures(facts)) counts[m] += 1;
  }
  return counts;
}

/** The scorecard table's columns: the organisation's name, how many it leads, then each measure. */
export const SCORECARD_SORTS = ["name", "leads", ...SCORECARD_MEASURES] as const;
export type ScorecardSort = (typeof SCORECARD_SORTS)[number];
export type SortOrder = "asc" | "desc";

/** A number column is sorted largest first unless asked otherwise; the name A to Z. */
export const defaultOrder = (sort: ScorecardSort): SortOrder => (sort === "name" ? "asc" : "desc");

export interface ScorecardRow extends ScorecardCounts {
  slug: string;
  name: string;
  abbreviation: string | null;
  leads: number;
}

/** Rows in the order asked for; ties by name, A to Z, so the order is always the same. */
export function sortScorecard<T extends ScorecardRow>(rows: readonly T[], sort: ScorecardSort, order: SortOrder): T[] {
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, "en-GB") || a.slug.localeCompare(b.slug);
  const sign = order === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort === "name") return sign * byName(a, b);
    return sign * (a[sort] - b[sort]) || byName(a, b);
  });
}
