import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { ATTENTION_RULES, STALE_AFTER_DAYS, UPCOMING_DAYS, isStale, staleBefore, upcomingWindow } from "../../src/domain/attention";
import { STATUS_CODES, isClosedStatus } from "../../src/domain/status";
import { addDays, daysBetween } from "../../src/domain/dates";

const arbDate = fc.integer({ min: 0, max: 3000 }).map((n) => addDays("2026-01-01", n));

describe("isStale", () => {
  it("is true exactly when an open commitment was last confirmed more than STALE_AFTER_DAYS days before", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUS_CODES),
        fc.option(arbDate, { nil: null }),
        arbDate,
        fc.integer({ min: 0, max: 400 }),
        (status, confirmed, announced, gap) => {
          const last = confirmed ?? announced;
          const asOf = addDays(last, gap);
          const stale = isStale({ status, statusConfirmedOn: confirmed, announcedOn: announced }, asOf);
          expect(stale).toBe(!isClosedStatus(status) && daysBetween(last, asOf) > STALE_AFTER_DAYS);
        },
      ),
    );
  });

  it("flags day 91, not day 90, and never a closed commitment", () => {
    const facts = { status: "in_progress" as const, statusConfirmedOn: "2026-06-01", announcedOn: "2026-01-19" };
    expect(isStale(facts, addDays("2026-06-01", STALE_AFTER_DAYS))).toBe(false);
    expect(isStale(facts, addDays("2026-06-01", STALE_AFTER_DAYS + 1))).toBe(true);
    expect(isStale({ ...facts, status: "delivered" }, "2030-01-01")).toBe(false);
    // Nothing confirmed yet: counted from the announcement.
    expect(isStale({ ...facts, statusConfirmedOn: null }, addDays("2026-01-19", STALE_AFTER_DAYS + 1))).toBe(true);
  });

  it("agrees with staleBefore, the cut-off the editor's SQL uses", () => {
    fc.assert(
      fc.property(arbDate, arbDate, (last, asOf) => {
        expect(isStale({ status: "at_risk", statusConfirmedOn: last, announcedOn: last }, asOf)).toBe(last < staleBefore(asOf));
      }),
    );
  });
});

describe("upcomingWindow", () => {
  it("runs from the date for UPCOMING_DAYS days", () => {
    expect(upcomingWindow("2026-11-21")).toEqual({ from: "2026-11-21", to: addDays("2026-11-21", UPCOMING_DAYS) });
  });
});

describe("ATTENTION_RULES", () => {
  it("states the numbers the code uses", () => {
    expect(ATTENTION_RULES.join(" ")).toContain(`more than ${STALE_AFTER_DAYS} days`);
    expect(ATTENTION_RULES.join(" ")).toContain(`next ${UPCOMING_DAYS} days`);
  });
});
