// Each web worker's internal render listener (src/server/internal-listener.ts) is its own: under
// node:cluster a plain listen(0) in a worker is shared through the primary, so the response
// cache's renders asked by one worker would be answered by whichever worker took the connection.
// Two real cluster workers each listen, then ask their own origin over new connections.
import { describe, expect, it } from "vitest";
import { repoModule, runClusterScript } from "../helpers/cluster-script";

type Report = { pid: number; origin: string; answeredBy: number[] };

/** A cluster of two workers, each calling `listen` and reporting who answered its origin. */
function clusterScript(listen: string): string {
  return `
import cluster from "node:cluster";
import { listenInternally } from ${repoModule("src/server/internal-listener.ts")};
if (cluster.isPrimary) {
  const workers = [cluster.fork(), cluster.fork()];
  const listening = new Set();
  const reports = [];
  for (const worker of workers) {
    worker.on("message", (message) => {
      if (message === "listening") {
        listening.add(worker.id);
        if (listening.size === workers.length) workers[0].send("go");
      } else {
        // One worker asks at a time, so the other is idle and could take any of its connections.
        reports.push(message);
        if (reports.length < workers.length) workers[reports.length].send("go");
        else {
          console.log(JSON.stringify(reports));
          for (const w of workers) w.kill();
        }
      }
    });
  }
} else {
  const { server, origin } = await (${listen})();
  server.on("request", (request, response) => response.end(String(process.pid)));
  process.on("message", async () => {
    const answeredBy = [];
    for (let i = 0; i < 6; i += 1) answeredBy.push(Number(await (await fetch(origin, { headers: { connection: "close" } })).text()));
    process.send({ pid: process.pid, origin, answeredBy });
  });
  process.send("listening");
}
`;
}

function runCluster(listen: string): Promise<Report[]> {
  return runClusterScript<Report[]>(clusterScript(listen));
}

describe("the internal render listener under node:cluster", () => {
  it("is each worker's own: its origin is answered only by the worker that listens on it", async () => {
    const reports = await runCluster("listenInternally");
    expect(new Set(reports.map((r) => r.origin)).size).toBe(2);
    for (const report of reports) expect(report.answeredBy).toEqual(Array(6).fill(report.pid));
  });

  it("would not be with a plain listen(0), which the workers share through the primary (what the fix is for)", async () => {
    const plain = `async () => {
      const http = await import("node:http");
      const server = http.createServer();
      await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
      return { server, origin: "http://127.0.0.1:" + server.address().port };
    }`;
    const reports = await runCluster(plain);
    expect(new Set(reports.map((r) => r.origin)).size).toBe(1);
    const pids = reports.map((r) => r.pid);
    // The primary hands the connections to the workers in turn: each worker's renders land in both.
    for (const report of reports) expect(new Set(report.answeredBy)).toEqual(new Set(pids));
  });
});
