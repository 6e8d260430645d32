// CSP violation reports reach the log only as a few known fields, quoted and cut short, and only
// so many a minute: nobody can write lines of their own into the server log.
import { describe, it, expect } from "vitest";
import { cspReportLines } from "../../src/server/csp-report";

describe("CSP violation reports", () => {
  it("log the directive, the page and what was blocked, without query strings, quoted", () => {
    const [line] = cspReportLines(
      JSON.stringify({
        "csp-report": { "document-uri": "https://t.example/editor?token=secret", "effective-directive": "style-src-elem", "blocked-uri": "inline" },
      }),
      1_000,
    );
    expect(line).toBe('[csp] violation directive="style-src-elem" page="https://t.example/editor" blocked="inline" line=""');
    const [reporting] = cspReportLines(
      JSON.stringify([
        {
          type: "csp-violation",
          body: {
            documentURL: "https://t.example/",
            effectiveDirective: "script-src-elem",
            blockedURL: "https://evil.example/x.js?q=1",
            lineNumber: 3,
          },
        },
      ]),
      2_000,
    );
    expect(reporting).toBe('[csp] violation directive="script-src-elem" page="https://t.example/" blocked="https://evil.example/x.js" line="3"');
  });

  it("never pass on line breaks, and ignore what is not a report", () => {
    const [line] = cspReportLines(JSON.stringify({ "csp-report": { "effective-directive": "x\n[auth] Database unavailable\r\n" } }), 3_000);
    expect(line).not.toMatch(/[\r\n]/);
    expect(cspReportLines("not json", 3_000)).toEqual([]);
    expect(cspReportLines(JSON.stringify({ hello: "world" }), 3_000)).toEqual([]);
  });

  it("write at most 30 lines a minute, then say how many were left out", () => {
    const report = JSON.stringify({ "csp-report": { "effective-directive": "img-src" } });
    const start = 10 * 60_000;
    const lines = Array.from({ length: 40 }, (_, i) => cspReportLines(report, start + i)).flat();
    expect(lines).toHaveLength(30);
    expect(cspReportLines(report, start + 60_000)[0]).toBe("[csp] 10 more reports in the last minute were not logged");
  });
});
