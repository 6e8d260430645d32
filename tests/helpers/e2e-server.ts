// The browser tests' web server (playwright.config.ts): `npm start -- --fresh` as an operator runs
// it, with every line it writes kept in the e2e data directory (e2e-server-log.ts) so that the last spec
// can check that no line of the whole run holds a secret, a password, a token or an email address
// (tests/e2e/zz-logs.after-everything.spec.ts). The file gets every line, access lines included
// (LOG_LEVEL info); the run's own output gets only warnings, errors and the launcher's plain
// lines, so that it stays readable.
//
// Stopping: Playwright signals the whole process group (SIGTERM, webServer.gracefulShutdown; then
// SIGKILL if need be), as a terminal does on Ctrl-C. The launcher is in that group and gets the
// signal itself: it lets the server finish its requests and then stops the embedded PostgreSQL
// cleanly (scripts/ops/start.ts). This process only waits for it to end and ends with its code,
// so that nothing is left running whichever way the group is stopped.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { appConfig, childEnv } from "../../src/runtime/env";
import { serverLogPath } from "./e2e-server-log";

/** pino's number for "warn": JSON lines below it (info, debug) go only to the file. */
const WARN = 40;

function shownInRunOutput(line: string): boolean {
  if (!line.startsWith("{")) return true;
  try {
    const level = (JSON.parse(line) as { level?: unknown }).level;
    return typeof level !== "number" || level >= WARN;
  } catch {
    return true;
  }
}

function main(): void {
  const { dataDir } = appConfig();
  fs.mkdirSync(dataDir, { recursive: true });
  const file = fs.createWriteStream(serverLogPath(dataDir), { flags: "w" });
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ops/start.ts", "--fresh"], {
    env: childEnv({ LOG_LEVEL: "info" }),
    stdio: ["ignore", "pipe", "pipe"],
  });

  const copy = (from: NodeJS.ReadableStream, to: NodeJS.WritableStream) => {
    let rest = "";
    from.setEncoding("utf8");
    from.on("data", (chunk: string) => {
      file.write(chunk);
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) if (shownInRunOutput(line)) to.write(`${line}\n`);
    });
    from.on("end", () => {
      if (rest && shownInRunOutput(rest)) to.write(`${rest}\n`);
    });
  };
  copy(child.stdout!, process.stdout);
  copy(child.stderr!, process.stderr);

  // The launcher got the same signal (the whole group is signalled): wait for it, do not pass on a second.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => {});
  // "close": after the child has exited and its output has all been read.
  child.on("close", (code, signal) => {
    file.end(() => process.exit(code ?? (signal === "SIGTERM" ? 143 : 1)));
  });
}

main();
