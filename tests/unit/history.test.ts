import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { addDays, daysBetween, formatLongDate, maxIsoDate } from "../../src/domain/dates";
import { DEADLINE_READING_RULES, DEADLINE_RULES, resolveDeadline, type Precision } from "../../src/domain/deadline";
import { OCCURRENCE_EXAMPLES, OCCURRENCE_RULES, datePrecisionLabel } from "../../src/domain/occurrence";
import { LATENESS_EXAMPLES, LATENESS_RULES, describeExample } from "../../src/domain/lateness";
import { VERSION_RULES } from "../../src/domain/versions";
import {
  MISSED_RULES,
  HISTORY_RULES,
  type CommitmentHistory,
  type CommitmentState,
  type DeadlineEvent,
  type StatusEvent,
  currentState,
  lastEventDate,
  stateAsOf,
} from "../../src/domain/history";
import {
  STATUS_CODES,
  STATUS_DEFINITIONS,
  type StatusCode,
  isClosedStatus,
  isDeliveredStatus,
  isStatusCode,
  statusLabel,
} from "../../src/domain/status";

// ---- helpers -------------------------------------------------------------------------------

function deadline(label: string, precision: Precision, effectiveOn: string, sequence: number, referenceDate = effectiveOn): DeadlineEvent {
  const r = resolveDeadline(label, precision, referenceDate);
  if (!r.ok) throw new Error(r.error);
  return { label, precision, dueDate: r.dueDate, effectiveOn, sequence };
}

const update = (status: StatusCode, confirmedOn: string, sequence: number): StatusEvent => ({ status, confirmedOn, sequence });

function state(history: CommitmentHistory, asOf: string): CommitmentState {
  const s = stateAsOf(history, asOf);
  if (s === null) throw new Error(`expected a state as of ${asOf}`);
  return s;
}

/** Announced 21 January 2026, due "summer 2026" (31 August 2026). */
const base = (updates: StatusEvent[] = [], revisions: DeadlineEvent[] = []): CommitmentHistory => ({
  announcedOn: "2026-01-21",
  deadlines: [deadline("summer 2026", "season", "2026-01-21", 1), ...revisions],
  updates,
});

// ---- unit cases ----------------------------------------------------------------------------

describe("existence", () => {
  it("is null before the announcement and exists from the announcement day", () => {
    const h = base();
    expect(stateAsOf(h, "2026-01-20")).toBeNull();
    expect(stateAsOf(h, "2025-06-01")).toBeNull();
    expect(state(h, "2026-01-21")).toEqual({
      status: "not_started",
      statusConfirmedOn: null,
      statusSequence: null,
      statusEffectiveOn: null,
      pending: null,
      deadline: h.deadlines[0],
      dueDate: "2026-08-31",
      overdue: false,
      daysOverdue: 0,
      daysUntilDue: daysBetween("2026-01-21", "2026-08-31"),
      delivery: null,
      lateness: null,
      deliveredLate: false,
      daysLate: 0,
      revisionsCount: 0,
      missedDeadlines: [],
    });
  });

  it("rejects an invalid as-of date or history date rather than guessing", () => {
    expect(() => stateAsOf(base(), "2026-02-30")).toThrow(RangeError);
    expect(() => stateAsOf(base(), "yesterday")).toThrow(RangeError);
    expect(() => stateAsOf(base([update("in_progress", "2026-13-01", 1)]), "2026-06-01")).toThrow(RangeError);
  });
});

describe("status as of a date", () => {
  const h = base([update("in_progress", "2026-03-01", 1), update("at_risk", "2026-05-10", 2), update("in_progress", "2026-06-20", 3)]);

  it("is the latest update confirmed on or before the date", () => {
    expect(state(h, "2026-02-28").status).toBe("not_started");
    expect(state(h, "2026-03-01")).toMatchObject({ status: "in_progress", statusConfirmedOn: "2026-03-01" });
    expect(state(h, "2026-05-09")).toMatchObject({ status: "in_progress", statusConfirmedOn: "2026-03-01" });
    expect(state(h, "2026-05-10")).toMatchObject({ status: "at_risk", statusConfirmedOn: "2026-05-10" });
    expect(state(h, "2026-07-01")).toMatchObject({ status: "in_progress", statusConfirmedOn: "2026-06-20" });
  });

  it("breaks ties on the same day by publication order, whatever the array order", () => {
    const tie = base([update("delivered", "2026-04-01", 7), update("at_risk", "2026-04-01", 3)]);
    expect(state(tie, "2026-04-01").status).toBe("delivered");
    const reversed = base([update("at_risk", "2026-04-01", 9), update("delivered", "2026-04-01", 3)]);
    expect(state(reversed, "2026-04-01").status).toBe("at_risk");
  });

  it("uses confirmation date, not publication order, across different days", () => {
    // Published later (sequence 2) but confirmed earlier: the 1 May update is the latest.
    const h2 = base([update("at_risk", "2026-05-01", 1), update("in_progress", "2026-04-01", 2)]);
    expect(state(h2, "2026-06-01").status).toBe("at_risk");
  });
});

describe("overdue", () => {
  it("is not overdue on the due date, and overdue from the day after", () => {
    const h = base([update("in_progress", "2026-03-01", 1)]);
    expect(state(h, "2026-08-31")).toMatchObject({ overdue: false, daysOverdue: 0, daysUntilDue: 0 });
    expect(state(h, "2026-09-01")).toMatchObject({ overdue: true, daysOverdue: 1, daysUntilDue: null });
    expect(state(h, "2026-12-31")).toMatchObject({ overdue: true, daysOverdue: 122 });
  });

  it("a commitment with no update is overdue once its date passes", () => {
    expect(state(base(), "2026-09-10")).toMatchObject({ status: "not_started", overdue: true, daysOverdue: 10 });
  });

  it.each(["delivered", "delivered_differently", "dropped"] as const)("is never overdue once %s", (status) => {
    const h = base([update(status, "2026-10-01", 1)]);
    expect(state(h, "2026-09-30")).toMatchObject({ status: "not_started", overdue: true, daysOverdue: 30 });
    expect(state(h, "2026-10-01")).toMatchObject({ status, overdue: false, daysOverdue: 0, daysUntilDue: null });
    expect(state(h, "2030-01-01")).toMatchObject({ overdue: false, daysOverdue: 0 });
  });

  it("at risk and in progress can be overdue", () => {
    expect(state(base([update("at_risk", "2026-08-01", 1)]), "2026-09-02")).toMatchObject({ overdue: true, daysOverdue: 2 });
  });

  it("an open deadline is never overdue and has no days until due", () => {
    const h: CommitmentHistory = { announcedOn: "2026-01-21", deadlines: [deadline("ongoing", "open", "2026-01-21", 1)], updates: [] };
    expect(state(h, "2099-12-31")).toMatchObject({ dueDate: null, overdue: false, daysOverdue: 0, daysUntilDue: null });
  });

  it("a commitment with no deadline at all is never overdue", () => {
    const h: CommitmentHistory = { announcedOn: "2026-01-21", deadlines: [], updates: [] };
    expect(state(h, "2099-12-31")).toMatchObject({ deadline: null, dueDate: null, overdue: false, revisionsCount: 0 });
  });
});

describe("deadline revisions", () => {
  const revised = base([update("in_progress", "2026-03-01", 1)], [deadline("by the end of 2026", "year", "2026-07-15", 2)]);

  it("uses the original deadline until the revision takes effect", () => {
    expect(state(revised, "2026-07-14")).toMatchObject({ dueDate: "2026-08-31", revisionsCount: 0 });
    expect(state(revised, "2026-07-14").deadline?.label).toBe("summer 2026");
    expect(state(revised, "2026-07-15")).toMatchObject({ dueDate: "2026-12-31", revisionsCount: 1 });
    expect(state(revised, "2026-07-15").deadline?.label).toBe("by the end of 2026");
  });

  it("moving the deadline changes what is overdue only from the revision date", () => {
    const late = base([], [deadline("by the end of 2026", "year", "2026-10-01", 2)]);
    // As of September, the published deadline had passed.
    expect(state(late, "2026-09-15")).toMatchObject({ overdue: true, daysOverdue: 15 });
    // From October the revised deadline applies.
    expect(state(late, "2026-10-01")).toMatchObject({ overdue: false, daysUntilDue: 91, revisionsCount: 1 });
  });

  it("counts only revisions in effect, and breaks ties by publication order", () => {
    const h = base(
      [],
      [deadline("Q4 2026", "quarter", "2026-03-01", 3), deadline("2027", "year", "2026-03-01", 2), deadline("2028", "year", "2027-01-01", 4)],
    );
    expect(state(h, "2026-02-28").revisionsCount).toBe(0);
    expect(state(h, "2026-03-01")).toMatchObject({ revisionsCount: 2, dueDate: "2026-12-31" });
    expect(state(h, "2027-01-01")).toMatchObject({ revisionsCount: 3, dueDate: "2028-12-31" });
  });

  it("falls back to the earliest deadline when none has taken effect yet", () => {
    const h: CommitmentHistory = {
      announcedOn: "2026-01-21",
      deadlines: [deadline("2027", "year", "2026-06-01", 2), deadline("summer 2026", "season", "2026-02-01", 1, "2026-01-21")],
      updates: [],
    };
    expect(state(h, "2026-01-21")).toMatchObject({ dueDate: "2026-08-31", revisionsCount: 0 });
    expect(state(h, "2026-02-01")).toMatchObject({ dueDate: "2026-08-31", revisionsCount: 0 });
    expect(state(h, "2026-06-01")).toMatchObject({ dueDate: "2027-12-31", revisionsCount: 1 });
  });
});

describe("delivered late", () => {
  it("is late when delivery is confirmed after the due date", () => {
    const h = base([update("in_progress", "2026-03-01", 1), update("delivered", "2026-09-10", 2)]);
    expect(state(h, "2026-09-09")).toMatchObject({ overdue: true, deliveredLate: false, daysLate: 0 });
    expect(state(h, "2026-09-10")).toMatchObject({ status: "delivered", overdue: false, deliveredLate: true, daysLate: 10 });
    expect(state(h, "2028-01-01")).toMatchObject({ deliveredLate: true, daysLate: 10 });
  });

  it("is on time when confirmed on the due date", () => {
    const h = base([update("delivered", "2026-08-31", 1)]);
    expect(state(h, "2026-12-01")).toMatchObject({ deliveredLate: false, daysLate: 0 });
  });

  it("applies to delivered differently but not to dropped", () => {
    expect(state(base([update("delivered_differently", "2026-09-02", 1)]), "2026-10-01")).toMatchObject({ deliveredLate: true, daysLate: 2 });
    expect(state(base([update("dropped", "2026-09-02", 1)]), "2026-10-01")).toMatchObject({ deliveredLate: false, daysLate: 0, overdue: false });
  });

  it("uses the deadline in effect on the confirmation date", () => {
    // Extended before delivery: on time.
    const extended = base([update("delivered", "2026-11-01", 2)], [deadline("by the end of 2026", "year", "2026-08-01", 1)]);
    expect(state(extended, "2026-12-01")).toMatchObject({ deliveredLate: false, daysLate: 0 });
    // Extended after delivery: still late against the deadline at the time.
    const backfilled = base([update("delivered", "2026-11-01", 2)], [deadline("by the end of 2026", "year", "2026-11-15", 3)]);
    expect(state(backfilled, "2026-12-01")).toMatchObject({ deliveredLate: true, daysLate: 62, dueDate: "2026-12-31" });
    // Brought forward before delivery: late against the new, earlier date.
    const shortened = base([update("delivered", "2026-07-10", 2)], [deadline("June 2026", "month", "2026-03-01", 1)]);
    expect(state(shortened, "2026-08-01")).toMatchObject({ deliveredLate: true, daysLate: 10 });
  });

  it("counts from the first confirmation in the current run of delivered statuses", () => {
    const run = base([update("delivered", "2026-08-20", 1), update("delivered_differently", "2026-10-05", 2)]);
    expect(state(run, "2026-11-01")).toMatchObject({ status: "delivered_differently", deliveredLate: false, daysLate: 0 });

    const reopened = base([update("delivered", "2026-08-20", 1), update("at_risk", "2026-09-01", 2), update("delivered", "2026-09-30", 3)]);
    expect(state(reopened, "2026-08-31")).toMatchObject({ status: "delivered", deliveredLate: false });
    expect(state(reopened, "2026-09-15")).toMatchObject({ status: "at_risk", overdue: true, daysOverdue: 15, deliveredLate: false });
    expect(state(reopened, "2026-10-01")).toMatchObject({ status: "delivered", deliveredLate: true, daysLate: 30 });
  });

  it("an open deadline can never be delivered late", () => {
    const h: CommitmentHistory = {
      announcedOn: "2026-01-21",
      deadlines: [deadline("ongoing", "open", "2026-01-21", 1)],
      updates: [update("delivered", "2031-01-01", 1)],
    };
    expect(state(h, "2031-01-01")).toMatchObject({ deliveredLate: false, daysLate: 0 });
  });
});

describe("currentState and rules", () => {
  it("currentState is the state as of today", () => {
    const h = base([update("at_risk", "2026-06-01", 1)]);
    expect(currentState(h, "2026-09-05")).toEqual(stateAsOf(h, "2026-09-05"));
    expect(currentState(h, "2026-01-01")).toBeNull();
  });

  it("lastEventDate is the latest date in the history", () => {
    expect(lastEventDate(base())).toBe("2026-01-21");
    expect(lastEventDate(base([update("in_progress", "2026-03-01", 1)], [deadline("2027", "year", "2026-07-01", 2)]))).toBe("2026-07-01");
  });

  it("publishes the rules in plain English", () => {
    expect(HISTORY_RULES.length).toBeGreaterThanOrEqual(5);
    const text = HISTORY_RULES.join(" ");
    for (const phrase of ["overdue", "Delivered differently", "Dropped", "delivered late", "revision"]) {
      expect(text.toLowerCase()).toContain(phrase.toLowerCase());
    }
  });
});

// ---- properties ----------------------------------------------------------------------------

const ORIGIN = "2026-01-01";
const day = (offset: number) => addDays(ORIGIN, offset);

/** Day offsets: mostly spread out, sometimes bunched together so that same-day ties occur. */
const arbOffset = fc.oneof(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 20 }));

const arbHistory: fc.Arbitrary<CommitmentHistory> = fc
  .record({
    announced: fc.integer({ min: 0, max: 400 }),
    original: fc.option(arbOffset, { nil: null }),
    revisions: fc.array(fc.record({ after: arbOffset, due: fc.option(arbOffset, { nil: null }) }), { maxLength: 4 }),
    updates: fc.array(fc.record({ status: fc.constantFrom(...STATUS_CODES), after: fc.integer({ min: -30, max: 1500 }) }), { maxLength: 8 }),
    sequences: fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 13, maxLength: 13 }),
  })
  .map(({ announced, original, revisions, updates, sequences }) => {
    const announcedOn = day(announced);
    const seq = (i: number) => sequences[i] ?? i;
    const deadlines: DeadlineEvent[] = [
      { label: "original", precision: "day", dueDate: original === null ? null : day(original), effectiveOn: announcedOn, sequence: 0 },
      ...revisions.map((r, i): DeadlineEvent => ({
        label: `revision ${i + 1}`,
        precision: "day",
        dueDate: r.due === null ? null : day(r.due),
        effectiveOn: day(announced + r.after),
        sequence: seq(i),
      })),
    ];
    return {
      announcedOn,
      deadlines,
      updates: updates.map((u, i): StatusEvent => ({ status: u.status, confirmedOn: day(announced + u.after), sequence: seq(i + 4) })),
    };
  });

const arbAsOf = fc.integer({ min: -10, max: 3500 }).map(day);

/** An independent, deliberately naive statement of the status rule. */
function oracleStatus(h: CommitmentHistory, asOf: string): StatusEvent | undefined {
  let best: StatusEvent | undefined;
  for (const u of h.updates) {
    if (u.confirmedOn > asOf) continue;
    if (!best || u.confirmedOn > best.confirmedOn || (u.confirmedOn === best.confirmedOn && u.sequence > best.sequence)) best = u;
  }
  return best;
}

/** The history as it would have been recorded by a date: later events had not happened. */
function truncate(h: CommitmentHistory, asOf: string): CommitmentHistory {
  const effective = h.deadlines.filter((d) => d.effectiveOn <= asOf);
  return {
    announcedOn: h.announcedOn,
    // The original deadline is always known from the announcement.
    deadlines: effective.length > 0 ? effective : h.deadlines.slice(0, 1),
    updates: h.updates.filter((u) => u.confirmedOn <= asOf),
  };
}

describe("properties of the as-of engine", () => {
  it("stateAsOf is null exactly before the announcement date", () => {
    fc.assert(
      fc.property(arbHistory, arbAsOf, (h, asOf) => {
        expect(stateAsOf(h, asOf) === null).toBe(asOf < h.announcedOn);
      }),
    );
  });

  it("the status is the latest confirmed update, ties broken by publication order", () => {
    fc.assert(
      fc.property(arbHistory, arbAsOf, (h, asOf) => {
        const s = stateAsOf(h, asOf);
        if (s === null) return;
        const expected = oracleStatus(h, asOf);
        expect(s.status).toBe(expected?.status ?? "not_started");
        expect(s.statusConfirmedOn).toBe(expected?.confirmedOn ?? null);
      }),
    );
  });

  it("does not depend on the order events are stored in", () => {
    fc.assert(
      fc.property(
        arbHistory.chain((h) =>
          fc.tuple(
            fc.constant(h),
            fc.shuffledSubarray([...h.deadlines], { minLength: h.deadlines.length }),
            fc.shuffledSubarray([...h.updates], { minLength: h.updates.length }),
          ),
        ),
        arbAsOf,
        ([h, deadlines, updates], asOf) => {
          expect(stateAsOf({ ...h, deadlines, updates }, asOf)).toEqual(stateAsOf(h, asOf));
        },
      ),
    );
  });

  it("events after the as-of date make no difference to it", () => {
    fc.assert(
      fc.property(arbHistory, arbAsOf, (h, asOf) => {
        expect(stateAsOf(truncate(h, asOf), asOf)).toEqual(stateAsOf(h, asOf));
      }),
    );
  });

  it("on or after the last event, the state as of a date equals currentState then, and only the clock-driven fields change", () => {
    fc.assert(
      fc.property(arbHistory, fc.nat(2000), fc.nat(2000), (h, a, b) => {
        const last = lastEventDate(h);
        const d1 = addDays(last, Math.min(a, b));
        const d2 = addDays(last, Math.max(a, b));
        const s1 = state(h, d1);
        const s2 = state(h, d2);
        expect(currentState(h, d1)).toEqual(s1);
        expect(currentState(h, d2)).toEqual(s2);
        const fixed = (s: CommitmentState) => ({
          status: s.status,
          statusConfirmedOn: s.statusConfirmedOn,
          deadline: s.deadline,
          dueDate: s.dueDate,
          deliveredLate: s.deliveredLate,
          daysLate: s.daysLate,
          revisionsCount: s.revisionsCount,
        });
        expect(fixed(s2)).toEqual(fixed(s1));
        expect(s1.revisionsCount).toBe(h.deadlines.length - 1);
      }),
    );
  });

  it("with no later events, a later as-of date never makes a closed commitment overdue", () => {
    fc.assert(
      fc.property(arbHistory, fc.nat(3000), fc.nat(3000), (h, a, extra) => {
        const d1 = addDays(lastEventDate(h), a);
        const d2 = addDays(d1, extra);
        const s1 = state(h, d1);
        if (!isClosedStatus(s1.status)) return;
        const s2 = state(h, d2);
        expect(s2.status).toBe(s1.status);
        expect(s2.overdue).toBe(false);
        expect(s2.daysOverdue).toBe(0);
      }),
    );
  });

  it("once overdue with no later events, it stays overdue and the count grows day by day", () => {
    fc.assert(
      fc.property(arbHistory, fc.nat(3000), fc.nat(3000), (h, a, extra) => {
        const d1 = addDays(lastEventDate(h), a);
        const s1 = state(h, d1);
        if (!s1.overdue) return;
        const s2 = state(h, addDays(d1, extra));
        expect(s2.overdue).toBe(true);
        expect(s2.daysOverdue).toBe(s1.daysOverdue + extra);
      }),
    );
  });

  it("overdue, daysOverdue and daysUntilDue are consistent with the rules", () => {
    fc.assert(
      fc.property(arbHistory, arbAsOf, (h, asOf) => {
        const s = stateAsOf(h, asOf);
        if (s === null) return;
        const closed = isClosedStatus(s.status);
        // daysOverdue is 0 exactly when not overdue
        expect(s.daysOverdue === 0).toBe(!s.overdue);
        // overdue exactly when there is a due date, it has passed, and the commitment is open
        expect(s.overdue).toBe(s.dueDate !== null && asOf > s.dueDate && !closed);
        if (s.overdue) {
          expect(closed).toBe(false);
          expect(asOf > s.dueDate!).toBe(true);
          expect(s.daysOverdue).toBe(daysBetween(s.dueDate!, asOf));
          expect(s.daysOverdue).toBeGreaterThan(0);
          expect(s.daysUntilDue).toBeNull();
        }
        if (s.daysUntilDue !== null) {
          expect(closed).toBe(false);
          expect(s.daysUntilDue).toBeGreaterThanOrEqual(0);
          expect(addDays(asOf, s.daysUntilDue)).toBe(s.dueDate);
        }
        // an open (not closed) commitment with a date is either overdue or has days until due
        if (!closed && s.dueDate !== null) expect(s.overdue !== (s.daysUntilDue !== null)).toBe(true);
        expect(s.dueDate).toBe(s.deadline?.dueDate ?? null);
      }),
    );
  });

  it("delivered late only for delivered statuses, with a positive number of days", () => {
    fc.assert(
      fc.property(arbHistory, arbAsOf, (h, asOf) => {
        const s = stateAsOf(h, asOf);
        if (s === null) return;
        if (s.deliveredLate) {
          expect(isDeliveredStatus(s.status)).toBe(true);
          expect(s.daysLate).toBeGreaterThan(0);
          expect(s.overdue).toBe(false);
        } else {
          expect(s.daysLate).toBe(0);
        }
      }),
    );
  });

  it("delivery confirmed on or before every due date is never late", () => {
    fc.assert(
      fc.property(arbHistory, arbAsOf, (h, asOf) => {
        const dues = h.deadlines.map((d) => d.dueDate).filter((d): d is string => d !== null);
        const s = stateAsOf(h, asOf);
        if (s === null || dues.length !== h.deadlines.length) return;
        const firstDue = dues.reduce((a, b) => (a < b ? a : b));
        const delivered = h.updates.filter((u) => isDeliveredStatus(u.status) && u.confirmedOn <= asOf);
        if (delivered.every((u) => u.confirmedOn <= firstDue)) expect(s.deliveredLate).toBe(false);
      }),
    );
  });

  it("the revision count never goes down and never exceeds the revisions recorded", () => {
    fc.assert(
      fc.property(arbHistory, arbAsOf, fc.nat(1000), (h, asOf, extra) => {
        const d1 = maxIsoDate(asOf, h.announcedOn);
        const r1 = state(h, d1).revisionsCount;
        const r2 = state(h, addDays(d1, extra)).revisionsCount;
        expect(r2).toBeGreaterThanOrEqual(r1);
        expect(r2).toBeLessThanOrEqual(h.deadlines.length - 1);
      }),
    );
  });
});

// ---- statuses and the published write-up --------------------------------------------------

describe("status taxonomy", () => {
  it("has stable codes, in order, with labels and tones", () => {
    expect(STATUS_DEFINITIONS.map((d) => d.code)).toEqual([...STATUS_CODES]);
    expect(STATUS_CODES.map(statusLabel)).toEqual(["Not started", "In progress", "At risk", "Delivered", "Delivered differently", "Dropped"]);
    expect(STATUS_DEFINITIONS.map((d) => d.tone)).toEqual(["grey", "blue", "orange", "green", "turquoise", "red"]);
    for (const d of STATUS_DEFINITIONS) expect(d.description.length).toBeGreaterThan(40);
  });

  it("closed means delivered, delivered differently or dropped; delivered means the first two", () => {
    expect(STATUS_CODES.filter(isClosedStatus)).toEqual(["delivered", "delivered_differently", "dropped"]);
    expect(STATUS_CODES.filter(isDeliveredStatus)).toEqual(["delivered", "delivered_differently"]);
    for (const d of STATUS_DEFINITIONS) expect(d.closed).toBe(isClosedStatus(d.code));
  });

  it("recognises status codes", () => {
    expect(isStatusCode("at_risk")).toBe(true);
    expect(isStatusCode("At risk")).toBe(false);
    expect(isStatusCode("overdue")).toBe(false);
    expect(isStatusCode(undefined)).toBe(false);
  });
});

describe("docs/rules.md", () => {
  const doc = readFileSync(new URL("../../docs/rules.md", import.meta.url), "utf8");

  it("states the status definitions exactly as the code does", () => {
    for (const d of STATUS_DEFINITIONS) {
      expect(doc).toContain(`| \`${d.code}\` | ${d.label} | ${d.closed ? "yes" : "no"} | ${d.description} |`);
    }
  });

  it("states the deadline rules and examples exactly as the code computes them", () => {
    for (const r of DEADLINE_READING_RULES) expect(doc).toContain(`- ${r}`);
    for (const r of DEADLINE_RULES) {
      expect(doc).toContain(`### ${r.name} (\`${r.precision}\`)\n\n${r.rule}\n`);
      for (const e of r.examples) {
        const shown = (d: string | null) => (d === null ? "none" : formatLongDate(d));
        expect(doc).toContain(`| ${e.label} | ${formatLongDate(e.referenceDate)} | ${shown(e.windowStart)} | ${shown(e.dueDate)} |`);
      }
    }
  });

  it("states the as-of, overdue and delivered-late rules exactly as the code does", () => {
    for (const r of HISTORY_RULES) expect(doc).toContain(`- ${r}`);
  });

  it("states the rules for dates, lateness, missed deadlines and versions, with the examples the code computes", () => {
    for (const r of [...OCCURRENCE_RULES, ...LATENESS_RULES, ...MISSED_RULES, ...VERSION_RULES]) expect(doc).toContain(`- ${r}`);
    for (const e of OCCURRENCE_EXAMPLES)
      expect(doc).toContain(`| ${e.label} | ${datePrecisionLabel(e.precision)} | ${formatLongDate(e.from)} | ${formatLongDate(e.to)} |`);
    for (const e of LATENESS_EXAMPLES) expect(doc).toContain(`- ${describeExample(e)}`);
  });
});
