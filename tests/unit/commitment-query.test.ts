import { describe, it, expect } from "vitest";
import { parseCommitmentQuery } from "../../src/schemas/commitment-query";

const TODAY = "2026-11-21";
const parse = (qs: string) => parseCommitmentQuery(new URLSearchParams(qs), TODAY);

describe("commitment list parameters", () => {
  it("uses sensible defaults", () => {
    const { query, errors } = parse("");
    expect(errors).toEqual([]);
    expect(query).toMatchObject({ area: [], status: [], asOf: TODAY, asOfGiven: false, sort: "due", page: 1, pageSize: 25 });
  });

  it("combines repeated and single filters", () => {
    const { query, errors } = parse(
      "status=delivered&status=at_risk&area=ai-for-the-public-good&overdue=true&due_before=2026-12-31&q=cloud&as_of=2026-06-30&page=2",
    );
    expect(errors).toEqual([]);
    expect(query).toMatchObject({
      status: ["delivered", "at_risk"],
      area: ["ai-for-the-public-good"],
      overdue: true,
      dueBefore: "2026-12-31",
      q: "cloud",
      asOf: "2026-06-30",
      asOfGiven: true,
      sort: "relevance",
      page: 2,
    });
  });

  it("names every bad parameter and ignores only those", () => {
    const { query, errors } = parse(
      `status=bogus&as_of=2026-13-45&page=-1&q=${"x".repeat(5000)}&area=Not%20A%20Slug&sort=random&due_after=2026-02-30`,
    );
    expect(errors.map((e) => e.field).sort()).toEqual(["area", "as_of", "due_after", "page", "q", "sort", "status"]);
    expect(errors.find((e) => e.field === "status")!.message).toMatch(/status "bogus"/);
    expect(errors.find((e) => e.field === "as_of")!.message).toMatch(/not a real calendar date|YYYY-MM-DD/);
    expect(errors.find((e) => e.field === "q")!.message).toMatch(/at most 200 characters/);
    expect(query).toMatchObject({ status: [], asOf: TODAY, page: 1, sort: "due", q: undefined });
  });

  it("refuses as-of dates in the future or before the roadmap", () => {
    expect(parse("as_of=2030-01-01").errors[0]!.message).toMatch(/cannot be in the future/);
    expect(parse("as_of=2025-06-01").errors[0]!.message).toMatch(/on or after 2026-01-01/);
  });

  it("refuses a search containing U+0000, which PostgreSQL text cannot hold", () => {
    const { errors, query } = parse("q=a%00b");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe("q");
    expect(errors[0]!.message).toMatch(/must not contain the character U\+0000$/);
    expect(query.q).toBeUndefined();
  });

  it("refuses a due_after later than due_before", () => {
    const { errors, query } = parse("due_after=2027-01-01&due_before=2026-01-01");
    expect(errors).toEqual([{ field: "due_after", message: "due_after must be on or before due_before" }]);
    expect(query.dueAfter).toBeUndefined();
  });
});
