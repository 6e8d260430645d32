// Dates as people type them. Forms ask for a date the GOV.UK way, in three boxes (day, month,
// year); people also type a whole date into one box ("30/06/2026", "30 June 2026", "2026-06-30").
// This reads either into a calendar date, and when it cannot, says what is wrong in the words the
// GOV.UK date input pattern uses ("must include a month", "must be a real date").
import { MONTH_NAMES, daysInMonth, formatIsoDate, isIsoDate, type IsoDate } from "./dates";

/** What a person typed into a date input's three boxes. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const DATE_PART_NAMES = ["day", "month", "year"] as const;

/** The three boxes' names for a date field called `name`: as_of-day, as_of-month, as_of-year (GOV.UK Frontend's convention). */
export const datePartName = (name: string, part: (typeof DATE_PART_NAMES)[number]) => `${name}-${part}`;

const MONTHS = new Map<string, number>(
  MONTH_NAMES.flatMap((m, i) => [
    [m.toLowerCase(), i + 1],
    [m.slice(0, 3).toLowerCase(), i + 1],
  ]),
);
MONTHS.set("sept", 9);

/** A month typed as a number (6, 06) or a name (June, jun). */
function monthNumber(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/\.$/, "");
  if (/^\d{1,2}$/.test(t)) return Number(t);
  return MONTHS.get(t) ?? null;
}

/** The calendar date of a day, month and year, or null when they do not make one (31 June, month 13, a two-digit year). */
function realDate(day: string, month: string, year: string): IsoDate | null {
  const d = day.trim();
  const y = year.trim();
  const m = monthNumber(month);
  if (!/^\d{1,2}$/.test(d) || !/^\d{4}$/.test(y) || m === null || m < 1 || m > 12) return null;
  const dn = Number(d);
  if (dn < 1 || dn > daysInMonth(Number(y), m)) return null;
  return formatIsoDate(Number(y), m, dn);
}

/**
 * A whole date typed into one box: 2026-06-30, 30/06/2026, 30-6-2026, 30.06.2026, 30 6 2026,
 * 30 June 2026 or 30 Jun 2026. Day first, as in the UK. Null when it is not one of these or not
 * a real date.
 */
export function readTypedDate(text: string): IsoDate | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})\s*[/.\- ]\s*([a-z]+\.?|\d{1,2})\s*[/.\- ]\s*(\d{4})$/i.exec(t);
  return m ? realDate(m[1]!, m[2]!, m[3]!) : null;
}

/** What was typed, as one value: empty when nothing was, the date when it is one, otherwise day/month/year as typed. */
export function combineDateParts(parts: DateParts): string {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return "";
  // A whole date in the first box (or in any one box, with the others empty).
  const only = [day, month, year].filter(Boolean);
  if (only.length === 1) {
    const whole = readTypedDate(only[0]!);
    if (whole) return whole;
  }
  return realDate(day, month, year) ?? `${day}/${month}/${year}`;
}

/** A value back in the three boxes: a date as day, month and year; anything else as it was typed. */
export function splitDateValue(value: string | undefined): DateParts {
  const v = (value ?? "").trim();
  if (!v) return { day: "", month: "", year: "" };
  const iso = isIsoDate(v) ? v : readTypedDate(v);
  if (iso) return { day: String(Number(iso.slice(8, 10))), month: String(Number(iso.slice(5, 7))), year: iso.slice(0, 4) };
  const pieces = v.split("/");
  if (pieces.length === 3) return { day: pieces[0]!, month: pieces[1]!, year: pieces[2]! };
  return { day: v, month: "", year: "" };
}

export type DateProblem = { kind: "missing"; parts: (typeof DATE_PART_NAMES)[number][] } | { kind: "year_digits" } | { kind: "not_real" };

/** What is wrong with a typed date (a value of combineDateParts, or one box's text); null when it is a real date or empty. */
export function dateProblem(value: string): DateProblem | null {
  const v = value.trim();
  if (!v || readTypedDate(v)) return null;
  const { day, month, year } = splitDateValue(v);
  if (!v.includes("/") || [day, month, year].every((p) => p.trim())) {
    if (v.includes("/") && !/^\d{4}$/.test(year.trim())) return { kind: "year_digits" };
    return { kind: "not_real" };
  }
  const missing = DATE_PART_NAMES.filter((p) => !{ day, month, year }[p].trim());
  return { kind: "missing", parts: missing };
}

/** The GOV.UK wording of a problem, for a field whose subject is `label` ("The date to view the tracker on"). */
export function dateProblemMessage(label: string, problem: DateProblem): string {
  switch (problem.kind) {
    case "missing": {
      if (problem.parts.length === 3) return `Enter ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
      const names = problem.parts.length === 2 ? `a ${problem.parts[0]} and ${problem.parts[1]}` : `a ${problem.parts[0]}`;
      return `${label} must include ${names}`;
    }
    case "year_digits":
      return `The year must include 4 numbers`;
    default:
      return `${label} must be a real date, for example 30 6 2026`;
  }
}
