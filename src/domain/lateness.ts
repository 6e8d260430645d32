// Was it delivered on time? The window in which the delivery is known to have happened
// (src/domain/occurrence.ts) is compared with the deadline's due date, the last day of its window.
// Where the windows leave it uncertain the answer says so, rather than guessing.

import { type IsoDate, daysBetween, formatLongDate } from "./dates";
import type { DateWindow } from "./occurrence";
import { dayRange, days } from "./wording";

export const LATENESS_KINDS = ["on_time", "late", "possibly_late"] as const;
export type LatenessKind = (typeof LATENESS_KINDS)[number];

/**
 * on_time: it happened on or before the due date. late: wholly after it, by minDays to maxDays
 * (the same number when both are days). possibly_late: the window runs across the due date, so it
 * was between 0 and maxDays late.
 */
export interface Lateness {
  kind: LatenessKind;
  minDays: number;
  maxDays: number;
}

const ON_TIME: Lateness = { kind: "on_time", minDays: 0, maxDays: 0 };

export function lateness(happened: DateWindow, dueDate: IsoDate): Lateness {
  if (happened.from > happened.to) throw new RangeError(`window ${happened.from}..${happened.to} ends before it begins`);
  if (happened.to <= dueDate) return ON_TIME;
  const maxDays = daysBetween(dueDate, happened.to);
  if (happened.from > dueDate) return { kind: "late", minDays: daysBetween(dueDate, happened.from), maxDays };
  return { kind: "possibly_late", minDays: 0, maxDays };
}

/** "Delivered on time", "Delivered late by 31–61 days", "Possibly delivered late: by up to 30 days". */
export function latenessPhrase(l: Lateness, verb = "Delivered"): string {
  switch (l.kind) {
    case "on_time":
      return `${verb} on time`;
    case "late":
      return `${verb} late by ${dayRange(l.minDays, l.maxDays)}`;
    default:
      return `Possibly ${verb.toLowerCase()} late: by up to ${days(l.maxDays)}`;
  }
}

export interface LatenessExample {
  happened: DateWindow;
  happenedLabel: string;
  dueDate: IsoDate;
  dueLabel: string;
  lateness: Lateness;
  phrase: string;
}

function example(happenedLabel: string, happened: DateWindow, dueLabel: string, dueDate: IsoDate): LatenessExample {
  const l = lateness(happened, dueDate);
  return { happened, happenedLabel, dueDate, dueLabel, lateness: l, phrase: latenessPhrase(l) };
}

export const LATENESS_RULES: readonly string[] = [
  "Lateness compares when the delivery happened with the deadline’s due date, the last day of the deadline’s period. It is never measured to the date a source reported it or the tracker published it.",
  "A delivery that happened on or before the due date is on time: a delivery in the month it was due is on time.",
  "A delivery that happened wholly after the due date is late, by the number of days from the due date to the first and to the last day of the period in which it happened (“late by 31–61 days”), or by an exact number when both are days.",
  "Where the period in which it happened runs across the due date, the tracker cannot tell whether it was late, and says so: “possibly late: by up to 30 days”. It is not counted as late.",
  "When no source says when the delivery happened, the period of the confirmation stands in for it.",
];

export const LATENESS_EXAMPLES: readonly LatenessExample[] = [
  example("March 2026", { from: "2026-03-01", to: "2026-03-31" }, "in March of this year", "2026-03-31"),
  example("May 2026", { from: "2026-05-01", to: "2026-05-31" }, "March 2026", "2026-03-31"),
  example("14 April 2026", { from: "2026-04-14", to: "2026-04-14" }, "March 2026", "2026-03-31"),
  example("spring 2026", { from: "2026-03-01", to: "2026-05-31" }, "in April 2026", "2026-04-30"),
];

export const describeExample = (e: LatenessExample) =>
  `Happened “${e.happenedLabel}”, due “${e.dueLabel}” (${formatLongDate(e.dueDate)}): ${e.phrase.charAt(0).toLowerCase()}${e.phrase.slice(1)}.`;
