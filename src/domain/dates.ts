// Calendar-date arithmetic on ISO 'YYYY-MM-DD' strings.
//
// Dates here are calendar days, not instants: there are no time zones and no clocks. All
// arithmetic is done on a day count (days since 1970-01-01, proleptic Gregorian calendar),
// so results never depend on the machine's time zone or on daylight saving.

/** A calendar date written 'YYYY-MM-DD' (years 0001 to 9999). */
export type IsoDate = string;

export interface CalendarDate {
  year: number;
  /** 1 = January ... 12 = December */
  month: number;
  day: number;
}

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month is 1 to 12). */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`month must be 1 to 12, got ${month}`);
  }
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when s is a real calendar date written 'YYYY-MM-DD' (so '2026-02-29' is false). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== "string") return false;
  const m = ISO_DATE_PATTERN.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function assertIsoDate(d: IsoDate, name = "date"): void {
  if (!isIsoDate(d)) throw new RangeError(`${name} must be a real calendar date written YYYY-MM-DD, got "${String(d)}"`);
}

/** Splits an ISO date into numbers. Throws RangeError if it is not a real calendar date. */
export function parseIsoDate(d: IsoDate): CalendarDate {
  assertIsoDate(d);
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

/** Builds an ISO date from numbers. Throws RangeError if that day does not exist. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year must be ${MIN_YEAR} to ${MAX_YEAR}, got ${year}`);
  }
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`${year}-${month} has no day ${day}`);
  }
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil).
function toDayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): CalendarDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Days since 1970-01-01 (negative before). Useful as a sortable integer key. */
export function isoDateToDayNumber(d: IsoDate): number {
  return toDayNumber(parseIsoDate(d));
}

export function dayNumberToIsoDate(n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`day number must be an integer, got ${n}`);
  const { year, month, day } = fromDayNumber(n);
  return formatIsoDate(year, month, day);
}

/** The date n whole days after d (n may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`days must be a whole number, got ${n}`);
  return dayNumberToIsoDate(isoDateToDayNumber(d) + n);
}

/** to − from, in whole days: daysBetween('2026-01-01', '2026-01-31') === 30. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return isoDateToDayNumber(to) - isoDateToDayNumber(from);
}

/** The last day of a month (month is 1 to 12), e.g. lastDayOfMonth(2028, 2) === '2028-02-29'. */
export function lastDayOfMonth(year: number, month: number): IsoDate {
  return formatIsoDate(year, month, daysInMonth(year, month));
}

/** The first day of a month (month is 1 to 12). */
export function firstDayOfMonth(year: number, month: number): IsoDate {
  return formatIsoDate(year, month, 1);
}

/** Negative if a is earlier than b, 0 if the same day, positive if later (for Array.sort). */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  assertIsoDate(a, "first date");
  assertIsoDate(b, "second date");
  // Fixed-width, zero-padded, most significant first: string order is date order.
  return a < b ? -1 : a > b ? 1 : 0;
}

// "Today" can be pinned for a whole process, so tests can say what day it is instead of
// depending on when they run: RT_TODAY (applied by src/runtime/env.ts) or pinToday() in a test.
// Kept on globalThis, because the Next.js server loads this module once per bundle and every
// bundle must agree on the day.
const PINNED_TODAY = Symbol.for("roadmap-tracker.today");
type Pinned = { [PINNED_TODAY]?: IsoDate };

/** Pins today's date for the whole process (tests only); undefined goes back to the real clock. */
export function pinToday(date: IsoDate | undefined): void {
  if (date !== undefined) assertIsoDate(date, "pinned today");
  (globalThis as Pinned)[PINNED_TODAY] = date;
}

/** Today's date in UTC: `now`'s, or else the pinned day (see pinToday), or else the clock's. */
export function todayIso(now?: Date): IsoDate {
  if (now === undefined) {
    const pinned = (globalThis as Pinned)[PINNED_TODAY];
    if (pinned !== undefined) return pinned;
    now = new Date();
  }
  if (Number.isNaN(now.getTime())) throw new RangeError("todayIso needs a valid Date");
  return formatIsoDate(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

/** The latest of one or more dates. */
export function maxIsoDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  assertIsoDate(first);
  return rest.reduce((best, d) => (compareIsoDates(d, best) > 0 ? d : best), first);
}

/** The earliest of one or more dates. */
export function minIsoDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  assertIsoDate(first);
  return rest.reduce((best, d) => (compareIsoDates(d, best) < 0 ? d : best), first);
}

/** A date as people write it in the UK: '2026-03-14' → '14 March 2026'. */
export function formatLongDate(d: IsoDate): string {
  const { year, month, day } = parseIsoDate(d);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** For pages: formatLongDate of an ISO date, '' for none, and anything else shown as it is. */
export function longDate(d: string | null | undefined): string {
  if (!d) return "";
  return isIsoDate(d) ? formatLongDate(d) : d;
}

/**
 * The calendar day of a value from a PostgreSQL DATE column (the driver gives midnight UTC), or
 * the UTC day of any other instant.
 */
export function isoDay(d: Date): IsoDate;
export function isoDay(d: Date | null | undefined): IsoDate | null;
export function isoDay(d: Date | null | undefined): IsoDate | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

/** A calendar day's midnight UTC: what a PostgreSQL DATE column holds for it, and where the day starts in UTC (the inverse of isoDay). */
export function dayDate(d: IsoDate): Date {
  return new Date(`${d}T00:00:00Z`);
}

/**
 * An instant (an ISO timestamp: when something was proposed, reviewed or audited) as people in
 * the UK read it: '14 March 2026 at 10:03', in UK time. The only formatting here that uses a
 * time zone: calendar dates above have none.
 */
export function formatDateTime(instant: string): string {
  return new Date(instant).toLocaleString("en-GB", {
    timeZone: "Europe/London",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}
