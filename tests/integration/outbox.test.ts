// The outbox worker purges the CDN after a publish, retrying with back-off until the CDN
// accepts. The "CDN" is a local HTTP server that refuses the first purge.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type pg from "pg";
import { connect } from "../../src/runtime/connect";
import { useTestDatabase } from "../helpers/test-database";
import { startOutboxWorker, type OutboxWorker } from "../../src/server/outbox/worker";
import { purgeKeys } from "../../src/server/outbox/cdn-purge";
import { outboxDepth } from "../../src/server/outbox/queue";
import { metricsText } from "../../src/server/metrics";
import { todayIso } from "../../src/domain/dates";

const database = useTestDatabase();
let client: pg.Client;
let cdn: http.Server;
let cdnUrl = "";
const purges: { keys: string; token: string | undefined; status: number }[] = [];
let refuseNext = true;

beforeAll(async () => {
  const db = await database.get();
  client = await connect(db.url);
  cdn = http.createServer((request, response) => {
    const status = refuseNext ? 503 : 200;
    refuseNext = false;
    purges.push({ keys: String(request.headers["surrogate-key"]), token: request.headers["fastly-key"] as string | undefined, status });
    request.resume();
    response.writeHead(status).end();
  });
  await new Promise<void>((resolve) => cdn.listen(0, "127.0.0.1", resolve));
  cdnUrl = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}/purge`;
});
afterAll(async () => {
  await client.end();
  await new Promise((resolve) => cdn.close(resolve));
});

async function until(check: () => Promise<boolean>, limitMs: number) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limitMs) throw new Error(`not done within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** rt_outbox_depth's value in the metrics text. */
const reportedDepth = ({ body }: { body: string }) => Number(body.match(/^rt_outbox_depth (\S+)$/m)?.[1]);

describe("the outbox worker", () => {
  it("purges the keys a publish touched at the CDN, retrying until the CDN accepts", async () => {
    const db = await database.get();
    const worker: OutboxWorker = startOutboxWorker(db.url, { "cdn-purge": (p) => purgeKeys({ urls: [cdnUrl], key: "token-1" }, p) }, { pollMs: 100 });
    try {
      await worker.pass();
      purges.length = 0;
      refuseNext = true;
      await client.query(
        `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on)
         SELECT c.id, 'in_progress', 'Outbox test.', (SELECT id FROM source ORDER BY id LIMIT 1), $2::date FROM commitment c WHERE c.slug = $1`,
        ["digital-sourcing-strategy", todayIso()],
      );
      await until(async () => purges.some((p) => p.status === 200), 10_000);
      expect(purges[0]!.status).toBe(503);
      expect(purges.at(-1)!.keys.split(" ")).toContain("commitment:digital-sourcing-strategy");
      expect(purges.at(-1)!.token).toBe("token-1");
      await until(async () => (await outboxDepth(client)) === 0, 5_000);
      const { rows } = await client.query(`SELECT attempts, last_error FROM outbox ORDER BY id DESC LIMIT 1`);
      expect(rows[0]).toEqual({ attempts: 2, last_error: null });
      await until(async () => reportedDepth(await metricsText()) === 0, 5_000);

      // An item no handler takes stays to do, and /metrics says so after the worker's pass.
      await client.query(`INSERT INTO outbox (kind, dedupe_key, payload) VALUES ('no-such-kind', 'metrics-test', '{}')`);
      await until(async () => reportedDepth(await metricsText()) === 1, 5_000);
      await client.query(`UPDATE outbox SET done_at = now() WHERE kind = 'no-such-kind'`);
    } finally {
      await worker.stop();
    }
  });
});
