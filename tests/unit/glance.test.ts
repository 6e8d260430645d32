import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  headlineSentence,
  monthPoints,
  monthLabel,
  quarterIndex,
  quarterLabel,
  quarterLongLabel,
  quarterOf,
  quarterWindow,
  quartersBetween,
  type HeadlineCounts,
} from "../../src/domain/glance";
import { addDays, lastDayOfMonth } from "../../src/domain/dates";
import { PUBLIC_STATUS_CODES, deliveredCount, type PublicStatusCode } from "../../src/domain/status";

const counts = (h: Partial<HeadlineCounts>): HeadlineCounts => ({
  total: 67,
  delivered: 9,
  deliveredDifferently: 0,
  overdue: 10,
  missed: 12,
  noDeadline: 41,
  ...h,
});

describe("headlineSentence", () => {
  it("says the issue's example with the real numbers", () => {
    expect(headlineSentence(counts({}))).toBe(
      "Of 67 commitments, 9 are delivered, 10 are overdue and 12 have missed a deadline; 41 have no published deadline.",
    );
  });

  it("is singular for one, and says none for zero", () => {
    expect(headlineSentence(counts({ delivered: 1, overdue: 1, missed: 1, noDeadline: 1 }))).toBe(
      "Of 67 commitments, 1 is delivered, 1 is overdue and 1 has missed a deadline; 1 has no published deadline.",
    );
    expect(headlineSentence(counts({ delivered: 0, overdue: 0, missed: 0, noDeadline: 0 }))).toBe(
      "Of 67 commitments, none are delivered, none are overdue and none have missed a deadline; all have a published deadline.",
    );
    expect(headlineSentence(counts({ total: 1, delivered: 0, overdue: 0, missed: 0, noDeadline: 0 }))).toBe(
      "Of 1 commitment, none are delivered, none are overdue and none have missed a deadline; it has a published deadline.",
    );
    expect(headlineSentence(counts({ total: 5, delivered: 0, overdue: 0, missed: 0, noDeadline: 5 }))).toMatch(/; none has a published deadline\.$/);
  });

  it("says how many were delivered differently, and nothing when none were", () => {
    expect(headlineSentence(counts({ delivered: 9, deliveredDifferently: 2 }))).toContain("9 are delivered (2 of them differently), ");
    expect(headlineSentence(counts({}))).not.toContain("differently");
  });

  it("says so when nothing had been announced", () => {
    expect(headlineSentence({ total: 0, delivered: 0, deliveredDifferently: 0, overdue: 0, missed: 0, noDeadline: 0 })).toBe(
      "No commitments had been announced.",
    );
  });

  it("writes large numbers as people read them, and refuses what is not a count", () => {
    expect(headlineSentence(counts({ total: 1200, noDeadline: 1001 }))).toMatch(/^Of 1,200 commitments, .*; 1,001 have no published deadline\.$/);
    expect(() => headlineSentence(counts({ overdue: -1 }))).toThrow(RangeError);
    expect(() => headlineSentence(counts({ missed: 1.5 }))).toThrow(RangeError);
  });

  it("states every number it is given, and no other", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), (total, [a, b, c, d]) => {
        const h = {
          total,
          delivered: a! % (total + 1),
          deliveredDifferently: 0,
          overdue: b! % (total + 1),
          missed: c! % (total + 1),
          noDeadline: d! % (total + 1),
        };
        const sentence = headlineSentence(h);
        const stated = (sentence.match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replace(/,/g, "")));
        const expected = [h.total, h.delivered, h.overdue, h.missed, h.noDeadline].filter((n, i) => n > 0 && !(i === 4 && n === total && total > 1));
        expect(stated).toEqual(expected);
      }),
    );
  });
});

describe("monthPoints", () => {
  it("reads every month on its last day, and the as-of month on the as-of date", () => {
    expect(monthPoints("2026-01-19", "2026-04-10")).toEqual([
      { month: "2026-01", on: "2026-01-31" },
      { month: "2026-02", on: "2026-02-28" },
      { month: "2026-03", on: "2026-03-31" },
      { month: "2026-04", on: "2026-04-10" },
    ]);
    expect(monthPoints("2026-01-19", "2026-01-19")).toEqual([{ month: "2026-01", on: "2026-01-19" }]);
    expect(monthPoints("2026-01-19", "2026-01-05")).toEqual([]);
    expect(monthLabel("2026-03")).toBe("March 2026");
  });

  it("has one point per month, in order, never after the as-of date, the last on it", () => {
    const arbDate = fc.integer({ min: 0, max: 2000 }).map((n) => addDays("2026-01-01", n));
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 0, max: 1500 }), (from, gap) => {
        const to = addDays(from, gap);
        const points = monthPoints(from, to);
        expect(points[0]!.month).toBe(from.slice(0, 7));
        expect(points.at(-1)!.on).toBe(to);
        for (const [i, p] of points.entries()) {
          expect(p.on <= to).toBe(true);
          expect(p.on.slice(0, 7)).toBe(p.month);
          if (i < points.length - 1) expect(p.on).toBe(lastDayOfMonth(Number(p.month.slice(0, 4)), Number(p.month.slice(5, 7))));
          if (i > 0) expect(p.month > points[i - 1]!.month).toBe(true);
        }
      }),
    );
  });
});

describe("quarters", () => {
  it("are calendar quarters", () => {
    expect(quarterOf("2026-03-31")).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf("2026-04-01")).toEqual({ year: 2026, quarter: 2 });
    expect(quarterLabel(quarterOf("2027-02-28"))).toBe("Q1 2027");
    expect(quarterLongLabel({ year: 2026, quarter: 2 })).toBe("April to June 2026");
    expect(quarterWindow({ year: 2026, quarter: 4 })).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(quartersBetween("2026-01-01", "2030-12-31")).toHaveLength(20);
  });

  it("every day falls in the window of its quarter, and quarters in order are consecutive", () => {
    const arbDate = fc.integer({ min: 0, max: 4000 }).map((n) => addDays("2025-01-01", n));
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 0, max: 800 }), (d, gap) => {
        const w = quarterWindow(quarterOf(d));
        expect(w.from <= d && d <= w.to).toBe(true);
        const qs = quartersBetween(d, addDays(d, gap));
        for (let i = 1; i < qs.length; i++) expect(quarterIndex(qs[i]!)).toBe(quarterIndex(qs[i - 1]!) + 1);
        expect(quarterIndex(qs.at(-1)!)).toBe(quarterIndex(quarterOf(addDays(d, gap))));
      }),
    );
  });
});

describe("deliveredCount", () => {
  it("adds exactly the statuses isDeliveredStatus names, whatever the counts", () => {
    const codes = [...PUBLIC_STATUS_CODES];
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: codes.length, maxLength: codes.length }), (ns) => {
        const counts = Object.fromEntries(codes.map((code, i) => [code, ns[i]!])) as Record<PublicStatusCode, number>;
        expect(deliveredCount(counts)).toBe(counts.delivered + counts.delivered_differently);
      }),
    );
  });
});
