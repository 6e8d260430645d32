// Deadlines are kept as published ("summer 2026", "by the end of 2026") with a precision. This
// module turns a label and its precision into a window of days; the due date is the window's
// last day. The rules are exported as data (DEADLINE_RULES) for the methodology page, with
// examples computed by this code, so the published rules cannot drift from what the code does.

import { type CalendarDate, type IsoDate, firstDayOfMonth, formatIsoDate, isIsoDate, lastDayOfMonth, parseIsoDate, daysInMonth } from "./dates";

export const PRECISIONS = ["day", "month", "quarter", "season", "half", "year", "open"] as const;

export type Precision = (typeof PRECISIONS)[number];

export type ResolvedDeadline = { ok: true; dueDate: IsoDate | null; windowStart: IsoDate | null } | { ok: false; error: string };

export function isPrecision(x: unknown): x is Precision {
  return typeof x === "string" && (PRECISIONS as readonly string[]).includes(x);
}

const PRECISION_LABELS: Record<Precision, string> = {
  day: "Day",
  month: "Month",
  quarter: "Quarter",
  season: "Season",
  half: "Half year",
  year: "Year",
  open: "Open (no date)",
};

/** Human name of a precision, e.g. "Half year". */
export function precisionLabel(p: Precision): string {
  return PRECISION_LABELS[p];
}

// "describes a season"
const PRECISION_NOUNS: Record<Precision, string> = {
  day: "a day",
  month: "a month",
  quarter: "a quarter",
  season: "a season",
  half: "a half year",
  year: "a year",
  open: "no date",
};

type DatedPrecision = Exclude<Precision, "open">;

interface Window {
  start: IsoDate;
  end: IsoDate;
}

/**
 * How a label without a year is anchored to its reference date: deadlines look ahead ("from
 * April", said in January, is the coming April); dates of things that have happened look back
 * ("in March", said in June, is the March just gone).
 */
export type Anchor = "upcoming" | "past";

/** The reference date, and which way a label without a year is read from it. */
type Ref = CalendarDate & { anchor: Anchor };

type Reading = { kind: "window"; precision: DatedPrecision; window: Window } | { kind: "open" } | { kind: "invalid"; error: string };

// ---------------------------------------------------------------------------------------------
// Vocabulary

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

type Season = "spring" | "summer" | "autumn" | "winter";

const SEASONS: Record<string, Season> = { spring: "spring", summer: "summer", autumn: "autumn", fall: "autumn", winter: "winter" };

/** First month of each season; every season lasts three months. Winter starts in December. */
const SEASON_START_MONTH: Record<Season, number> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

const QUARTER_ORDINALS: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  last: 4,
  final: 4,
};

const alternatives = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");

const MONTH = `(${alternatives(Object.keys(MONTHS))})`;
const SEASON = `(${alternatives(Object.keys(SEASONS))})`;
const QORD = `(${alternatives(Object.keys(QUARTER_ORDINALS))})`;
/** A year: four digits, or words relative to the reference date. */
const YEAR = "(\\d{4}|this year|next year|last year|the year)";
const OF_YEAR = `(?: (?:of )?${YEAR})`;

const re = (source: string) => new RegExp(`^${source}$`);

/** Leading words that carry no date information. Stripped repeatedly, longest first. */
const IGNORED_LEADING_WORDS: readonly string[] = [
  "by the end of",
  "before the end of",
  "around the end of",
  "towards the end of",
  "toward the end of",
  "at the end of",
  "until the end of",
  "to the end of",
  "the end of",
  "end of",
  "by no later than",
  "no later than",
  "not later than",
  "over the course of",
  "by",
  "in",
  "from",
  "around",
  "about",
  "approximately",
  "before",
  "during",
  "throughout",
  "until",
  "within",
  "starting",
  "sometime",
  "some time",
  "due",
  "expected",
  "the",
];

const LEADING_WORDS_RE = new RegExp(`^(?:${alternatives(IGNORED_LEADING_WORDS)})(?: |$)`);

const OPEN_RE = re(
  "(?:ongoing|on-going|continuous|continuing|rolling|none|n/?a|tbc|tbd|unspecified|not specified|not given|" +
    "no (?:fixed )?(?:date|deadline|timescale|timeline)(?: given| set| specified| published)?|" +
    "(?:date )?to be (?:confirmed|decided|determined|agreed|announced))",
);

/** Lower-case, tidy spacing and punctuation, and drop leading words such as "by the end of". */
export function normaliseDeadlineLabel(label: string): string {
  let s = label
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-") // hyphens and dashes: "2026–27"
    .replace(/["'`\u2018\u2019\u201c\u201d]/g, "")
    .replace(/,/g, " ")
    .replace(/\.(?= |$)/g, " ") // "Sept. 2026", "2026."
    .replace(/\s+/g, " ")
    .replace(/\s*-\s*/g, "-")
    .trim()
    .replace(/^[(\[]+/, "")
    .replace(/[\s.;:!?)\]]+$/, "");
  s = s.replace(/ (?:onwards?|at the latest|at latest)$/, "");
  for (;;) {
    const next = s.replace(LEADING_WORDS_RE, "");
    if (next === s) return s;
    s = next;
  }
}

// ---------------------------------------------------------------------------------------------
// Windows

const monthWindow = (year: number, month: number): Window => ({
  start: firstDayOfMonth(year, month),
  end: lastDayOfMonth(year, month),
});

/** From the first day of startMonth in startYear, for `months` months. */
function monthsWindow(startYear: number, startMonth: number, months: number): Window {
  const endIndex = startYear * 12 + (startMonth - 1) + (months - 1);
  return { start: firstDayOfMonth(startYear, startMonth), end: lastDayOfMonth(Math.floor(endIndex / 12), (endIndex % 12) + 1) };
}

const quarterWindow = (year: number, q: number): Window => monthsWindow(year, (q - 1) * 3 + 1, 3);
/** "winter 2026" starts in December 2026 and ends in February 2027. */
const seasonWindow = (year: number, season: Season): Window => monthsWindow(year, SEASON_START_MONTH[season], 3);
const financialYearWindow = (startYear: number): Window => monthsWindow(startYear, 4, 12);

function resolveYear(token: string, ref: CalendarDate): number {
  if (token === "next year") return ref.year + 1;
  if (token === "last year") return ref.year - 1;
  if (token === "this year" || token === "the year") return ref.year;
  return Number(token);
}

const refIso = (ref: CalendarDate) => formatIsoDate(ref.year, ref.month, ref.day);

/**
 * The season under way on the reference date or, if none is, the next one to start (looking
 * ahead) or the last one to have started (looking back).
 */
function thisSeason(season: Season, ref: Ref): Window {
  const today = refIso(ref);
  if (ref.anchor === "past") {
    for (const year of [ref.year, ref.year - 1]) {
      const w = seasonWindow(year, season);
      if (w.start <= today) return w;
    }
    return seasonWindow(ref.year - 2, season);
  }
  for (const year of [ref.year - 1, ref.year]) {
    const w = seasonWindow(year, season);
    if (w.end >= today) return w;
  }
  return seasonWindow(ref.year + 1, season);
}

/** The season of the following year; January and February belong to the previous year's winter. */
function nextSeason(season: Season, ref: Ref): Window {
  const seasonYear = season === "winter" && ref.month <= 2 ? ref.year - 1 : ref.year;
  return seasonWindow(seasonYear + 1, season);
}

function consecutive(first: number, second: string): boolean {
  return second.length === 2 ? Number(second) === (first + 1) % 100 : Number(second) === first + 1;
}

// ---------------------------------------------------------------------------------------------
// Reading a label

type Matcher = (m: RegExpExecArray, ref: Ref, label: string) => Reading;

const win = (precision: DatedPrecision, window: Window): Reading => ({ kind: "window", precision, window });

function dayReading(label: string, year: number, month: number, day: number): Reading {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { kind: "invalid", error: `label "${label}" is not a real calendar date` };
  }
  const d = formatIsoDate(year, month, day);
  return win("day", { start: d, end: d });
}

const monthNumber = (name: string | undefined): number => MONTHS[name ?? ""] ?? 0;

/**
 * The year of a month (or quarter) named without one. Looking ahead: the first such month on or
 * after the reference date's, the same year if not yet passed. Looking back: the last such month
 * on or before it, the same year if already begun.
 */
const upcomingYear = (index: number, refIndex: number, ref: Ref) =>
  ref.anchor === "past" ? (index <= refIndex ? ref.year : ref.year - 1) : index >= refIndex ? ref.year : ref.year + 1;

const refQuarter = (ref: CalendarDate) => Math.floor((ref.month - 1) / 3) + 1;

function quarterReading(q: number, yearToken: string | undefined, ref: Ref): Reading {
  const year = yearToken === undefined ? upcomingYear(q, refQuarter(ref), ref) : resolveYear(yearToken, ref);
  return win("quarter", quarterWindow(year, q));
}

function financialYearReading(label: string, first: number, second: string): Reading {
  if (!consecutive(first, second)) {
    return {
      kind: "invalid",
      error: `label "${label}" looks like a financial year, but ${first} and ${second} are not consecutive years`,
    };
  }
  return win("year", financialYearWindow(first));
}

function halfReading(kind: string, year: number): Reading {
  switch (kind) {
    case "mid":
    case "middle":
      return win("half", monthsWindow(year, 4, 6));
    case "early":
    case "start":
    case "beginning":
    case "first":
    case "1st":
    case "1":
      return win("half", monthsWindow(year, 1, 6));
    default: // late, later, second, 2nd, 2
      return win("half", monthsWindow(year, 7, 6));
  }
}

const MATCHERS: ReadonlyArray<[RegExp, Matcher]> = [
  // ---- open
  [OPEN_RE, () => ({ kind: "open" })],

  // ---- day
  [/^(\d{4})-(\d{2})-(\d{2})$/, (m, _r, l) => dayReading(l, Number(m[1]), Number(m[2]), Number(m[3]))],
  [re(`(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH} (\\d{4})`), (m, _r, l) => dayReading(l, Number(m[3]), monthNumber(m[2]), Number(m[1]))],
  [re(`${MONTH} (\\d{1,2})(?:st|nd|rd|th)? (\\d{4})`), (m, _r, l) => dayReading(l, Number(m[3]), monthNumber(m[1]), Number(m[2]))],

  // ---- month: "March 2026", "April" (next April on or after the reference month), "this August" (the reference year's)
  [
    re(`(this )?(?:(?:early|mid|late)[ -])?${MONTH}${OF_YEAR}?`),
    (m, ref) => {
      const month = monthNumber(m[2]);
      if (m[1] && m[3] !== undefined) return { kind: "invalid", error: `label "this ${m[2]} ${m[3]}" names the year twice` };
      const year = m[1] ? ref.year : m[3] === undefined ? upcomingYear(month, ref.month, ref) : resolveYear(m[3], ref);
      return win("month", monthWindow(year, month));
    },
  ],

  // ---- quarter
  [re(`q([1-4])(?:[ -](?:of )?${YEAR})?`), (m, ref) => quarterReading(Number(m[1]), m[2], ref)],
  [/^(\d{4})[ -]q([1-4])$/, (m, ref) => quarterReading(Number(m[2]), m[1], ref)],
  [re(`quarter ([1-4])${OF_YEAR}?`), (m, ref) => quarterReading(Number(m[1]), m[2], ref)],
  [
    re(`${QORD} quarter${OF_YEAR}?`),
    (m, ref, l) => {
      const ordinal = m[1] ?? "";
      // "last quarter" without a year more often means the quarter just gone: refuse to guess.
      if ((ordinal === "last" || ordinal === "final") && m[2] === undefined) {
        return { kind: "invalid", error: `label "${l}" needs a year, for example "last quarter of 2026"` };
      }
      return quarterReading(QUARTER_ORDINALS[ordinal] ?? 0, m[2], ref);
    },
  ],

  // ---- season
  [
    re(`winter (\\d{4})[-/](\\d{2}|\\d{4})`),
    (m, _r, l) => {
      const first = Number(m[1]);
      const second = m[2] ?? "";
      if (!consecutive(first, second)) {
        return { kind: "invalid", error: `label "${l}" names a winter, but ${first} and ${second} are not consecutive years` };
      }
      return win("season", seasonWindow(first, "winter"));
    },
  ],
  [
    re(`(?:(?:early|mid|late)[ -]?)?${SEASON}${OF_YEAR}?`),
    (m, ref) => {
      const season = SEASONS[m[1] ?? ""] ?? "summer";
      return win("season", m[2] === undefined ? thisSeason(season, ref) : seasonWindow(resolveYear(m[2], ref), season));
    },
  ],
  [
    re(`(this|next|coming|this coming) ${SEASON}`),
    (m, ref) => {
      const season = SEASONS[m[2] ?? ""] ?? "summer";
      return win("season", m[1] === "next" ? nextSeason(season, ref) : thisSeason(season, ref));
    },
  ],

  // ---- half year
  [re(`(first|1st|second|2nd) half(?: of)? ${YEAR}`), (m, ref) => halfReading(m[1] ?? "", resolveYear(m[2] ?? "", ref))],
  [re(`h([12])[ -](?:of )?${YEAR}`), (m, ref) => halfReading(m[1] ?? "", resolveYear(m[2] ?? "", ref))],
  [/^(\d{4})[ -]h([12])$/, (m) => halfReading(m[2] ?? "", Number(m[1]))],
  [re(`(early|mid|late|later)[ -](?:in )?${YEAR}`), (m, ref) => halfReading(m[1] ?? "", resolveYear(m[2] ?? "", ref))],
  [re(`(middle|start|beginning) of ${YEAR}`), (m, ref) => halfReading(m[1] ?? "", resolveYear(m[2] ?? "", ref))],

  // ---- year, including financial years
  [/^(?:calendar year )?(\d{4})$/, (m) => win("year", monthsWindow(Number(m[1]), 1, 12))],
  [
    /^(?:(this|next|last) )?(?:calendar )?year$/,
    (m, ref) => win("year", monthsWindow(m[1] === "next" ? ref.year + 1 : m[1] === "last" ? ref.year - 1 : ref.year, 1, 12)),
  ],
  [/^(?:financial year |fy ?)?(\d{4})[-/](\d{2}|\d{4})$/, (m, _r, l) => financialYearReading(l, Number(m[1]), m[2] ?? "")],
  [/^financial year (\d{4}) to (\d{4})$/, (m, _r, l) => financialYearReading(l, Number(m[1]), m[2] ?? "")],
  [/^fy ?(\d{2})[-/](\d{2})$/, (m, _r, l) => financialYearReading(l, 2000 + Number(m[1]), m[2] ?? "")],
  [
    /^(?:(this|next) )?financial year$/,
    (m, ref) => {
      const current = ref.month >= 4 ? ref.year : ref.year - 1;
      return win("year", financialYearWindow(m[1] === "next" ? current + 1 : current));
    },
  ],
];

function readLabel(label: string, ref: Ref): Reading | null {
  const trimmed = label.trim();
  if (trimmed === "") return { kind: "open" };
  const s = normaliseDeadlineLabel(trimmed);
  for (const [pattern, matcher] of MATCHERS) {
    const m = pattern.exec(s);
    if (m) {
      try {
        return matcher(m, ref, trimmed);
      } catch (e) {
        if (e instanceof RangeError) {
          return { kind: "invalid", error: `label "${trimmed}" gives a date outside the years this tracker can handle` };
        }
        throw e;
      }
    }
  }
  return null;
}

const HOW_TO_WRITE: Record<DatedPrecision, string> = {
  day: '"14 March 2026" or "2026-03-14"',
  month: '"March 2026" or "from April"',
  quarter: '"Q3 2026" or "third quarter of 2026"',
  season: '"summer 2026" or "this summer"',
  half: '"first half of 2026", "H2 2026", "early 2026", "mid-2026" or "late 2026"',
  year: '"by the end of 2026" or "2026-27"',
};

/**
 * What precision a label appears to have, or null if it cannot be read. Useful to suggest a
 * precision to an editor; resolveDeadline still requires the precision to be given explicitly.
 */
export function detectPrecision(label: string, referenceDate: IsoDate): Precision | null {
  if (!isIsoDate(referenceDate)) return null;
  const reading = readLabel(label, { ...parseIsoDate(referenceDate), anchor: "upcoming" });
  if (reading === null || reading.kind === "invalid") return null;
  return reading.kind === "open" ? "open" : reading.precision;
}

/**
 * Turns a deadline as published into its window. The due date is the last day of the window,
 * windowStart the first. referenceDate is the date the deadline was published; it anchors
 * labels without a year ("from April", "this summer").
 */
export function resolveDeadline(label: string, precision: Precision, referenceDate: IsoDate): ResolvedDeadline {
  return resolveDateLabel(label, precision, referenceDate, "upcoming");
}

/**
 * The same reading for any date as a source words it, anchored either way: "upcoming" for
 * deadlines (resolveDeadline), "past" for when something happened or was confirmed.
 */
export function resolveDateLabel(label: string, precision: Precision, referenceDate: IsoDate, anchor: Anchor): ResolvedDeadline {
  if (!isPrecision(precision)) {
    return { ok: false, error: `precision "${String(precision)}" is not one of ${PRECISIONS.join(", ")}` };
  }
  if (!isIsoDate(referenceDate)) {
    return { ok: false, error: `reference date "${String(referenceDate)}" is not a real calendar date written YYYY-MM-DD` };
  }
  if (typeof label !== "string") return { ok: false, error: "label must be text" };
  // An open deadline has no date, whatever the label says.
  if (precision === "open") return { ok: true, dueDate: null, windowStart: null };

  const shown = label.trim();
  const reading = readLabel(label, { ...parseIsoDate(referenceDate), anchor });
  if (reading === null) {
    return {
      ok: false,
      error: `could not read ${PRECISION_NOUNS[precision]} from label "${shown}": write it like ${HOW_TO_WRITE[precision]}, or use precision "open"`,
    };
  }
  if (reading.kind === "invalid") return { ok: false, error: reading.error };
  if (reading.kind === "open") {
    return { ok: false, error: `label "${shown}" gives no date, but precision is "${precision}"` };
  }
  if (reading.precision !== precision) {
    return { ok: false, error: `label "${shown}" describes ${PRECISION_NOUNS[reading.precision]}, but precision is "${precision}"` };
  }
  return { ok: true, dueDate: reading.window.end, windowStart: reading.window.start };
}

/** “14 March 2026” or “2026-03-14”, with curly quotes, for sentences people read. */
const curly = (s: string) => s.replace(/"([^"]*)"/g, "“$1”");

/**
 * Why a deadline as typed cannot be read, in plain English for the person who typed it (the
 * editor's deadline form): null when it can. `what` names the field ("The new deadline").
 */
export function deadlineProblem(label: string, precision: Precision, referenceDate: IsoDate, what = "The deadline"): string | null {
  const resolved = resolveDeadline(label, precision, referenceDate);
  if (resolved.ok) return null;
  const shown = label.trim();
  if (!shown) return `Enter ${what.charAt(0).toLowerCase()}${what.slice(1)} as it was published`;
  if (!isPrecision(precision) || precision === "open") return `Choose how precise ${what.toLowerCase()} is`;
  const reading = readLabel(label, { ...parseIsoDate(referenceDate), anchor: "upcoming" });
  const chosen = `“${precisionLabel(precision)}”`;
  if (reading === null)
    return `${what} “${shown}” cannot be read as ${PRECISION_NOUNS[precision]}: write it like ${curly(HOW_TO_WRITE[precision])}, or choose “${precisionLabel("open")}” if it gives no date`;
  if (reading.kind === "invalid") return `${what} “${shown}” ${curly(reading.error.replace(/^label "[^"]*" /, ""))}`;
  if (reading.kind === "open") return `${what} “${shown}” gives no date: choose “${precisionLabel("open")}”, not ${chosen}`;
  return `${what} “${shown}” describes ${PRECISION_NOUNS[reading.precision]}, but you chose ${chosen}: choose “${precisionLabel(reading.precision)}”`;
}

// ---------------------------------------------------------------------------------------------
// The published rules

interface DeadlineExample {
  label: string;
  referenceDate: IsoDate;
  windowStart: IsoDate | null;
  dueDate: IsoDate | null;
}

export interface DeadlineRule {
  precision: Precision;
  name: string;
  rule: string;
  examples: DeadlineExample[];
}

/** Reference date used for most published examples. */
const EXAMPLE_REFERENCE_DATE: IsoDate = "2026-01-21";

function example(label: string, precision: Precision, referenceDate: IsoDate = EXAMPLE_REFERENCE_DATE): DeadlineExample {
  const r = resolveDeadline(label, precision, referenceDate);
  if (!r.ok) throw new Error(`published deadline example does not resolve: ${r.error}`);
  return { label, referenceDate, windowStart: r.windowStart, dueDate: r.dueDate };
}

/** General rules that apply to every precision, for the methodology page. */
export const DEADLINE_READING_RULES: readonly string[] = [
  "Every deadline is kept exactly as it was published, together with its precision: day, month, quarter, season, half year, year, or open (no date).",
  "The due date is the last day of the period the deadline describes. A commitment due “by summer 2026” is on time if it is delivered on or before 31 August 2026.",
  "Capital letters, trailing punctuation and leading words such as “by”, “in”, “from”, “around”, “before”, “during”, “throughout”, “by the end of” and “the end of” are ignored: “by the end of 2026” and “2026” have the same due date.",
  "Where a deadline has no year (“from April”, “this summer”), it is read from a reference date: for a commitment’s original deadline, the roadmap’s launch (when the commitment was announced), unless the record gives the date the words were said; for a revision, the date of the source that reports it. A year is never added to the label.",
  "The precision must match what the deadline says: a deadline of “summer 2026” cannot be recorded as a month. If it cannot be read, it is rejected rather than guessed.",
];

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    precision: "day",
    name: precisionLabel("day"),
    rule: "The deadline names a single day. The due date is that day.",
    examples: [example("14 March 2026", "day"), example("2026-03-14", "day"), example("March 14, 2026", "day")],
  },
  {
    precision: "month",
    name: precisionLabel("month"),
    rule: "The deadline names a month. The due date is the last day of that month. If no year is given (“from April”, “in April”), it is the first such month on or after the month of the reference date: the same year if that month has not already passed, otherwise the next year. “This August” is August of the reference date’s year. The reference date of a commitment’s original deadline is the roadmap’s launch (its announcement), not the date of the article that reports the deadline, unless the record says otherwise.",
    examples: [
      example("March 2026", "month"),
      example("by October 2028", "month"),
      example("February 2028", "month"),
      example("from April", "month"),
      example("in April", "month", "2026-05-10"),
      example("From this August", "month", "2026-06-01"),
    ],
  },
  {
    precision: "quarter",
    name: precisionLabel("quarter"),
    rule: "Quarters are calendar quarters: Q1 is January to March, Q2 April to June, Q3 July to September and Q4 October to December. The due date is the last day of the quarter. If no year is given (“Q3”), it is the first such quarter on or after the quarter of the reference date.",
    examples: [
      example("Q3 2026", "quarter"),
      example("third quarter of 2026", "quarter"),
      example("2026 Q3", "quarter"),
      example("Q4 2026", "quarter"),
    ],
  },
  {
    precision: "season",
    name: precisionLabel("season"),
    rule: "Spring is March to May (due 31 May), summer is June to August (due 31 August), autumn (or fall) is September to November (due 30 November) and winter is December to February: “winter 2026” runs from December 2026 to February 2027, so it is due on the last day of February 2027. “This summer”, or a season with no year, means the season under way on the reference date or, if it has already ended, the next one: said in October 2026, “this summer” means summer 2027. “Next summer” means the summer of the year after the reference date (for winter, a reference date in January or February counts as part of the winter that began the December before).",
    examples: [
      example("spring 2026", "season"),
      example("summer 2026", "season"),
      example("autumn 2026", "season"),
      example("winter 2026", "season"),
      example("winter 2027", "season"),
      example("this summer", "season"),
      example("this summer", "season", "2026-07-15"),
      example("this summer", "season", "2026-10-01"),
      example("next summer", "season"),
    ],
  },
  {
    precision: "half",
    name: precisionLabel("half"),
    rule: "“First half of 2026” or “H1 2026” is January to June (due 30 June); “second half of 2026” or “H2 2026” is July to December (due 31 December). Looser phrases are read as half-year windows: “early 2026” is January to June (due 30 June), “mid-2026” or “the middle of 2026” is April to September (due 30 September), and “late 2026” is July to December (due 31 December).",
    examples: [
      example("first half of 2026", "half"),
      example("H1 2026", "half"),
      example("second half of 2026", "half"),
      example("H2 2026", "half"),
      example("early 2026", "half"),
      example("mid-2026", "half"),
      example("the middle of 2026", "half"),
      example("late 2026", "half"),
    ],
  },
  {
    precision: "year",
    name: precisionLabel("year"),
    rule: "A year (“2026”, “by 2030”, “by the end of 2026”, “during 2026”) is due on 31 December of that year. “This year” and “the end of the year” mean the year of the reference date. A financial year (“2026-27”, “2026/27”, “financial year 2026 to 2027”) runs from 1 April 2026 to 31 March 2027 and is due on 31 March 2027.",
    examples: [
      example("2026", "year"),
      example("by 2030", "year"),
      example("end of 2026", "year"),
      example("by the end of 2026", "year"),
      example("around the end of 2026", "year"),
      example("throughout 2026", "year"),
      example("during 2026", "year"),
      example("the end of the year", "year"),
      example("this year", "year"),
      example("2026-27", "year"),
      example("2026/27", "year"),
      example("financial year 2026 to 2027", "year"),
    ],
  },
  {
    precision: "open",
    name: precisionLabel("open"),
    rule: "No date was given (“ongoing”, “no date given”, “to be confirmed”). There is no due date, so the commitment is never overdue.",
    examples: [example("ongoing", "open"), example("no date given", "open"), example("to be confirmed", "open")],
  },
];
