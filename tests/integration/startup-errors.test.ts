// Each misconfiguration gives one clear message and a non-zero exit, not a stack trace.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, it, expect } from "vitest";

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env } as unknown as NodeJS.ProcessEnv,
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
  it("a malformed DATABASE_URL", async () => {
    expectClearFailure(await run("scripts/db.ts", ["migrate"], { DATABASE_URL: "mysql://nope" }), /DATABASE_URL must look like postgresql:\/\/user:password@host:5432\/database/);
  });

  it("an unreachable database", async () => {
    expectClearFailure(await run("scripts/db.ts", ["migrate"], { DATABASE_URL: "postgresql://user:secret@127.0.0.1:1/tracker" }), /Nothing is accepting connections at postgresql:\/\/user:\*\*\*\*@127\.0\.0\.1:1\/tracker/);
  });

  it("a data directory that cannot be written", async () => {
    // Root may write anywhere, so use a path whose parent is a file.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rt-")), "not-a-directory");
    fs.writeFileSync(file, "");
    const result = await run("scripts/db.ts", ["migrate"], { RT_DATA_DIR: path.join(file, "data") });
    expectClearFailure(result, /data directory .*not-a-directory\/data cannot be created or written \(ENOTDIR\)/);
  });

  it("a port already in use", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      expectClearFailure(await run("scripts/start.ts", [], { PORT: String(port) }), new RegExp(`Port ${port} is already in use`));
    } finally {
      server.close();
    }
  });

  it("a bad PORT value", async () => {
    expectClearFailure(await run("scripts/start.ts", [], { PORT: "eighty" }), /PORT/);
  });
});
