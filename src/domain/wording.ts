// How numbers and people's own text are written back to readers, and the sentences about what
// happened to a commitment's deadlines, in one place: the pages, the CSV files and the feeds say
// exactly the same thing.
import { formatLongDate } from "./dates";
import type { MissedOutcome } from "./history";
import { windowLabel, type DateWindow } from "./occurrence";

/** '1 commitment', '1,200 commitments'. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

export const days = (n: number) => plural(n, "day");

/** "31–61 days", "3 days". */
export function dayRange(min: number, max: number): string {
  return min === max ? days(min) : `${min.toLocaleString("en-GB")}–${days(max)}`;
}

/** Shortens what someone typed before showing it back (for example in an error message). */
export function shorten(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** What someone typed, shortened and in curly quotes: “bogus”. */
export const quoted = (value: string) => `“${shorten(value)}”`;

/** A whole-number percentage; 0 of nothing is 0%. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

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
