import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  SCORECARD_DEFINITIONS,
  SCORECARD_MEASURES,
  SCORECARD_SORTS,
  defaultOrder,
  scorecardMeasures,
  sortScorecard,
  tallyScorecard,
  type ScorecardFacts,
  type ScorecardRow,
} from "../../src/domain/scorecard";
import { PUBLIC_STATUS_CODES, isClosedStatus, isDeliveredStatus } from "../../src/domain/status";
import { LATENESS_KINDS } from "../../src/domain/lateness";
import { MISSED_OUTCOMES } from "../../src/domain/history";

const arbFacts: fc.Arbitrary<ScorecardFacts> = fc.record({
  status: fc.constantFrom(...PUBLIC_STATUS_CODES),
  dueDate: fc.option(fc.constantFrom("2026-03-31", "2026-12-31", "2027-06-30"), { nil: null }),
  overdue: fc.boolean(),
  lateness: fc.option(fc.constantFrom(...LATENESS_KINDS), { nil: null }),
  missedOutcomes: fc.array(fc.constantFrom(...MISSED_OUTCOMES), { maxLength: 4 }),
});

describe("scorecard measures", () => {
  it("are each defined once, with a label and what it counts", () => {
    expect(SCORECARD_DEFINITIONS.map((d) => d.measure)).toEqual([...SCORECARD_MEASURES]);
    for (const d of SCORECARD_DEFINITIONS) {
      expect(d.label.length).toBeGreaterThan(0);
      expect(d.counts).toMatch(/\.$/);
    }
  });

  it("never count a commitment both on time and late, and count only delivered ones as either", () => {
    fc.assert(
      fc.property(arbFacts, (f) => {
        const m = scorecardMeasures(f);
        expect(m.includes("delivered_on_time") && m.includes("delivered_late")).toBe(false);
        if (m.includes("delivered_on_time") || m.includes("delivered_late")) expect(isDeliveredStatus(f.status)).toBe(true);
      }),
    );
  });

  it("count exactly what each rule says", () => {
    fc.assert(
      fc.property(arbFacts, (f) => {
        const m = new Set(scorecardMeasures(f));
        expect(m.has("delivered_on_time")).toBe(isDeliveredStatus(f.status) && f.lateness === "on_time");
        expect(m.has("delivered_late")).toBe(isDeliveredStatus(f.status) && f.lateness === "late");
        expect(m.has("overdue")).toBe(f.overdue);
        expect(m.has("missed_then_moved")).toBe(f.missedOutcomes.includes("moved"));
        expect(m.has("no_deadline")).toBe(f.dueDate === null);
        expect(m.has("no_progress_reported")).toBe(f.status === "no_progress_reported");
      }),
    );
  });

  it("do not count a possibly late delivery as on time or late", () => {
    const m = scorecardMeasures({ status: "delivered", dueDate: "2026-04-30", overdue: false, lateness: "possibly_late", missedOutcomes: [] });
    expect(m).toEqual([]);
  });

  it("count a commitment that missed a deadline, had it moved and is overdue again in both columns", () => {
    const m = scorecardMeasures({
      status: "in_progress",
      dueDate: "2026-06-30",
      overdue: true,
      lateness: null,
      missedOutcomes: ["moved", "overdue"],
    });
    expect(m).toEqual(["overdue", "missed_then_moved"]);
  });

  it("tally: each count is the number of commitments the rule holds for, and none exceeds the total", () => {
    fc.assert(
      fc.property(fc.array(arbFacts, { maxLength: 30 }), (items) => {
        const t = tallyScorecard(items);
        expect(t.total).toBe(items.length);
        for (const d of SCORECARD_DEFINITIONS) {
          expect(t[d.measure]).toBe(items.filter(d.applies).length);
          expect(t[d.measure]).toBeLessThanOrEqual(t.total);
        }
        // An open commitment with no deadline is never overdue in real data; closed ones never are.
        const realistic = items.filter((f) => !(f.overdue && (f.dueDate === null || isClosedStatus(f.status))));
        const r = tallyScorecard(realistic);
        expect(r.overdue + r.no_deadline).toBeLessThanOrEqual(r.total);
      }),
    );
  });
});

const arbRow: fc.Arbitrary<ScorecardRow> = fc
  .record({
    slug: fc.stringMatching(/^[a-z]{1,6}$/),
    name: fc.constantFrom("Cabinet Office", "HM Treasury", "Government Digital Service", "Ministry of Defence", "Home Office"),
    leads: fc.nat(20),
    counts: fc.array(fc.nat(20), { minLength: SCORECARD_MEASURES.length, maxLength: SCORECARD_MEASURES.length }),
  })
  .map(
    ({ counts, ...r }) => ({ ...r, abbreviation: null, ...Object.fromEntries(SCORECARD_MEASURES.map((m, i) => [m, counts[i]!])) }) as ScorecardRow,
  );

describe("sortScorecard", () => {
  it("orders by the column asked, ties by name, and reversing the order reverses the column's values", () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbRow, { selector: (r) => r.slug, maxLength: 12 }), fc.constantFrom(...SCORECARD_SORTS), (rows, sort) => {
        const asc = sortScorecard(rows, sort, "asc");
        const desc = sortScorecard(rows, sort, "desc");
        expect(asc).toHaveLength(rows.length);
        expect(new Set(asc.map((r) => r.slug))).toEqual(new Set(rows.map((r) => r.slug)));
        if (sort !== "name") {
          const values = asc.map((r) => r[sort]);
          expect(values).toEqual([...values].sort((a, b) => a - b));
          expect(desc.map((r) => r[sort])).toEqual([...values].reverse());
        } else {
          const names = asc.map((r) => r.name);
          expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en-GB")));
        }
      }),
    );
  });

  it("sorts names A to Z and numbers largest first by default", () => {
    expect(defaultOrder("name")).toBe("asc");
    for (const m of SCORECARD_MEASURES) expect(defaultOrder(m)).toBe("desc");
  });
});
