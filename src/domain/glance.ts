// Progress at a glance: the overview's headline sentence, the months a chart of progress over time
// samples, and the calendar quarters of the roadmap timeline. Plain rules, used by the overview,
// the charts and /timeline alike (docs/decisions/0016-charts-and-timeline.md).
import { type IsoDate, firstDayOfMonth, lastDayOfMonth, parseIsoDate, MONTH_NAMES } from "./dates";

/** What the headline counts, all as of one date at one record version. */
export type HeadlineCounts = {
  /** Commitments on the record and announced by the date. */
  total: number;
  /** Delivered, or delivered differently (isDeliveredStatus). */
  delivered: number;
  /** Of those delivered, how many differently. */
  deliveredDifferently: number;
  /** Past the due date of the deadline in effect and not closed (the history's overdue). */
  overdue: number;
  /** Missed at least one deadline by the date, whatever followed (the history's missed deadlines). */
  missed: number;
  /** No due date: the deadline as published gives no date (precision open), or none was published. */
  noDeadline: number;
};

const count = (n: number) => n.toLocaleString("en-GB");

/** "none are", "1 is", "12 are". */
function are(n: number, verbOne: string, verbMany: string): string {
  if (n === 0) return `none ${verbMany}`;
  return `${count(n)} ${n === 1 ? verbOne : verbMany}`;
}

/**
 * "Of 67 commitments, 9 are delivered, 10 are overdue and 12 have missed a deadline; 41 have no
 * published deadline." Every number comes from the counts; zero reads "none", one is singular.
 */
export function headlineSentence(h: HeadlineCounts): string {
  for (const [name, n] of Object.entries(h)) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number, got ${n}`);
  }
  if (h.total === 0) return "No commitments had been announced.";
  const differently = h.deliveredDifferently > 0 ? ` (${count(h.deliveredDifferently)} of them differently)` : "";
  const of = h.total === 1 ? "Of 1 commitment" : `Of ${count(h.total)} commitments`;
  const deadlines =
    h.noDeadline === 0
      ? h.total === 1
        ? "it has a published deadline"
        : "all have a published deadline"
      : h.noDeadline === h.total && h.total > 1
        ? "none has a published deadline"
        : `${count(h.noDeadline)} ${h.noDeadline === 1 ? "has" : "have"} no published deadline`;
  return (
    `${of}, ${are(h.delivered, "is delivered", "are delivered")}${differently}, ${are(h.overdue, "is overdue", "are overdue")} ` +
    `and ${are(h.missed, "has missed a deadline", "have missed a deadline")}; ${deadlines}.`
  );
}

/** A calendar month, "2026-03". */
export type YearMonth = string;

const monthOf = (d: IsoDate): YearMonth => d.slice(0, 7);

/** "March 2026". */
export function monthLabel(m: YearMonth): string {
  const { year, month } = parseIsoDate(`${m}-01`);
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

/** "Mar 2026": for axis ticks, where space is short. */
export function shortMonthLabel(m: YearMonth): string {
  const { year, month } = parseIsoDate(`${m}-01`);
  return `${MONTH_NAMES[month - 1]!.slice(0, 3)} ${year}`;
}

/** One point of a chart over time: a month, and the day it is read on. */
export type MonthPoint = { month: YearMonth; on: IsoDate };

/**
 * The days a chart over time reads the record on: the last day of every month from `from`'s month
 * to `to`'s, except that the last point is `to` itself (a month not yet over is read on the as-of
 * date, so the chart's last point equals the counts shown beside it). Empty when `to` is before `from`.
 */
export function monthPoints(from: IsoDate, to: IsoDate): MonthPoint[] {
  if (to < from) return [];
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  const points: MonthPoint[] = [];
  for (let i = start.year * 12 + start.month - 1; i <= end.year * 12 + end.month - 1; i++) {
    const year = Math.floor(i / 12);
    const month = (i % 12) + 1;
    const last = lastDayOfMonth(year, month);
    points.push({ month: monthOf(last), on: last < to ? last : to });
  }
  return points;
}

/** A calendar quarter: Q1 is January to March. */
export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

export function quarterOf(d: IsoDate): Quarter {
  const { year, month } = parseIsoDate(d);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter["quarter"] };
}

/** "Q2 2026". */
export const quarterLabel = (q: Quarter) => `Q${q.quarter} ${q.year}`;

/** "April to June 2026". */
export function quarterLongLabel(q: Quarter): string {
  const first = (q.quarter - 1) * 3;
  return `${MONTH_NAMES[first]} to ${MONTH_NAMES[first + 2]} ${q.year}`;
}

/** A sortable index: quarters in order are consecutive integers. */
export const quarterIndex = (q: Quarter) => q.year * 4 + (q.quarter - 1);

const fromIndex = (i: number): Quarter => ({ year: Math.floor(i / 4), quarter: ((i % 4) + 1) as Quarter["quarter"] });

/** Every quarter from the one containing `from` to the one containing `to`, in order. */
export function quartersBetween(from: IsoDate, to: IsoDate): Quarter[] {
  const out: Quarter[] = [];
  for (let i = quarterIndex(quarterOf(from)); i <= quarterIndex(quarterOf(to)); i++) out.push(fromIndex(i));
  return out;
}

/** The first and last day of a quarter. */
export function quarterWindow(q: Quarter): { from: IsoDate; to: IsoDate } {
  const first = (q.quarter - 1) * 3 + 1;
  return { from: firstDayOfMonth(q.year, first), to: lastDayOfMonth(q.year, first + 2) };
}

/**
 * The roadmap (January 2026) sets out work to 2030: the timeline's axis runs from its first
 * quarter to the last of 2030, and a deadline after that is shown as "later".
 */
export const TIMELINE_START: IsoDate = "2026-01-01";
export const TIMELINE_END: IsoDate = "2030-12-31";
