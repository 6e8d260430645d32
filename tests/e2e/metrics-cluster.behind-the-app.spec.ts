// The metrics of an instance with several web workers (src/server/metrics.ts): a second instance
// of the real production build (`npm start`, WEB_CONCURRENCY=2, the outbox worker on) on the e2e
// database; every request on a new connection, so the cluster hands them to both workers in turn;
// then METRICS_PORT (the primary) and /metrics on the public port (a worker, asking the primary)
// both count every request, both workers, and the primary's own outbox numbers. It writes an
// outbox item behind the app's back, so it runs with the "behind-the-app" specs.
import { spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { test, expect } from "@playwright/test";
import pg from "pg";
import { childEnv } from "../../src/runtime/env";
import { E2E_DATABASE_URL } from "../helpers/e2e-editor";

const TOKEN = "metrics-cluster-spec-token-0123456789abcdef";
const REQUESTS = 12;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A GET on a connection of its own. */
function get(url: string, headers: http.OutgoingHttpHeaders = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers }, (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

function value(body: string, series: string): number | undefined {
  const line = body.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

test("an instance with two web workers answers its metrics for both workers and the primary", async () => {
  test.setTimeout(240_000);
  const [port, metricsPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  let output = "";
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/ops/start.ts"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: childEnv({
      DATABASE_URL: E2E_DATABASE_URL,
      RT_DATA_DIR: ".data/e2e-metrics-cluster",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      WEB_CONCURRENCY: "2",
      OUTBOX_WORKER: "1",
      METRICS_PORT: String(metricsPort),
      METRICS_TOKEN: TOKEN,
      LOG_LEVEL: "warn",
    }),
  });
  for (const stream of [app.stdout, app.stderr]) stream.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => app.on("exit", (code) => resolve(code)));
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    await expect
      .poll(async () => (await get(`${base}/api/health/ready`).catch(() => ({ status: 0 }))).status, { timeout: 180_000, intervals: [500] })
      .toBe(200);
    for (let i = 0; i < REQUESTS; i += 1) expect((await get(`${base}/`)).status).toBe(200);

    // Only the primary's outbox worker reports the depth: an item no handler takes stays to do.
    await client.query(`INSERT INTO outbox (kind, dedupe_key, payload) VALUES ('no-such-kind', 'metrics-cluster-spec', '{}')`);
    await expect
      .poll(async () => value((await get(`http://127.0.0.1:${metricsPort}/metrics`)).body, "rt_outbox_depth") ?? 0)
      .toBeGreaterThanOrEqual(1);

    const scraped = await get(`http://127.0.0.1:${metricsPort}/metrics`);
    const forwarded = await get(`${base}/metrics`, { authorization: `Bearer ${TOKEN}` });
    for (const { status, body } of [scraped, forwarded]) {
      expect(status).toBe(200);
      expect(value(body, 'rt_http_requests_total{kind="page",status="200"}')).toBe(REQUESTS);
      expect(value(body, "rt_metrics_workers_reporting")).toBe(2);
      expect(value(body, "rt_outbox_depth")).toBeGreaterThanOrEqual(1);
      expect(body).toMatch(/^# TYPE rt_outbox_send_failures_total counter$/m);
    }
  } finally {
    await client.query(`DELETE FROM outbox WHERE dedupe_key = 'metrics-cluster-spec'`).catch(() => {});
    await client.end();
    app.kill("SIGTERM");
  }
  expect(await exited, output).toBe(0);
});
