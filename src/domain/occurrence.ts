// When things happened and when a source confirmed them. Both dates are kept as the source words
// them ("March 2026", "summer 2026", "19 January 2026") with a precision, and read into a window of
// days (first day to last day) by the same rules as deadlines (src/domain/deadline.ts), except
// that a label without a year looks back from its reference date: "in March", said in June 2026,
// is March 2026, not March 2027.
//
// A status update takes effect, for the tracker's views of past dates, on the last day of the
// window in which it is known to have happened: the occurrence window if a source says when, cut
// short at the end of the confirmation window (nothing happens after it is confirmed), or else
// the confirmation window itself. The rules are exported as data for the methodology page, with
// examples computed by this code.

import { type IsoDate, MONTH_NAMES, formatLongDate, isIsoDate, minIsoDate, parseIsoDate } from "./dates";
import { PRECISIONS, detectPrecision, precisionLabel, resolveDateLabel, type Precision } from "./deadline";

/** A window of days, first to last (both included). A single day has from === to. */
export interface DateWindow {
  from: IsoDate;
  to: IsoDate;
}

/** Every precision but "open": a date that is not stated is recorded as not stated, not as "open". */
export type DatedPrecision = Exclude<Precision, "open">;
export const DATED_PRECISIONS: readonly DatedPrecision[] = PRECISIONS.filter((p): p is DatedPrecision => p !== "open");

export type ResolvedWindow = { ok: true; window: DateWindow } | { ok: false; error: string };

/**
 * Reads the date of something that has happened (or of the evidence for it) into its window.
 * referenceDate anchors labels without a year, looking back: "in March" is the last March on or
 * before it.
 */
export function resolvePastDate(label: string, precision: Precision, referenceDate: IsoDate): ResolvedWindow {
  if (precision === "open") return { ok: false, error: `a date that is not stated is left empty, not given precision "open"` };
  const r = resolveDateLabel(label, precision, referenceDate, "past");
  if (!r.ok) return r;
  if (r.windowStart === null || r.dueDate === null) return { ok: false, error: `label "${label.trim()}" gives no date` };
  return { ok: true, window: { from: r.windowStart, to: r.dueDate } };
}

/** The precision a date label appears to have (never "open"), or null if it cannot be read. */
export function detectDatePrecision(label: string, referenceDate: IsoDate): DatedPrecision | null {
  const p = detectPrecision(label, referenceDate);
  return p === null || p === "open" ? null : p;
}

/**
 * Reads a confirmation date (the date of the evidence). It may not lie in the future of
 * `today`: a window that has not begun yet cannot have been confirmed.
 */
export function resolveConfirmedDate(label: string, precision: Precision, today: IsoDate): ResolvedWindow {
  const r = resolvePastDate(label, precision, today);
  if (!r.ok) return r;
  if (r.window.from > today) return { ok: false, error: `“${label.trim()}” has not begun yet: the evidence must be dated today or earlier` };
  return r;
}

/**
 * Reads when something happened, as the source words it. Labels without a year are read back from
 * the end of the confirmation window (the latest the source can have been speaking), and the
 * window may not begin after the confirmation window ends: nothing happens after it is confirmed.
 */
export function resolveOccurrence(label: string, precision: Precision, confirmed: DateWindow): ResolvedWindow {
  const r = resolvePastDate(label, precision, confirmed.to);
  if (!r.ok) return r;
  if (r.window.from > confirmed.to) {
    return { ok: false, error: `“${label.trim()}” begins after the evidence that confirms it (${formatLongDate(confirmed.to)} at the latest)` };
  }
  return r;
}

function assertWindow(w: DateWindow, name: string): void {
  if (!isIsoDate(w.from) || !isIsoDate(w.to) || w.from > w.to) {
    throw new RangeError(`${name} must be a window of real dates with from on or before to, got ${JSON.stringify(w)}`);
  }
}

/**
 * When a status update is known to have happened: the occurrence window cut short at the end of
 * the confirmation window, or, when no source says when it happened, the confirmation window.
 */
export function knownWindow(occurred: DateWindow | null | undefined, confirmed: DateWindow): DateWindow {
  assertWindow(confirmed, "confirmation window");
  if (!occurred) return confirmed;
  assertWindow(occurred, "occurrence window");
  if (occurred.from > confirmed.to)
    throw new RangeError(`occurrence window ${occurred.from}..${occurred.to} begins after it was confirmed (${confirmed.to})`);
  return { from: occurred.from, to: minIsoDate(occurred.to, confirmed.to) };
}

/** The day a status update takes effect in views of past dates: the last day of its known window. */
export function effectiveDate(occurred: DateWindow | null | undefined, confirmed: DateWindow): IsoDate {
  return knownWindow(occurred, confirmed).to;
}

const SEASON_NAMES = [
  "winter",
  "winter",
  "spring",
  "spring",
  "spring",
  "summer",
  "summer",
  "summer",
  "autumn",
  "autumn",
  "autumn",
  "winter",
] as const;

/**
 * The usual way to write the period of a precision that contains a day: "14 March 2026",
 * "March 2026", "Q1 2026", "spring 2026", "first half of 2026", "2026". Winter belongs to the year
 * it begins in ("winter 2025" runs from December 2025 to February 2026).
 */
export function labelFor(precision: DatedPrecision, day: IsoDate): string {
  const { year, month } = parseIsoDate(day);
  switch (precision) {
    case "day":
      return formatLongDate(day);
    case "month":
      return `${MONTH_NAMES[month - 1]} ${year}`;
    case "quarter":
      return `Q${Math.floor((month - 1) / 3) + 1} ${year}`;
    case "season": {
      const season = SEASON_NAMES[month - 1]!;
      return `${season} ${season === "winter" && month <= 2 ? year - 1 : year}`;
    }
    case "half":
      return `${month <= 6 ? "first" : "second"} half of ${year}`;
    default:
      return String(year);
  }
}

/** The usual name of a window when it is exactly one period ("May 2026", "spring 2026"), else its first and last day. */
export function windowLabel(w: DateWindow): string {
  for (const precision of DATED_PRECISIONS) {
    const label = labelFor(precision, w.from);
    const r = resolvePastDate(label, precision, w.to);
    if (r.ok && r.window.from === w.from && r.window.to === w.to) return label;
  }
  return describeWindow(w);
}

/** "March 2026", or "the period 1 March 2026 to 31 May 2026" when no label is at hand. */
function describeWindow(w: DateWindow): string {
  return w.from === w.to ? formatLongDate(w.from) : `${formatLongDate(w.from)} to ${formatLongDate(w.to)}`;
}

// ---------------------------------------------------------------------------------------------
// The published rules

export interface DateExample {
  label: string;
  precision: DatedPrecision;
  /** Where the label was read from: the end of the confirmation window. */
  referenceDate: IsoDate;
  from: IsoDate;
  to: IsoDate;
}

function example(label: string, referenceDate: IsoDate): DateExample {
  const precision = detectDatePrecision(label, referenceDate);
  if (!precision) throw new Error(`published date example "${label}" cannot be read`);
  const r = resolvePastDate(label, precision, referenceDate);
  if (!r.ok) throw new Error(`published date example does not resolve: ${r.error}`);
  return { label, precision, referenceDate, from: r.window.from, to: r.window.to };
}

export const OCCURRENCE_RULES: readonly string[] = [
  "Every status update has three dates that are never mixed up: when the reported thing happened, when a published source confirmed it, and when the tracker published it.",
  "When it happened and when it was confirmed are kept as the source words them, with a precision, like deadlines: “March 2026” is the month of March 2026, never 1 March 2026. Each is read as a period from its first day to its last day, by the same rules as deadlines.",
  "A date of something that has happened looks back, not forward: “in March”, in a source from June 2026, is March 2026. A label without a year is read from the last day of the period in which the source confirmed it.",
  "Nothing happens after it is confirmed: when it happened may not begin after the confirmation, and a period that runs on past the confirmation is cut short at the confirmation’s last day.",
  "When no source says when it happened, the page says so, and the period of the confirmation stands in for it.",
  "The date the tracker published an update is set by the database when it is published, and is never changed.",
];

export const OCCURRENCE_EXAMPLES: readonly DateExample[] = [
  example("in March", "2026-06-30"),
  example("March 2026", "2026-06-30"),
  example("this summer", "2026-06-30"),
  example("January last year", "2026-06-30"),
  example("14 April 2026", "2026-06-30"),
  example("2026", "2026-06-30"),
];

/** "Month", "Season"…, for forms and the methodology page. */
export const datePrecisionLabel = (p: DatedPrecision) => precisionLabel(p);
