// When it happened, when it was confirmed: reading dates of past events by the deadline rules,
// looking back; the known window of an update and the day it takes effect; lateness.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { addDays, daysBetween } from "../../src/domain/dates";
import { resolveDateLabel, resolveDeadline } from "../../src/domain/deadline";
import {
  DATED_PRECISIONS,
  OCCURRENCE_EXAMPLES,
  detectDatePrecision,
  effectiveDate,
  knownWindow,
  labelFor,
  resolveConfirmedDate,
  resolveOccurrence,
  resolvePastDate,
  type DateWindow,
  type DatedPrecision,
} from "../../src/domain/occurrence";
import { LATENESS_EXAMPLES, lateness, latenessPhrase } from "../../src/domain/lateness";
import { dayRange } from "../../src/domain/wording";

const window = (label: string, precision: DatedPrecision, reference: string): DateWindow => {
  const r = resolvePastDate(label, precision, reference);
  if (!r.ok) throw new Error(r.error);
  return r.window;
};

describe("reading when something happened", () => {
  it("reads a label without a year looking back from the reference date", () => {
    expect(window("in March", "month", "2026-06-30")).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(window("in June", "month", "2026-06-30")).toEqual({ from: "2026-06-01", to: "2026-06-30" });
    expect(window("in July", "month", "2026-06-30")).toEqual({ from: "2025-07-01", to: "2025-07-31" });
    expect(window("this summer", "season", "2026-06-30")).toEqual({ from: "2026-06-01", to: "2026-08-31" });
    expect(window("this summer", "season", "2026-04-01")).toEqual({ from: "2025-06-01", to: "2025-08-31" });
    expect(window("Q3", "quarter", "2026-06-30")).toEqual({ from: "2025-07-01", to: "2025-09-30" });
    expect(window("January last year", "month", "2026-06-30")).toEqual({ from: "2025-01-01", to: "2025-01-31" });
    expect(window("last year", "year", "2026-06-30")).toEqual({ from: "2025-01-01", to: "2025-12-31" });
  });

  it("deadlines still look ahead, so the same words can mean different periods", () => {
    expect(resolveDeadline("in March", "month", "2026-06-30")).toEqual({ ok: true, windowStart: "2027-03-01", dueDate: "2027-03-31" });
    expect(resolveDateLabel("in March", "month", "2026-06-30", "past")).toEqual({ ok: true, windowStart: "2026-03-01", dueDate: "2026-03-31" });
  });

  it("refuses labels it cannot read, the wrong precision and 'open'", () => {
    expect(resolvePastDate("when the spending review lands", "month", "2026-06-30").ok).toBe(false);
    expect(resolvePastDate("summer 2026", "month", "2026-06-30")).toMatchObject({ ok: false, error: expect.stringContaining("describes a season") });
    expect(resolvePastDate("ongoing", "open", "2026-06-30").ok).toBe(false);
    expect(detectDatePrecision("ongoing", "2026-06-30")).toBeNull();
    expect(detectDatePrecision("spring 2026", "2026-06-30")).toBe("season");
  });

  it("refuses an occurrence that begins after its confirmation, and a confirmation in the future", () => {
    const june = { from: "2026-06-01", to: "2026-06-30" };
    expect(resolveOccurrence("July 2026", "month", june)).toMatchObject({ ok: false, error: expect.stringContaining("begins after the evidence") });
    expect(resolveOccurrence("summer 2026", "season", june)).toEqual({ ok: true, window: { from: "2026-06-01", to: "2026-08-31" } });
    expect(resolveConfirmedDate("December 2026", "month", "2026-11-30")).toMatchObject({
      ok: false,
      error: expect.stringContaining("has not begun yet"),
    });
    expect(resolveConfirmedDate("November 2026", "month", "2026-11-30")).toEqual({ ok: true, window: { from: "2026-11-01", to: "2026-11-30" } });
  });

  it("the known window is the occurrence cut at the confirmation, or the confirmation", () => {
    const june = { from: "2026-06-01", to: "2026-06-30" };
    expect(knownWindow(null, june)).toEqual(june);
    expect(knownWindow({ from: "2026-03-01", to: "2026-03-31" }, june)).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(knownWindow({ from: "2026-06-01", to: "2026-08-31" }, june)).toEqual(june);
    expect(effectiveDate({ from: "2026-03-01", to: "2026-03-31" }, june)).toBe("2026-03-31");
    expect(effectiveDate(null, june)).toBe("2026-06-30");
    expect(() => knownWindow({ from: "2026-07-01", to: "2026-07-31" }, june)).toThrow(RangeError);
  });

  it("publishes examples computed by the code", () => {
    expect(OCCURRENCE_EXAMPLES.map((e) => [e.label, e.from, e.to])).toEqual([
      ["in March", "2026-03-01", "2026-03-31"],
      ["March 2026", "2026-03-01", "2026-03-31"],
      ["this summer", "2026-06-01", "2026-08-31"],
      ["January last year", "2025-01-01", "2025-01-31"],
      ["14 April 2026", "2026-04-14", "2026-04-14"],
      ["2026", "2026-01-01", "2026-12-31"],
    ]);
  });
});

// ---- properties across every precision -----------------------------------------------------

const arbDay = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays("2025-01-01", n));
const arbPrecision = fc.constantFrom(...DATED_PRECISIONS);
/** A period of any precision, written the usual way, and the window it describes. */
const arbDated = fc.record({ precision: arbPrecision, day: arbDay }).map(({ precision, day }) => {
  const label = labelFor(precision, day);
  return { precision, day, label, window: window(label, precision, "2030-01-01") };
});

describe("properties of date windows", () => {
  it("the usual label of a period of any precision contains its day, and reads the same either way", () => {
    fc.assert(
      fc.property(arbDated, fc.integer({ min: 0, max: 2000 }), ({ precision, day, label, window: w }, later) => {
        expect(w.from <= day && day <= w.to).toBe(true);
        expect(detectDatePrecision(label, day)).toBe(precision);
        const ref = addDays(w.to, later);
        expect(resolvePastDate(label, precision, ref)).toEqual({ ok: true, window: w });
        const ahead = resolveDateLabel(label, precision, ref, "upcoming");
        expect(ahead).toEqual({ ok: true, windowStart: w.from, dueDate: w.to });
      }),
    );
  });

  it("a month or season named without a year never begins after the reference date when read looking back", () => {
    const names = ["January", "March", "June", "September", "December", "this spring", "this summer", "this autumn", "this winter", "Q1", "Q4"];
    fc.assert(
      fc.property(fc.constantFrom(...names), arbDay, (name, ref) => {
        const precision = detectDatePrecision(name, ref)!;
        const w = window(name, precision, ref);
        expect(w.from <= ref).toBe(true);
        // and it is the latest such period: the same period a year on has not begun by ref
        expect(addDays(w.from, 366) > ref || precision === "quarter").toBe(true);
      }),
    );
  });
});

describe("lateness", () => {
  it("a delivery inside the month it was due is on time; wholly after is late by a range; across is uncertain", () => {
    const [march, may, day, spring] = LATENESS_EXAMPLES;
    expect(march!.lateness).toEqual({ kind: "on_time", minDays: 0, maxDays: 0 });
    expect(may!.lateness).toEqual({ kind: "late", minDays: 31, maxDays: 61 });
    expect(may!.phrase).toBe("Delivered late by 31–61 days");
    expect(day!.lateness).toEqual({ kind: "late", minDays: 14, maxDays: 14 });
    expect(day!.phrase).toBe("Delivered late by 14 days");
    expect(spring!.lateness).toEqual({ kind: "possibly_late", minDays: 0, maxDays: 31 });
    expect(spring!.phrase).toBe("Possibly delivered late: by up to 31 days");
    expect(latenessPhrase({ kind: "late", minDays: 1, maxDays: 1 })).toBe("Delivered late by 1 day");
    expect(dayRange(1, 30)).toBe("1–30 days");
  });

  it("compares the windows of every precision on both sides by the rule", () => {
    fc.assert(
      fc.property(arbDated, arbDated, (happened, due) => {
        const l = lateness(happened.window, due.window.to);
        const { from, to } = happened.window;
        const dueDate = due.window.to;
        if (to <= dueDate) expect(l).toEqual({ kind: "on_time", minDays: 0, maxDays: 0 });
        else if (from > dueDate) expect(l).toEqual({ kind: "late", minDays: daysBetween(dueDate, from), maxDays: daysBetween(dueDate, to) });
        else expect(l).toEqual({ kind: "possibly_late", minDays: 0, maxDays: daysBetween(dueDate, to) });
        expect(l.minDays <= l.maxDays).toBe(true);
        if (l.kind === "late") expect(l.minDays).toBeGreaterThanOrEqual(1);
        if (happened.precision === "day" && l.kind !== "on_time") expect(l).toMatchObject({ kind: "late", minDays: l.maxDays });
        // The true delivery day is in the window, so its true lateness is within the stated range.
        const trueLate = Math.max(0, daysBetween(dueDate, happened.day));
        expect(trueLate >= l.minDays && trueLate <= l.maxDays).toBe(true);
      }),
    );
  });

  it("happening later is never less late", () => {
    fc.assert(
      fc.property(arbDated, fc.integer({ min: 0, max: 400 }), arbDay, (happened, shift, due) => {
        const a = lateness(happened.window, due);
        const b = lateness({ from: addDays(happened.window.from, shift), to: addDays(happened.window.to, shift) }, due);
        expect(b.minDays >= a.minDays && b.maxDays >= a.maxDays).toBe(true);
      }),
    );
  });
});
