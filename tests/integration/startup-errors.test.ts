// Each misconfiguration gives one clear message and a non-zero exit, not a stack trace.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { childEnv } from "../../src/runtime/env";

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      env: childEnv(env, { inherit: false }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

function expectClearFailure(result: { code: number | null; output: string }, message: RegExp) {
  expect(result.code).toBe(1);
  expect(result.output).toMatch(message);
  expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

describe("start-up problems are explained", () => {
  it("a malformed DATABASE_URL, without printing it (it may hold a password)", async () => {
    const result = await run("scripts/ops/db.ts", ["migrate"], { DATABASE_URL: "mysql://user:hunter2@nope" });
    expectClearFailure(
      result,
      /DATABASE_URL must look like postgresql:\/\/user:password@host:5432\/database: fix it, or unset it to use embedded PostgreSQL\./,
    );
    expect(result.output).not.toContain("hunter2");
  });

  it("an unreachable database", async () => {
    expectClearFailure(
      await run("scripts/ops/db.ts", ["migrate"], { DATABASE_URL: "postgresql://user:secret@127.0.0.1:1/tracker" }),
      /Nothing is accepting connections at postgresql:\/\/user:\*\*\*\*@127\.0\.0\.1:1\/tracker/,
    );
  });

  it("a data directory that cannot be written", async () => {
    // Root may write anywhere, so use a path whose parent is a file.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rt-")), "not-a-directory");
    fs.writeFileSync(file, "");
    const result = await run("scripts/ops/db.ts", ["migrate"], { RT_DATA_DIR: path.join(file, "data") });
    expectClearFailure(result, /data directory .*not-a-directory\/data cannot be created or written \(ENOTDIR\)/);
  });

  it("a port already in use", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      expectClearFailure(await run("scripts/ops/start.ts", [], { PORT: String(port) }), new RegExp(`Port ${port} is already in use`));
    } finally {
      server.close();
    }
  });

  it("a bad PORT value", async () => {
    expectClearFailure(
      await run("scripts/ops/start.ts", [], { PORT: "eighty" }),
      /PORT="eighty" must be a whole number from 1 to 65535: fix it, or unset it for the default \(3000\)\./,
    );
  });

  it("a pool size that is not a number, which used to be read as NaN without a word", async () => {
    const result = await run("scripts/ops/start.ts", [], { DATABASE_POOL_SIZE: "abc" });
    expectClearFailure(
      result,
      /✖ Invalid configuration:\n {2}DATABASE_POOL_SIZE="abc" must be a whole number from 1 to 1000: fix it, or unset it for the default \(10\)\.\n/,
    );
  });

  it("a SITE_URL that is not a web address, which used to be ignored", async () => {
    expectClearFailure(
      await run("scripts/ops/db.ts", ["migrate"], { SITE_URL: "not a url" }),
      /SITE_URL="not a url" must be a web address starting with https:\/\/ or http:\/\//,
    );
  });

  it("half an OpenID Connect set-up, which used to switch it off silently", async () => {
    const result = await run("scripts/ops/db.ts", ["migrate"], { OIDC_ISSUER: "https://login.example.gov.uk", OIDC_CLIENT_ID: "tracker" });
    expectClearFailure(
      result,
      /OIDC_CLIENT_SECRET is needed with OIDC_ISSUER and OIDC_CLIENT_ID: set all three to switch on OpenID Connect, or none\./,
    );
  });

  it("the production server itself, started without the launcher (as a process manager might)", async () => {
    expectClearFailure(
      await run("scripts/server/serve.ts", [], { NEXTAUTH_URL: "localhost:3000" }),
      /NEXTAUTH_URL="localhost:3000" must be a web address starting with https:\/\/ or http:\/\//,
    );
  });
});
