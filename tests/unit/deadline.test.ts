import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { addDays, daysBetween, isIsoDate, lastDayOfMonth } from "../../src/domain/dates";
import {
  DEADLINE_READING_RULES,
  DEADLINE_RULES,
  PRECISIONS,
  type Precision,
  detectPrecision,
  isPrecision,
  normaliseDeadlineLabel,
  precisionLabel,
  resolveDeadline,
} from "../../src/domain/deadline";

const REF = "2026-01-21";

/** Asserts the label resolves and returns [windowStart, dueDate]. */
function resolved(label: string, precision: Precision, ref = REF): [string | null, string | null] {
  const r = resolveDeadline(label, precision, ref);
  if (!r.ok) throw new Error(`expected "${label}" (${precision}) to resolve, got: ${r.error}`);
  return [r.windowStart, r.dueDate];
}

function failure(label: string, precision: Precision, ref = REF): string {
  const r = resolveDeadline(label, precision, ref);
  if (r.ok) throw new Error(`expected "${label}" (${precision}) to be rejected, got ${JSON.stringify(r)}`);
  return r.error;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Oracle for the last day of a month, computed independently with Date. */
const oracleLastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);

const arbRef = fc
  .integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe("day precision", () => {
  it.each(["14 March 2026", "2026-03-14", "March 14, 2026", "14th March 2026", "14 Mar 2026", "by 14 March 2026", "the 14th of March 2026"])(
    "%s is 14 March 2026",
    (label) => {
      expect(resolved(label, "day")).toEqual(["2026-03-14", "2026-03-14"]);
    },
  );

  it("handles leap days", () => {
    expect(resolved("29 February 2028", "day")).toEqual(["2028-02-29", "2028-02-29"]);
    expect(failure("29 February 2026", "day")).toBe('label "29 February 2026" is not a real calendar date');
    expect(failure("2026-02-29", "day")).toMatch(/not a real calendar date/);
    expect(failure("31 April 2026", "day")).toMatch(/not a real calendar date/);
  });
});

describe("month precision", () => {
  it("gives the last day of the month", () => {
    expect(resolved("March 2026", "month")).toEqual(["2026-03-01", "2026-03-31"]);
    expect(resolved("by October 2028", "month")).toEqual(["2028-10-01", "2028-10-31"]);
    expect(resolved("April 2026", "month")).toEqual(["2026-04-01", "2026-04-30"]);
    expect(resolved("Sept. 2026", "month")).toEqual(["2026-09-01", "2026-09-30"]);
    expect(resolved("by the end of June 2026", "month")).toEqual(["2026-06-01", "2026-06-30"]);
  });

  it("handles February in leap and common years", () => {
    expect(resolved("February 2026", "month")[1]).toBe("2026-02-28");
    expect(resolved("February 2028", "month")[1]).toBe("2028-02-29");
    expect(resolved("February 2100", "month")[1]).toBe("2100-02-28");
    expect(resolved("February 2000", "month")[1]).toBe("2000-02-29");
  });

  it("reads “this <month>” as that month of the reference date's year, keeping the label", () => {
    expect(resolved("From this August", "month", "2026-06-01")).toEqual(["2026-08-01", "2026-08-31"]);
    expect(resolved("From this August onwards", "month", "2026-06-01")).toEqual(["2026-08-01", "2026-08-31"]);
    // Said in June, "this March" is the March just gone, not next year's.
    expect(resolved("this March", "month", "2026-06-01")).toEqual(["2026-03-01", "2026-03-31"]);
    expect(resolveDeadline("this August 2026", "month", "2026-06-01").ok).toBe(false);
  });

  it("reads the roadmap's own dates from the launch, not from the article that reports them", () => {
    // "The roadmap pledged that in April …", reported in June 2026: from the launch, April 2026.
    expect(resolved("in April", "month", "2026-01-19")).toEqual(["2026-04-01", "2026-04-30"]);
    expect(resolved("in April", "month", "2026-06-01")).toEqual(["2027-04-01", "2027-04-30"]);
    expect(resolved("from May onwards", "month", "2026-01-19")).toEqual(["2026-05-01", "2026-05-31"]);
  });

  it("without a year, takes the first such month on or after the reference month", () => {
    expect(resolved("from April", "month", "2026-01-21")).toEqual(["2026-04-01", "2026-04-30"]);
    expect(resolved("in April", "month", "2026-01-21")).toEqual(["2026-04-01", "2026-04-30"]);
    // Same month as the reference date: this year's, even late in the month.
    expect(resolved("from April", "month", "2026-04-30")).toEqual(["2026-04-01", "2026-04-30"]);
    // April has passed: next year's.
    expect(resolved("in April", "month", "2026-05-01")).toEqual(["2027-04-01", "2027-04-30"]);
    expect(resolved("January", "month", "2026-12-31")).toEqual(["2027-01-01", "2027-01-31"]);
    expect(resolved("February", "month", "2027-03-01")).toEqual(["2028-02-01", "2028-02-29"]);
  });

  it("matches an independent oracle for every month and year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2199 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        expect(resolved(`${MONTH_NAMES[m - 1]} ${y}`, "month")).toEqual([`${y}-${String(m).padStart(2, "0")}-01`, oracleLastDay(y, m)]);
      }),
    );
  });

  it("a month without a year is never already over", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), arbRef, (m, ref) => {
        const [start, due] = resolved(`from ${MONTH_NAMES[m - 1]}`, "month", ref);
        expect(due! >= ref).toBe(true);
        // ...and it is the first such month: the same month a year earlier had ended.
        const yearEarlier = resolved(`${MONTH_NAMES[m - 1]} ${Number(start!.slice(0, 4)) - 1}`, "month")[1]!;
        expect(yearEarlier < ref).toBe(true);
        expect(daysBetween(ref, start!)).toBeLessThan(366);
      }),
    );
  });
});

describe("quarter precision", () => {
  it.each([
    ["Q1 2026", "2026-01-01", "2026-03-31"],
    ["Q2 2026", "2026-04-01", "2026-06-30"],
    ["Q3 2026", "2026-07-01", "2026-09-30"],
    ["Q4 2026", "2026-10-01", "2026-12-31"],
    ["third quarter of 2026", "2026-07-01", "2026-09-30"],
    ["the first quarter of 2028", "2028-01-01", "2028-03-31"],
    ["2026 Q3", "2026-07-01", "2026-09-30"],
    ["by Q4 2027", "2027-10-01", "2027-12-31"],
    ["last quarter of 2026", "2026-10-01", "2026-12-31"],
  ])("%s runs %s to %s", (label, start, due) => {
    expect(resolved(label, "quarter")).toEqual([start, due]);
  });

  it("without a year, takes the first such quarter on or after the reference quarter", () => {
    expect(resolved("Q3", "quarter", "2026-01-21")[1]).toBe("2026-09-30");
    expect(resolved("Q3", "quarter", "2026-09-30")[1]).toBe("2026-09-30");
    expect(resolved("Q3", "quarter", "2026-10-01")[1]).toBe("2027-09-30");
  });

  it("will not guess what 'last quarter' means without a year", () => {
    expect(failure("last quarter", "quarter")).toMatch(/needs a year/);
  });
});

describe("season precision", () => {
  it.each([
    ["spring 2026", "2026-03-01", "2026-05-31"],
    ["summer 2026", "2026-06-01", "2026-08-31"],
    ["autumn 2026", "2026-09-01", "2026-11-30"],
    ["fall 2026", "2026-09-01", "2026-11-30"],
    ["winter 2026", "2026-12-01", "2027-02-28"],
    ["by summer 2026", "2026-06-01", "2026-08-31"],
    ["in the summer of 2026", "2026-06-01", "2026-08-31"],
    ["Summer 2026.", "2026-06-01", "2026-08-31"],
    ["by the end of summer 2026", "2026-06-01", "2026-08-31"],
  ])("%s runs %s to %s", (label, start, due) => {
    expect(resolved(label, "season")).toEqual([start, due]);
  });

  it("winter crosses the year end, including into a leap February", () => {
    expect(resolved("winter 2026", "season")).toEqual(["2026-12-01", "2027-02-28"]);
    expect(resolved("winter 2027", "season")).toEqual(["2027-12-01", "2028-02-29"]);
    expect(resolved("winter 2026/27", "season")).toEqual(["2026-12-01", "2027-02-28"]);
    expect(resolved("winter 2027-28", "season")).toEqual(["2027-12-01", "2028-02-29"]);
    expect(failure("winter 2026/28", "season")).toMatch(/not consecutive/);
  });

  it("'this summer' is this year's summer before and during it, next year's after it", () => {
    expect(resolved("this summer", "season", "2026-01-21")).toEqual(["2026-06-01", "2026-08-31"]);
    expect(resolved("this summer", "season", "2026-05-31")).toEqual(["2026-06-01", "2026-08-31"]);
    expect(resolved("this summer", "season", "2026-06-01")).toEqual(["2026-06-01", "2026-08-31"]);
    expect(resolved("this summer", "season", "2026-07-15")).toEqual(["2026-06-01", "2026-08-31"]);
    expect(resolved("this summer", "season", "2026-08-31")).toEqual(["2026-06-01", "2026-08-31"]);
    expect(resolved("this summer", "season", "2026-09-01")).toEqual(["2027-06-01", "2027-08-31"]);
    expect(resolved("this summer", "season", "2026-12-31")).toEqual(["2027-06-01", "2027-08-31"]);
    expect(resolved("summer", "season", "2026-07-15")).toEqual(["2026-06-01", "2026-08-31"]);
  });

  it("'this spring' and 'this autumn' follow the same rule", () => {
    expect(resolved("this spring", "season", "2026-01-21")[1]).toBe("2026-05-31");
    expect(resolved("this spring", "season", "2026-06-01")[1]).toBe("2027-05-31");
    expect(resolved("this autumn", "season", "2026-11-30")[1]).toBe("2026-11-30");
    expect(resolved("this autumn", "season", "2026-12-01")[1]).toBe("2027-11-30");
  });

  it("'this winter' is the winter under way or the next to start", () => {
    // In January 2026 the winter that began in December 2025 is under way.
    expect(resolved("this winter", "season", "2026-01-21")).toEqual(["2025-12-01", "2026-02-28"]);
    expect(resolved("this winter", "season", "2026-03-01")).toEqual(["2026-12-01", "2027-02-28"]);
    expect(resolved("this winter", "season", "2026-12-15")).toEqual(["2026-12-01", "2027-02-28"]);
  });

  it("'next summer' is the following year's", () => {
    expect(resolved("next summer", "season", "2026-01-21")).toEqual(["2027-06-01", "2027-08-31"]);
    expect(resolved("next summer", "season", "2026-07-15")).toEqual(["2027-06-01", "2027-08-31"]);
    expect(resolved("next summer", "season", "2026-10-01")).toEqual(["2027-06-01", "2027-08-31"]);
    expect(resolved("next spring", "season", "2026-01-21")[1]).toBe("2027-05-31");
    // January belongs to the winter that began the December before, so "next winter" is December 2026.
    expect(resolved("next winter", "season", "2026-01-21")).toEqual(["2026-12-01", "2027-02-28"]);
    expect(resolved("next winter", "season", "2026-03-01")).toEqual(["2027-12-01", "2028-02-29"]);
  });

  it("'this <season>' is the earliest such season not yet over", () => {
    fc.assert(
      fc.property(fc.constantFrom("spring", "summer", "autumn", "winter"), arbRef, (season, ref) => {
        const [start, due] = resolved(`this ${season}`, "season", ref);
        expect(due! >= ref).toBe(true);
        // The same season a year earlier ended before the reference date.
        const earlier = resolved(`${season} ${Number(start!.slice(0, 4)) - 1}`, "season")[1]!;
        expect(earlier < ref).toBe(true);
        // "next" is never earlier than "this". They coincide once this year's season is over:
        // in October 2026 both "this summer" and "next summer" mean summer 2027.
        const next = resolved(`next ${season}`, "season", ref)[1]!;
        expect(next >= due!).toBe(true);
        expect(daysBetween(due!, next)).toBeLessThanOrEqual(366);
      }),
    );
  });
});

describe("half precision", () => {
  it.each([
    ["first half of 2026", "2026-01-01", "2026-06-30"],
    ["the first half of 2026", "2026-01-01", "2026-06-30"],
    ["H1 2026", "2026-01-01", "2026-06-30"],
    ["second half of 2026", "2026-07-01", "2026-12-31"],
    ["H2 2026", "2026-07-01", "2026-12-31"],
    ["2026 H2", "2026-07-01", "2026-12-31"],
    ["early 2026", "2026-01-01", "2026-06-30"],
    ["in early 2026", "2026-01-01", "2026-06-30"],
    ["mid 2026", "2026-04-01", "2026-09-30"],
    ["mid-2026", "2026-04-01", "2026-09-30"],
    ["the middle of 2026", "2026-04-01", "2026-09-30"],
    ["by mid-2027", "2027-04-01", "2027-09-30"],
    ["late 2026", "2026-07-01", "2026-12-31"],
    ["later this year", "2026-07-01", "2026-12-31"],
    ["early next year", "2027-01-01", "2027-06-30"],
  ])("%s runs %s to %s", (label, start, due) => {
    expect(resolved(label, "half")).toEqual([start, due]);
  });
});

describe("year precision", () => {
  it.each([
    ["2026", "2026-12-31"],
    ["by 2030", "2030-12-31"],
    ["end of 2026", "2026-12-31"],
    ["by the end of 2026", "2026-12-31"],
    ["By The End Of 2026", "2026-12-31"],
    ["around the end of 2026", "2026-12-31"],
    ["throughout 2026", "2026-12-31"],
    ["during 2026", "2026-12-31"],
    ["before 2028", "2028-12-31"],
    ["in 2027.", "2027-12-31"],
  ])("%s is due %s", (label, due) => {
    expect(resolved(label, "year")).toEqual([`${due.slice(0, 4)}-01-01`, due]);
  });

  it("'this year' and 'the end of the year' are the reference year", () => {
    expect(resolved("the end of the year", "year", "2026-01-21")).toEqual(["2026-01-01", "2026-12-31"]);
    expect(resolved("this year", "year", "2027-06-30")).toEqual(["2027-01-01", "2027-12-31"]);
    expect(resolved("by the end of the year", "year", "2028-12-31")).toEqual(["2028-01-01", "2028-12-31"]);
    expect(resolved("next year", "year", "2026-01-21")).toEqual(["2027-01-01", "2027-12-31"]);
  });

  it("financial years run 1 April to 31 March", () => {
    for (const label of [
      "2026-27",
      "2026/27",
      "2026–27",
      "financial year 2026 to 2027",
      "the financial year 2026-27",
      "FY 2026/27",
      "by the end of 2026-27",
    ]) {
      expect(resolved(label, "year"), label).toEqual(["2026-04-01", "2027-03-31"]);
    }
    expect(resolved("2099-00", "year")).toEqual(["2099-04-01", "2100-03-31"]);
    expect(resolved("2027/2028", "year")).toEqual(["2027-04-01", "2028-03-31"]);
    expect(resolved("this financial year", "year", "2026-03-31")).toEqual(["2025-04-01", "2026-03-31"]);
    expect(resolved("this financial year", "year", "2026-04-01")).toEqual(["2026-04-01", "2027-03-31"]);
    expect(resolved("next financial year", "year", "2026-01-21")).toEqual(["2026-04-01", "2027-03-31"]);
  });

  it("rejects financial years that are not consecutive", () => {
    expect(failure("2026-28", "year")).toBe('label "2026-28" looks like a financial year, but 2026 and 28 are not consecutive years');
    expect(failure("financial year 2026 to 2028", "year")).toMatch(/not consecutive/);
  });
});

describe("open precision", () => {
  it.each(["ongoing", "no date given", "to be confirmed", "TBC", "", "summer 2026", "anything at all"])("%j has no due date", (label) => {
    expect(resolveDeadline(label, "open", REF)).toEqual({ ok: true, dueDate: null, windowStart: null });
  });
});

describe("precision must match the label", () => {
  it("explains a mismatch", () => {
    expect(failure("summer 2026", "month")).toBe('label "summer 2026" describes a season, but precision is "month"');
    expect(failure("March 2026", "season")).toBe('label "March 2026" describes a month, but precision is "season"');
    expect(failure("by the end of 2026", "half")).toBe('label "by the end of 2026" describes a year, but precision is "half"');
    expect(failure("early 2026", "year")).toBe('label "early 2026" describes a half year, but precision is "year"');
    expect(failure("Q3 2026", "month")).toBe('label "Q3 2026" describes a quarter, but precision is "month"');
    expect(failure("14 March 2026", "month")).toBe('label "14 March 2026" describes a day, but precision is "month"');
    expect(failure("2026-27", "quarter")).toBe('label "2026-27" describes a year, but precision is "quarter"');
    expect(failure("ongoing", "year")).toBe('label "ongoing" gives no date, but precision is "year"');
    expect(failure("", "day")).toBe('label "" gives no date, but precision is "day"');
  });

  it("explains a label it cannot read", () => {
    expect(failure("when resources allow", "season")).toBe(
      'could not read a season from label "when resources allow": write it like "summer 2026" or "this summer", or use precision "open"',
    );
    expect(failure("by", "year")).toMatch(/^could not read a year from label "by"/);
    expect(failure("the 2020s", "year")).toMatch(/could not read a year/);
  });

  it("rejects a bad reference date or precision", () => {
    expect(failure("summer 2026", "season", "2026-02-30")).toMatch(/reference date "2026-02-30" is not a real calendar date/);
    const bad = resolveDeadline("summer 2026", "fortnight" as Precision, REF);
    expect(bad.ok).toBe(false);
  });
});

// ---- generated labels with their expected windows (an independent oracle) ----------------

interface Case {
  label: string;
  precision: Exclude<Precision, "open">;
  start: string;
  due: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const arbYear = fc.integer({ min: 1901, max: 2198 });

const arbCase: fc.Arbitrary<Case> = fc.oneof(
  fc
    .tuple(arbYear, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .filter(([y, m, d]) => d <= Number(oracleLastDay(y, m).slice(8)))
    .chain(([y, m, d]) => {
      const iso = `${y}-${pad(m)}-${pad(d)}`;
      return fc
        .constantFrom(`${d} ${MONTH_NAMES[m - 1]} ${y}`, iso, `${MONTH_NAMES[m - 1]} ${d}, ${y}`)
        .map((label): Case => ({ label, precision: "day", start: iso, due: iso }));
    }),
  fc
    .tuple(arbYear, fc.integer({ min: 1, max: 12 }))
    .map(([y, m]): Case => ({ label: `${MONTH_NAMES[m - 1]} ${y}`, precision: "month", start: `${y}-${pad(m)}-01`, due: oracleLastDay(y, m) })),
  fc
    .tuple(arbYear, fc.integer({ min: 1, max: 4 }))
    .chain(([y, q]) =>
      fc
        .constantFrom(`Q${q} ${y}`, `${y} Q${q}`, `${["first", "second", "third", "fourth"][q - 1]} quarter of ${y}`)
        .map((label): Case => ({ label, precision: "quarter", start: `${y}-${pad(q * 3 - 2)}-01`, due: oracleLastDay(y, q * 3) })),
    ),
  fc
    .tuple(arbYear, fc.constantFrom<[string, number]>(["spring", 3], ["summer", 6], ["autumn", 9], ["fall", 9], ["winter", 12]))
    .map(([y, [name, m]]): Case => ({
      label: `${name} ${y}`,
      precision: "season",
      start: `${y}-${pad(m)}-01`,
      due: m === 12 ? oracleLastDay(y + 1, 2) : oracleLastDay(y, m + 2),
    })),
  fc
    .tuple(
      arbYear,
      fc.constantFrom<[string, number]>(
        ["first half of", 1],
        ["H1", 1],
        ["early", 1],
        ["second half of", 7],
        ["H2", 7],
        ["late", 7],
        ["mid", 4],
        ["mid-", 4],
        ["the middle of", 4],
      ),
    )
    .map(([y, [prefix, m]]): Case => ({
      label: prefix.endsWith("-") ? `${prefix}${y}` : `${prefix} ${y}`,
      precision: "half",
      start: `${y}-${pad(m)}-01`,
      due: oracleLastDay(y, m + 5),
    })),
  arbYear.chain((y) =>
    fc.oneof(
      fc
        .constantFrom(`${y}`, `by ${y}`, `by the end of ${y}`, `during ${y}`, `throughout ${y}`)
        .map((label): Case => ({ label, precision: "year", start: `${y}-01-01`, due: `${y}-12-31` })),
      fc
        .constantFrom(`${y}-${pad((y + 1) % 100)}`, `${y}/${pad((y + 1) % 100)}`, `financial year ${y} to ${y + 1}`)
        .map((label): Case => ({ label, precision: "year", start: `${y}-04-01`, due: oracleLastDay(y + 1, 3) })),
    ),
  ),
);

const MONTHS_IN_WINDOW: Record<Exclude<Precision, "open" | "day">, number> = { month: 1, quarter: 3, season: 3, half: 6, year: 12 };

const arbCasing = (s: string) =>
  fc
    .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
    .map((flags) => [...s].map((c, i) => (flags[i] ? c.toUpperCase() : c)).join(""));

describe("properties", () => {
  it("every generated label resolves to the oracle's window", () => {
    fc.assert(
      fc.property(arbCase, arbRef, (c, ref) => {
        expect(resolved(c.label, c.precision, ref)).toEqual([c.start, c.due]);
        expect(detectPrecision(c.label, ref)).toBe(c.precision);
      }),
      { numRuns: 500 },
    );
  });

  it("the due date is on or after the window start, and windows are whole months", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const [start, due] = resolved(c.label, c.precision);
        expect(isIsoDate(start) && isIsoDate(due)).toBe(true);
        expect(due! >= start!).toBe(true);
        if (c.precision === "day") {
          expect(start).toBe(due);
        } else {
          expect(start!.slice(8)).toBe("01");
          expect(addDays(due!, 1).slice(8)).toBe("01");
          const months = (Number(due!.slice(0, 4)) - Number(start!.slice(0, 4))) * 12 + Number(due!.slice(5, 7)) - Number(start!.slice(5, 7)) + 1;
          expect(months).toBe(MONTHS_IN_WINDOW[c.precision]);
          expect(due).toBe(lastDayOfMonth(Number(due!.slice(0, 4)), Number(due!.slice(5, 7))));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("ignores case, leading words and trailing punctuation", () => {
    fc.assert(
      fc.property(
        arbCase.chain((c) => fc.tuple(fc.constant(c), arbCasing(c.label))),
        fc.constantFrom("", "by ", "in ", "from ", "around ", "before ", "during ", "by the end of ", "the end of ", "end of ", "around the end of "),
        fc.constantFrom("", ".", "!", ";", " ."),
        ([c, cased], prefix, suffix) => {
          expect(resolved(`${prefix}${cased}${suffix}`, c.precision)).toEqual([c.start, c.due]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("any other dated precision is rejected with a clear message; open always resolves to no date", () => {
    fc.assert(
      fc.property(arbCase, fc.constantFrom(...PRECISIONS), (c, p) => {
        const r = resolveDeadline(c.label, p, REF);
        if (p === "open") {
          expect(r).toEqual({ ok: true, dueDate: null, windowStart: null });
        } else if (p === c.precision) {
          expect(r.ok).toBe(true);
        } else {
          expect(r).toEqual({ ok: false, error: expect.stringContaining(`but precision is "${p}"`) });
        }
      }),
      { numRuns: 500 },
    );
  });

  it("labels without a year never resolve to a period that has already ended", () => {
    const relative = fc.constantFrom<[string, Precision]>(
      ...MONTH_NAMES.map((m): [string, Precision] => [`from ${m}`, "month"]),
      ["Q1", "quarter"],
      ["Q2", "quarter"],
      ["Q3", "quarter"],
      ["Q4", "quarter"],
      ["this spring", "season"],
      ["this summer", "season"],
      ["this autumn", "season"],
      ["this winter", "season"],
      ["next summer", "season"],
      ["next winter", "season"],
      ["summer", "season"],
      ["this year", "year"],
      ["the end of the year", "year"],
      ["this financial year", "year"],
      ["later this year", "half"],
    );
    fc.assert(
      fc.property(relative, arbRef, ([label, precision], ref) => {
        const [start, due] = resolved(label, precision, ref);
        expect(due! >= ref).toBe(true);
        expect(due! >= start!).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws, and whatever it accepts is a valid window", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          arbCase.map((c) => c.label),
          fc.constantFrom("9999", "winter 9999", "0000", "Q4 0000", "spring 0000"),
        ),
        fc.constantFrom(...PRECISIONS),
        arbRef,
        (label, p, ref) => {
          const r = resolveDeadline(label, p, ref);
          if (r.ok && p !== "open") {
            expect(isIsoDate(r.dueDate) && isIsoDate(r.windowStart)).toBe(true);
            expect(r.dueDate! >= r.windowStart!).toBe(true);
          }
          if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("published rules", () => {
  it("cover every precision once, in order", () => {
    expect(DEADLINE_RULES.map((r) => r.precision)).toEqual([...PRECISIONS]);
    for (const r of DEADLINE_RULES) {
      expect(r.name).toBe(precisionLabel(r.precision));
      expect(r.rule.length).toBeGreaterThan(40);
      expect(r.examples.length).toBeGreaterThan(0);
    }
    expect(DEADLINE_READING_RULES.length).toBeGreaterThan(0);
  });

  it("examples are what the code computes", () => {
    for (const r of DEADLINE_RULES) {
      for (const e of r.examples) {
        expect(resolveDeadline(e.label, r.precision, e.referenceDate)).toEqual({ ok: true, dueDate: e.dueDate, windowStart: e.windowStart });
      }
    }
  });

  it("include the examples from the product rules", () => {
    const due = (label: string, referenceDate?: string) =>
      DEADLINE_RULES.flatMap((r) => r.examples).find((e) => e.label === label && (referenceDate === undefined || e.referenceDate === referenceDate))
        ?.dueDate;
    expect(due("14 March 2026")).toBe("2026-03-14");
    expect(due("by October 2028")).toBe("2028-10-31");
    expect(due("Q3 2026")).toBe("2026-09-30");
    expect(due("winter 2026")).toBe("2027-02-28");
    expect(due("this summer", "2026-10-01")).toBe("2027-08-31");
    expect(due("mid-2026")).toBe("2026-09-30");
    expect(due("2026-27")).toBe("2027-03-31");
    expect(due("ongoing")).toBeNull();
  });
});

describe("helpers", () => {
  it("precision labels and guards", () => {
    expect(PRECISIONS.map(precisionLabel)).toEqual(["Day", "Month", "Quarter", "Season", "Half year", "Year", "Open (no date)"]);
    expect(isPrecision("season")).toBe(true);
    expect(isPrecision("fortnight")).toBe(false);
    expect(isPrecision(3)).toBe(false);
  });

  it("normalises labels", () => {
    expect(normaliseDeadlineLabel("  By the End of Summer 2026. ")).toBe("summer 2026");
    expect(normaliseDeadlineLabel("Around the end of 2026")).toBe("2026");
    expect(normaliseDeadlineLabel("mid – 2026")).toBe("mid-2026");
    expect(normaliseDeadlineLabel("from April 2026 onwards")).toBe("april 2026");
    expect(normaliseDeadlineLabel("by March 2027 at the latest.")).toBe("march 2027");
  });

  it("detects the precision a label describes", () => {
    expect(detectPrecision("summer 2026", REF)).toBe("season");
    expect(detectPrecision("ongoing", REF)).toBe("open");
    expect(detectPrecision("whenever", REF)).toBeNull();
    expect(detectPrecision("31 February 2026", REF)).toBeNull();
  });
});
