// Runs a small node:cluster program (TypeScript, with tsx) as its own process and returns the JSON
// its primary prints last: for tests of what the production server does under node:cluster
// (scripts/server/serve.ts), which cannot happen inside a test runner's own process.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** An import specifier for a file of this repository, usable from the program's temporary directory. */
export function repoModule(file: string): string {
  return JSON.stringify(pathToFileURL(path.resolve(file)).href);
}

export async function runClusterScript<T>(source: string): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-cluster-"));
  const script = path.join(dir, "cluster.mts");
  fs.writeFileSync(script, source);
  try {
    const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    if (code !== 0) throw new Error(`The cluster program exited with code ${code}; it printed: ${out}`);
    return JSON.parse(out.trim().split("\n").at(-1)!) as T;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
