// The as-of engine with dates of every precision: updates take effect at the end of the period in
// which they are known to have happened, lateness compares that period with the due date, and a
// deadline missed while it was in effect stays missed.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { addDays, daysBetween } from "../../src/domain/dates";
import { resolveDeadline, type Precision } from "../../src/domain/deadline";
import { DATED_PRECISIONS, labelFor, resolvePastDate, type DateWindow } from "../../src/domain/occurrence";
import {
  stateAsOf,
  updateEffectiveOn,
  updateWindow,
  type CommitmentHistory,
  type CommitmentState,
  type DeadlineEvent,
  type StatusEvent,
} from "../../src/domain/history";
import { STATUS_CODES, isClosedStatus, type StatusCode } from "../../src/domain/status";

function deadline(label: string, precision: Precision, effectiveOn: string, sequence: number, reference = effectiveOn): DeadlineEvent {
  const r = resolveDeadline(label, precision, reference);
  if (!r.ok) throw new Error(r.error);
  return { label, precision, dueDate: r.dueDate, effectiveOn, sequence };
}

const JUNE: DateWindow = { from: "2026-06-01", to: "2026-06-30" };
const month = (label: string) => {
  const r = resolvePastDate(label, "month", "2030-01-01");
  if (!r.ok) throw new Error(r.error);
  return r.window;
};
/** An update confirmed in June 2026 (the Civil Service World summer issue), optionally saying when it happened. */
const reported = (status: StatusCode, sequence: number, occurred: DateWindow | null = null, confirmed = JUNE): StatusEvent => ({
  status,
  confirmedOn: confirmed.from,
  confirmedTo: confirmed.to,
  occurred,
  sequence,
});

function state(h: CommitmentHistory, asOf: string): CommitmentState {
  const s = stateAsOf(h, asOf);
  if (!s) throw new Error(`no state as of ${asOf}`);
  return s;
}

const dueInMarch = (updates: StatusEvent[], revisions: DeadlineEvent[] = []): CommitmentHistory => ({
  announcedOn: "2026-01-19",
  deadlines: [deadline("in March of this year", "month", "2026-01-19", 1, "2026-06-01"), ...revisions],
  updates,
});

describe("a launch in March 2026, due in March, reported in June", () => {
  const h = dueInMarch([reported("delivered", 10, month("March 2026"))]);

  it("is delivered on time, not 62 days late", () => {
    const s = state(h, "2026-12-01");
    expect(s.status).toBe("delivered");
    expect(s.lateness).toEqual({ kind: "on_time", minDays: 0, maxDays: 0 });
    expect(s.deliveredLate).toBe(false);
    expect(s.daysLate).toBe(0);
    expect(s.delivery).toEqual(month("March 2026"));
    expect(s.missedDeadlines).toEqual([]);
  });

  it("is delivered as of 15 April, and inside March the earlier status stands with the update pending", () => {
    expect(state(h, "2026-04-15")).toMatchObject({ status: "delivered", overdue: false, statusEffectiveOn: "2026-03-31", pending: null });
    expect(state(h, "2026-03-31").status).toBe("delivered");
    const inside = state(h, "2026-03-15");
    expect(inside).toMatchObject({ status: "not_started", overdue: false, statusEffectiveOn: null });
    expect(inside.pending).toEqual({ status: "delivered", sequence: 10, window: month("March 2026") });
    expect(state(h, "2026-02-27").pending).toBeNull();
  });
});

describe("updates whose source does not say when it happened", () => {
  it("take effect at the end of the confirmation period, which stands in for when it happened", () => {
    const h = dueInMarch([reported("in_progress", 10)]);
    expect(updateWindow(h.updates[0]!)).toEqual(JUNE);
    expect(updateEffectiveOn(h.updates[0]!)).toBe("2026-06-30");
    expect(state(h, "2026-06-15")).toMatchObject({ status: "not_started", pending: { status: "in_progress" } });
    expect(state(h, "2026-06-30")).toMatchObject({ status: "in_progress", statusConfirmedOn: "2026-06-01", pending: null });
  });

  it("a delivery known only from a June source is late against March by 62 to 91 days", () => {
    const s = state(dueInMarch([reported("delivered", 10)]), "2026-12-01");
    expect(s.lateness).toEqual({ kind: "late", minDays: 62, maxDays: 91 });
    expect(s.deliveredLate).toBe(true);
    expect(s.daysLate).toBe(62);
  });
});

describe("missed deadlines", () => {
  it("a deadline that passed and was then moved stays missed, with what followed", () => {
    const h = dueInMarch([], [deadline("spring 2027", "season", "2026-11-03", 2)]);
    const before = state(h, "2026-11-02");
    expect(before.missedDeadlines).toEqual([
      expect.objectContaining({ outcome: "overdue", missedOn: "2026-04-01", daysMissedBy: daysBetween("2026-03-31", "2026-11-02"), movedTo: null }),
    ]);
    const after = state(h, "2026-12-01");
    expect(after.overdue).toBe(false);
    expect(after.daysUntilDue).toBe(daysBetween("2026-12-01", "2027-05-31"));
    expect(after.missedDeadlines).toHaveLength(1);
    expect(after.missedDeadlines[0]).toMatchObject({
      deadline: { label: "in March of this year", dueDate: "2026-03-31" },
      outcome: "moved",
      outcomeOn: "2026-11-03",
      movedTo: { label: "spring 2027" },
      daysMissedBy: daysBetween("2026-03-31", "2026-11-02"),
    });
    // Not missed yet on the due date itself, nor before it.
    expect(state(h, "2026-03-31").missedDeadlines).toEqual([]);
  });

  it("a delivery wholly after the due date is a missed deadline, delivered late by a range", () => {
    const h = dueInMarch([reported("delivered", 10, month("May 2026"))]);
    const s = state(h, "2026-12-01");
    expect(s.lateness).toEqual({ kind: "late", minDays: 31, maxDays: 61 });
    expect(s.missedDeadlines).toEqual([
      expect.objectContaining({
        outcome: "delivered_late",
        outcomeOn: "2026-05-31",
        delivery: month("May 2026"),
        daysMissedBy: 31,
        daysMissedByMax: 61,
      }),
    ]);
  });

  it("a delivery across the due date is possibly late, and the deadline is not counted as missed", () => {
    const spring = { from: "2026-03-01", to: "2026-05-31" };
    const h = dueInMarch([reported("delivered", 10, spring)]);
    expect(state(h, "2026-12-01")).toMatchObject({
      lateness: { kind: "possibly_late", minDays: 0, maxDays: 61 },
      deliveredLate: false,
      missedDeadlines: [],
    });
    // In April the delivery may already have happened: overdue by the rules, but not a certain miss.
    const april = state(h, "2026-04-15");
    expect(april).toMatchObject({ overdue: true, pending: { status: "delivered" }, missedDeadlines: [] });
  });

  it("dropped after missing its deadline; reopened after a late delivery is overdue again", () => {
    const dropped = dueInMarch([reported("dropped", 10, month("May 2026"))]);
    expect(state(dropped, "2026-12-01").missedDeadlines).toEqual([
      expect.objectContaining({ outcome: "dropped", outcomeOn: "2026-05-31", daysMissedBy: daysBetween("2026-03-31", "2026-05-30") }),
    ]);
    const reopened = dueInMarch([
      reported("delivered", 10, month("May 2026")),
      reported("at_risk", 11, null, { from: "2026-09-01", to: "2026-09-30" }),
    ]);
    const s = state(reopened, "2026-12-01");
    expect(s).toMatchObject({ status: "at_risk", overdue: true });
    expect(s.missedDeadlines).toEqual([expect.objectContaining({ outcome: "overdue", daysMissedBy: s.daysOverdue })]);
  });

  it("an open deadline is never missed", () => {
    const h: CommitmentHistory = { announcedOn: "2026-01-19", deadlines: [deadline("ongoing", "open", "2026-01-19", 1)], updates: [] };
    expect(state(h, "2029-01-01").missedDeadlines).toEqual([]);
  });
});

// ---- properties ----------------------------------------------------------------------------

const ORIGIN = "2026-01-01";
const day = (n: number) => addDays(ORIGIN, n);
const arbPrecision = fc.constantFrom(...DATED_PRECISIONS);
/** A window of any precision around a day offset, as a source might state it. */
const arbWindow = (offset: fc.Arbitrary<number>) =>
  fc.record({ precision: arbPrecision, at: offset }).map(({ precision, at }) => {
    const r = resolvePastDate(labelFor(precision, day(at)), precision, "2035-01-01");
    if (!r.ok) throw new Error(r.error);
    return r.window;
  });

const arbHistory: fc.Arbitrary<CommitmentHistory> = fc
  .record({
    announced: fc.integer({ min: 0, max: 200 }),
    deadlines: fc.array(
      fc.record({ after: fc.integer({ min: 0, max: 700 }), due: fc.option(arbWindow(fc.integer({ min: -30, max: 900 })), { nil: null }) }),
      { minLength: 1, maxLength: 4 },
    ),
    updates: fc.array(
      fc.record({
        status: fc.constantFrom(...STATUS_CODES),
        confirmed: arbWindow(fc.integer({ min: -30, max: 900 })),
        occurred: fc.option(arbWindow(fc.integer({ min: -200, max: 900 })), { nil: null }),
      }),
      { maxLength: 7 },
    ),
  })
  .map(({ announced, deadlines, updates }) => {
    const announcedOn = day(announced);
    return {
      announcedOn,
      deadlines: deadlines.map((d, i): DeadlineEvent => ({
        label: `d${i}`,
        precision: d.due ? "day" : "open",
        dueDate: d.due?.to ?? null,
        effectiveOn: i === 0 ? announcedOn : addDays(announcedOn, d.after),
        sequence: i + 1,
      })),
      updates: updates.map((u, i): StatusEvent => ({
        status: u.status,
        confirmedOn: u.confirmed.from,
        confirmedTo: u.confirmed.to,
        // An occurrence that begins after its confirmation is refused when recorded; leave it out here.
        occurred: u.occurred && u.occurred.from <= u.confirmed.to ? u.occurred : null,
        sequence: 100 + i,
      })),
    };
  });
const arbAsOf = fc.integer({ min: -10, max: 1400 }).map(day);

describe("properties of the as-of engine with windows", () => {
  it("the status is that of the latest update in effect: the last day of its known window on or before the date", () => {
    fc.assert(
      fc.property(arbHistory, arbAsOf, (h, asOf) => {
        const s = stateAsOf(h, asOf);
        if (!s) return;
        let best: StatusEvent | undefined;
        for (const u of h.updates) {
          const e = updateEffectiveOn(u);
          if (e > asOf) continue;
          if (!best || e > updateEffectiveOn(best) || (e === updateEffectiveOn(best) && u.sequence > best.sequence)) best = u;
        }
        expect(s.status).toBe(best?.status ?? "not_started");
        expect(s.statusSequence).toBe(best?.sequence ?? null);
        // An effective date is never after the confirmation, nor before the occurrence began.
        for (const u of h.updates) {
          const w = updateWindow(u);
          expect(w.to <= (u.confirmedTo ?? u.confirmedOn)).toBe(true);
          if (u.occurred) expect(w.from).toBe(u.occurred.from);
        }
      }),
    );
  });

  it("a pending update's period contains the date, and it has not taken effect", () => {
    fc.assert(
      fc.property(arbHistory, arbAsOf, (h, asOf) => {
        const s = stateAsOf(h, asOf);
        if (!s?.pending) return;
        expect(s.pending.window.from <= asOf && asOf < s.pending.window.to).toBe(true);
      }),
    );
  });

  it("missed stays missed: a deadline missed by one date is missed by every later date", () => {
    fc.assert(
      fc.property(arbHistory, arbAsOf, fc.integer({ min: 0, max: 800 }), (h, asOf, later) => {
        const a = stateAsOf(h, asOf);
        const b = stateAsOf(h, addDays(asOf, later));
        if (!a || !b) return;
        const seqs = (s: CommitmentState) => s.missedDeadlines.map((m) => m.deadline.sequence);
        for (const seq of seqs(a)) expect(seqs(b)).toContain(seq);
        for (const m of a.missedDeadlines)
          expect(b.missedDeadlines.find((x) => x.deadline.sequence === m.deadline.sequence)?.missedOn).toBe(m.missedOn);
      }),
    );
  });

  it("a missed deadline was certainly overdue on the day it counts from", () => {
    fc.assert(
      fc.property(arbHistory, arbAsOf, (h, asOf) => {
        const s = stateAsOf(h, asOf);
        if (!s) return;
        for (const m of s.missedDeadlines) {
          expect(m.deadline.dueDate < m.missedOn && m.missedOn <= asOf).toBe(true);
          const then = stateAsOf(h, m.missedOn)!;
          expect(then.deadline?.sequence).toBe(m.deadline.sequence);
          expect(then.overdue).toBe(true);
          const closingPending = h.updates.some(
            (u) => isClosedStatus(u.status) && updateWindow(u).from <= m.missedOn && m.missedOn < updateEffectiveOn(u),
          );
          expect(closingPending).toBe(false);
          expect(m.daysMissedBy).toBeGreaterThanOrEqual(m.outcome === "overdue" ? 1 : 0);
          expect(m.daysMissedBy <= m.daysMissedByMax).toBe(true);
          if (m.outcome === "delivered_late") expect(m.daysMissedBy).toBeGreaterThanOrEqual(1);
          if (m.outcome === "moved") expect(m.movedTo && m.outcomeOn! <= asOf && m.outcomeOn! > m.missedOn).toBe(true);
        }
      }),
    );
  });

  it("overdue with no update that may have closed it means the deadline in effect is missed and still overdue", () => {
    fc.assert(
      fc.property(arbHistory, arbAsOf, (h, asOf) => {
        const s = stateAsOf(h, asOf);
        if (!s || !s.overdue) return;
        const mayHaveClosed = h.updates.some((u) => isClosedStatus(u.status) && updateWindow(u).from <= asOf && asOf < updateEffectiveOn(u));
        const entry = s.missedDeadlines.find((m) => m.deadline.sequence === s.deadline?.sequence);
        if (!mayHaveClosed) expect(entry).toMatchObject({ outcome: "overdue", daysMissedBy: s.daysOverdue });
        else if (entry) expect(entry.outcome).toBe("overdue");
      }),
    );
  });

  it("delivered late exactly when the delivery's known window lies wholly after the due date then", () => {
    fc.assert(
      fc.property(arbHistory, arbAsOf, (h, asOf) => {
        const s = stateAsOf(h, asOf);
        if (!s) return;
        if (!s.delivery || !s.lateness) {
          expect(s.deliveredLate).toBe(false);
          expect(s.daysLate).toBe(0);
          return;
        }
        expect(s.deliveredLate).toBe(s.lateness.kind === "late");
        expect(s.daysLate).toBe(s.deliveredLate ? s.lateness.minDays : 0);
      }),
    );
  });

  it("an update whose period begins after the date makes no difference to it", () => {
    fc.assert(
      fc.property(arbHistory, arbAsOf, (h, asOf) => {
        const s = stateAsOf(h, asOf);
        if (!s) return;
        const known = { ...h, updates: h.updates.filter((u) => updateWindow(u).from <= asOf) };
        expect(stateAsOf(known, asOf)).toEqual(s);
      }),
    );
  });
});
