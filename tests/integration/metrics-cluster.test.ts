// The metrics under node:cluster (src/server/metrics.ts, as scripts/server/serve.ts uses it with
// WEB_CONCURRENCY above 1): a scrape answered by the primary, or by a worker that asks the
// primary, adds up every worker's numbers and the primary's own; a worker that does not answer
// in time is left out, and the gauge of workers reporting says so. Three real cluster workers.
import { describe, expect, it } from "vitest";
import { repoModule, runClusterScript } from "../helpers/cluster-script";

type Scrapes = { primary: string; forwarded: string; oneStuck: string };

const program = `
import cluster from "node:cluster";
import { breakerState, countRequest, metricsText, outboxDepth, shareMetricsAcrossCluster, workerRestart } from ${repoModule("src/server/metrics.ts")};
shareMetricsAcrossCluster();
if (cluster.isPrimary) {
  cluster.setupPrimary({ serialization: "advanced" });
  // What only the primary knows: the outbox worker's depth, a restart.
  outboxDepth(7);
  workerRestart("server");
  const workers = [cluster.fork(), cluster.fork(), cluster.fork()];
  let counted = 0;
  let primary = "";
  cluster.on("message", async (worker, message) => {
    if (message === "counted" && ++counted === workers.length) {
      primary = (await metricsText()).body;
      workers[0].send("scrape");
    }
    if (message?.forwarded) {
      workers[2].send("hang");
      const oneStuck = (await metricsText()).body;
      for (const w of workers) w.process.kill("SIGKILL");
      process.stdout.write(JSON.stringify({ primary, forwarded: message.forwarded, oneStuck }) + "\\n", () => process.exit(0));
    }
  });
} else {
  // Worker n answers n page requests; workers 2 and 3 have their breakers open.
  for (let i = 0; i < cluster.worker.id; i += 1) countRequest("page", 200, 5);
  if (cluster.worker.id >= 2) breakerState("open");
  process.on("message", async (message) => {
    if (message === "scrape") process.send({ forwarded: (await metricsText()).body });
    // Stuck for longer than the primary waits for an answer.
    if (message === "hang") for (const until = Date.now() + 4000; Date.now() < until; );
  });
  process.send("counted");
}
`;

function value(body: string, series: string): number | undefined {
  const line = body.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("the metrics under node:cluster", () => {
  it("add up every worker's numbers and the primary's, whoever is asked, and leave out a worker that does not answer", async () => {
    const scrapes = await runClusterScript<Scrapes>(program);
    for (const body of [scrapes.primary, scrapes.forwarded]) {
      expect(value(body, 'rt_http_requests_total{kind="page",status="200"}')).toBe(1 + 2 + 3);
      expect(value(body, 'rt_http_request_duration_seconds_count{kind="page",status_class="2xx"}')).toBe(6);
      expect(value(body, "rt_metrics_workers_reporting")).toBe(3);
      // Gauges that are states take the largest value, not the sum.
      expect(value(body, "rt_outbox_depth")).toBe(7);
      expect(value(body, "rt_database_breaker_open")).toBe(1);
      expect(value(body, 'rt_worker_restarts_total{worker="server"}')).toBe(1);
      expect(body).toMatch(/^# TYPE rt_http_requests_total counter$/m);
    }
    expect(value(scrapes.oneStuck, "rt_metrics_workers_reporting")).toBe(2);
    expect(value(scrapes.oneStuck, 'rt_http_requests_total{kind="page",status="200"}')).toBe(1 + 2);
    expect(value(scrapes.oneStuck, "rt_outbox_depth")).toBe(7);
    expect(value(scrapes.oneStuck, "rt_database_breaker_open")).toBe(1);
  });
});
