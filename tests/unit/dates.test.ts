import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  addDays,
  compareIsoDates,
  dayDate,
  dayNumberToIsoDate,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  formatLongDate,
  isIsoDate,
  isLeapYear,
  isoDateToDayNumber,
  isoDay,
  lastDayOfMonth,
  maxIsoDate,
  minIsoDate,
  parseIsoDate,
  todayIso,
} from "../../src/domain/dates";

/** Any real date between 1900 and 2199, generated from a UTC instant. */
const arbIsoDate = fc
  .integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2199, 11, 31) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe("isIsoDate", () => {
  it("accepts real calendar dates", () => {
    for (const d of ["2026-01-01", "2026-12-31", "2028-02-29", "2000-02-29", "0001-01-01", "9999-12-31"]) {
      expect(isIsoDate(d)).toBe(true);
    }
  });

  it("rejects impossible days, bad shapes and non-strings", () => {
    for (const d of [
      "2026-02-29", // not a leap year
      "1900-02-29", // divisible by 100, not by 400
      "2026-04-31",
      "2026-13-01",
      "2026-00-10",
      "2026-01-00",
      "0000-01-01",
      "2026-1-01",
      "26-01-01",
      "2026/01/01",
      " 2026-01-01",
      "2026-01-01T00:00:00Z",
      "",
    ]) {
      expect(isIsoDate(d), d).toBe(false);
    }
    expect(isIsoDate(20260101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });

  it("agrees with the JavaScript Date parser on every generated date", () => {
    fc.assert(
      fc.property(arbIsoDate, (d) => {
        expect(isIsoDate(d)).toBe(true);
      }),
    );
  });
});

describe("leap years and month lengths", () => {
  it("follows the Gregorian rule", () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(2028)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
  });

  it("gives the last day of each month", () => {
    expect(lastDayOfMonth(2026, 1)).toBe("2026-01-31");
    expect(lastDayOfMonth(2026, 2)).toBe("2026-02-28");
    expect(lastDayOfMonth(2028, 2)).toBe("2028-02-29");
    expect(lastDayOfMonth(2026, 4)).toBe("2026-04-30");
    expect(lastDayOfMonth(2026, 9)).toBe("2026-09-30");
    expect(lastDayOfMonth(2026, 12)).toBe("2026-12-31");
    expect(daysInMonth(2026, 6)).toBe(30);
  });

  it("rejects months outside 1 to 12", () => {
    expect(() => lastDayOfMonth(2026, 0)).toThrow(RangeError);
    expect(() => lastDayOfMonth(2026, 13)).toThrow(RangeError);
  });

  it("the day after the last day of a month is the 1st", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        expect(addDays(lastDayOfMonth(y, m), 1).slice(8)).toBe("01");
      }),
    );
  });
});

describe("addDays and daysBetween", () => {
  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-14", 0)).toBe("2026-03-14");
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
    expect(addDays("2028-01-01", 365)).toBe("2028-12-31");
  });

  it("counts whole days, to minus from", () => {
    expect(daysBetween("2026-01-01", "2026-01-31")).toBe(30);
    expect(daysBetween("2026-01-31", "2026-01-01")).toBe(-30);
    expect(daysBetween("2026-03-14", "2026-03-14")).toBe(0);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
    // Across the UK clock change: still whole days.
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });

  it("refuses fractional days and invalid dates", () => {
    expect(() => addDays("2026-01-01", 1.5)).toThrow(RangeError);
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => daysBetween("2026-01-01", "nope")).toThrow(RangeError);
  });

  it("addDays and daysBetween are inverses", () => {
    fc.assert(
      fc.property(arbIsoDate, fc.integer({ min: -40_000, max: 40_000 }), (d, n) => {
        const e = addDays(d, n);
        expect(isIsoDate(e)).toBe(true);
        expect(daysBetween(d, e)).toBe(n);
        expect(addDays(e, -n)).toBe(d);
      }),
    );
  });

  it("matches UTC Date arithmetic", () => {
    fc.assert(
      fc.property(arbIsoDate, arbIsoDate, (a, b) => {
        const ms = Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`);
        expect(daysBetween(a, b)).toBe(ms / 86_400_000);
      }),
    );
  });

  it("daysBetween is additive", () => {
    fc.assert(
      fc.property(arbIsoDate, arbIsoDate, arbIsoDate, (a, b, c) => {
        expect(daysBetween(a, b) + daysBetween(b, c)).toBe(daysBetween(a, c));
      }),
    );
  });

  it("day numbers round-trip and start at 1970-01-01", () => {
    expect(isoDateToDayNumber("1970-01-01")).toBe(0);
    expect(dayNumberToIsoDate(-1)).toBe("1969-12-31");
    fc.assert(
      fc.property(arbIsoDate, (d) => {
        expect(dayNumberToIsoDate(isoDateToDayNumber(d))).toBe(d);
      }),
    );
  });
});

describe("comparison", () => {
  it("orders dates", () => {
    expect(compareIsoDates("2026-01-01", "2026-01-02")).toBe(-1);
    expect(compareIsoDates("2026-01-02", "2026-01-01")).toBe(1);
    expect(compareIsoDates("2026-01-01", "2026-01-01")).toBe(0);
    expect(["2027-01-01", "2026-12-31", "2026-02-01"].sort(compareIsoDates)).toEqual(["2026-02-01", "2026-12-31", "2027-01-01"]);
    expect(() => compareIsoDates("2026-01-01", "2026-02-31")).toThrow(RangeError);
  });

  it("agrees with the sign of daysBetween", () => {
    fc.assert(
      fc.property(arbIsoDate, arbIsoDate, (a, b) => {
        expect(compareIsoDates(a, b)).toBe(Math.sign(daysBetween(b, a)) || 0);
      }),
    );
  });

  it("max and min", () => {
    expect(maxIsoDate("2026-05-01", "2027-01-01", "2026-12-31")).toBe("2027-01-01");
    expect(minIsoDate("2026-05-01", "2027-01-01", "2026-12-31")).toBe("2026-05-01");
    expect(maxIsoDate("2026-05-01")).toBe("2026-05-01");
    expect(() => maxIsoDate("2026-02-30")).toThrow(RangeError);
  });
});

describe("todayIso", () => {
  it("uses the UTC calendar date, whatever the local time zone", () => {
    expect(todayIso(new Date("2026-03-14T00:00:00Z"))).toBe("2026-03-14");
    expect(todayIso(new Date("2026-03-14T23:59:59.999Z"))).toBe("2026-03-14");
    // 00:30 in London during British Summer Time is still the previous day in UTC.
    expect(todayIso(new Date("2026-07-01T00:30:00+01:00"))).toBe("2026-06-30");
    expect(isIsoDate(todayIso())).toBe(true);
  });

  it("rejects an invalid Date", () => {
    expect(() => todayIso(new Date("not a date"))).toThrow(RangeError);
  });
});

describe("parsing and formatting", () => {
  it("round-trips", () => {
    expect(parseIsoDate("2026-03-14")).toEqual({ year: 2026, month: 3, day: 14 });
    expect(formatIsoDate(2026, 3, 14)).toBe("2026-03-14");
    expect(formatIsoDate(33, 1, 2)).toBe("0033-01-02");
    expect(() => formatIsoDate(2026, 2, 29)).toThrow(RangeError);
    expect(() => formatIsoDate(10_000, 1, 1)).toThrow(RangeError);
    expect(() => parseIsoDate("2026-02-29")).toThrow(RangeError);
  });

  it("writes dates the UK way", () => {
    expect(formatLongDate("2026-03-14")).toBe("14 March 2026");
    expect(formatLongDate("2027-02-01")).toBe("1 February 2027");
  });
});

describe("dayDate and isoDay (DATE columns)", () => {
  it("are each other's inverse: a day is its midnight UTC", () => {
    expect(dayDate("2026-03-14").toISOString()).toBe("2026-03-14T00:00:00.000Z");
    expect(isoDay(new Date("2026-03-14T23:59:59Z"))).toBe("2026-03-14");
    expect(isoDay(null)).toBeNull();
    fc.assert(fc.property(arbIsoDate, (d) => isoDay(dayDate(d)) === d));
  });
});
