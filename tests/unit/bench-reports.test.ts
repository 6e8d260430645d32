// What the benchmark reads and writes: wrk's report (the scale-out figures come from it) and
// docs/benchmarks.md's sections (a full `npm run bench` must keep what other commands wrote).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWrk } from "../../scripts/harness/peers/wrk";
import { keptSections, writeSection } from "../../scripts/harness/bench/report-sections";

const WRK_REPORT = `Running 10s test @ http://127.0.0.1:3504/
  1 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.93ms  420.11us  12.40ms   91.20%
    Req/Sec    26.01k     1.02k   27.90k    78.00%
  Latency Distribution
     50%    1.87ms
     75%    2.01ms
     90%    2.30ms
     99%  850.00us
  258812 requests in 10.00s, 7.02GB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:  25876.52
Transfer/sec:    718.81MB
`;

describe("wrk's report", () => {
  it("gives requests per second, latency percentiles in milliseconds, and every error", () => {
    expect(parseWrk(WRK_REPORT)).toEqual({ requestsPerSecond: 25876.52, p50Ms: 1.87, p99Ms: 0.85, requests: 258812, errors: 3, non2xx: 4 });
  });

  it("refuses a report it cannot read rather than reporting zeros", () => {
    expect(() => parseWrk("unable to connect to 127.0.0.1:3504 Connection refused")).toThrow(/could not read wrk's report/);
  });
});

describe("docs/benchmarks.md's sections", () => {
  it("are each replaced by their own command and all kept, in order, for the rest of the file to be rewritten", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-report-")), "benchmarks.md");
    fs.writeFileSync(file, "# Benchmarks\n\nmeasured\n\n<!-- Notes below this line are written by people and kept by npm run bench. -->\nnotes\n");
    writeSection(file, "lighthouse", "## Lighthouse\n\nscores");
    writeSection(file, "bench:queries", "## Query cost by size\n\ntable");
    writeSection(file, "scale-out", "## Scale-out\n\nfirst", "bench");
    writeSection(file, "scale-out", "## Scale-out\n\nsecond", "bench");
    const text = fs.readFileSync(file, "utf8");
    expect(text).not.toContain("first");
    expect(text).toContain("<!-- scale-out: written by npm run bench -->\n## Scale-out\n\nsecond\n<!-- scale-out: end -->");
    expect(keptSections(text).map((s) => s.split("\n")[1])).toEqual(["## Lighthouse", "## Query cost by size", "## Scale-out"]);
    expect(text.trimEnd().endsWith("notes")).toBe(true);
  });
});
