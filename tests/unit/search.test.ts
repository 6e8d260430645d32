import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { SYNONYM_GROUPS, expandSearch } from "../../src/domain/search";

describe("expandSearch", () => {
  it("turns a phrase of a group into the whole group, leaving the rest as typed", () => {
    const e = expandSearch("Artificial Intelligence in schools");
    expect(e.groups).toHaveLength(1);
    expect(e.groups[0]).toContain("ai");
    expect(e.rest).toBe("in schools");
    expect(expandSearch("onelogin").groups[0]).toContain("one login");
    expect(expandSearch("one login").rest).toBe("");
  });

  it("prefers the longest phrase: generative AI is one phrase, not 'generative' and AI", () => {
    expect(expandSearch("generative ai tools")).toEqual({ groups: [[...SYNONYM_GROUPS[0]!]], rest: "tools" });
  });

  it("matches whole words only", () => {
    expect(expandSearch("aim").groups).toEqual([]);
    expect(expandSearch("capita").groups).toEqual([]);
    expect(expandSearch("cloudy").groups).toEqual([]);
  });

  it("finds several groups", () => {
    const e = expandSearch("HMRC apis");
    expect(e.groups.map((g) => g[0])).toEqual(["api", "hmrc"]);
    expect(e.rest).toBe("");
  });

  it("leaves quoted phrases, exclusions and 'or' exactly as typed", () => {
    for (const q of ['"artificial intelligence"', "ai -education", "ai or cloud"]) expect(expandSearch(q)).toEqual({ groups: [], rest: q });
  });

  it("every phrase of every group finds its own group, whatever the case and spacing", () => {
    const all = SYNONYM_GROUPS.flatMap((g, i) => g.map((p) => ({ p, i })));
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.boolean(), fc.constantFrom(" ", "  ", "\t"), ({ p, i }, upper, space) => {
        const typed = `${space}${upper ? p.toUpperCase() : p}${space}`;
        const e = expandSearch(typed);
        expect(e.groups.some((g) => g.join() === SYNONYM_GROUPS[i]!.join())).toBe(true);
        expect(e.rest).toBe("");
      }),
    );
  });

  it("never loses a word that is in no group", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("roadmap", "schools", "pupils", "strategy", "hub"), { minLength: 1, maxLength: 4 }), (words) => {
        expect(expandSearch(words.join(" "))).toEqual({ groups: [], rest: words.join(" ") });
      }),
    );
  });
});
