// Sentences about what happened to a commitment's deadlines, shared by the pages, the CSV files
// and the feeds so they say exactly the same thing.
import { formatLongDate } from "./dates";
import type { MissedOutcome } from "./history";
import { dayRange } from "./lateness";
import { windowLabel, type DateWindow } from "./occurrence";

export type MissedFacts = {
  label: string;
  dueDate: string;
  outcome: MissedOutcome;
  outcomeOn: string | null;
  movedTo: { label: string } | null;
  delivery: DateWindow | null;
  daysMissedBy: number;
  daysMissedByMax: number;
};

const days = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "day" : "days"}`;

/** "Missed its deadline of “March 2026” by 216 days; moved to “spring 2027” on 3 November 2026." */
export function missedSentence(m: MissedFacts): string {
  const missed = `Missed its deadline of “${m.label}”`;
  switch (m.outcome) {
    case "moved":
      return `${missed} by ${days(m.daysMissedBy)}; moved to “${m.movedTo?.label ?? ""}” on ${formatLongDate(m.outcomeOn!)}.`;
    case "delivered_late":
      return `${missed}; delivered late, by ${dayRange(m.daysMissedBy, m.daysMissedByMax)}${m.delivery ? `, in ${windowLabel(m.delivery)}` : ""}.`;
    case "dropped":
      return `${missed} by ${days(m.daysMissedBy)}; dropped on ${formatLongDate(m.outcomeOn!)}.`;
    default:
      return `${missed} by ${days(m.daysMissedBy)}, and is still overdue.`;
  }
}

/** A short name of what followed, for tables: "Still overdue", "Moved", "Delivered late", "Dropped". */
export const MISSED_OUTCOME_NAMES: Record<MissedOutcome, string> = {
  overdue: "Still overdue",
  moved: "Moved",
  delivered_late: "Delivered late",
  dropped: "Dropped",
};
