// The page a reader's report is about, from the page they came from (issue 12, item 6).
import { describe, expect, it } from "vitest";
import { reportedPath } from "../../src/domain/reports";

const SITE = "https://roadmap-tracker.example";

describe("the page a report is about", () => {
  it("is the path of a page of this site, at its public address or at the address the request came to", () => {
    expect(reportedPath(`${SITE}/commitments/x?as_of=2026-06-30`, SITE)).toBe("/commitments/x");
    expect(reportedPath("http://127.0.0.1:3000/commitments/x", SITE, "127.0.0.1:3000")).toBe("/commitments/x");
  });

  it("is the home page for another site, the report or editor pages, or nothing given", () => {
    expect(reportedPath("https://elsewhere.example/commitments/x", SITE, "127.0.0.1:3000")).toBe("/");
    expect(reportedPath("http://127.0.0.1:3000/commitments/x", SITE)).toBe("/");
    expect(reportedPath(`${SITE}/report`, SITE)).toBe("/");
    expect(reportedPath(`${SITE}/editor/reports`, SITE)).toBe("/");
    expect(reportedPath(null, SITE)).toBe("/");
  });
});
