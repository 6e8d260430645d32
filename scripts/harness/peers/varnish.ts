// Varnish (Debian's, with varnish-modules) running deploy/varnish/default.vcl in front of the
// given loopback app ports, for the scale test and the benchmark. Stopped by stop().
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureDebianPackages, VARNISH } from "./debian-packages";

export type Varnish = { base: string; stop(): Promise<void> };

/** The shipped VCL with `backends` (loopback ports) in place of its one example backend. */
export function vclFor(backends: number[]): string {
  const source = fs.readFileSync("deploy/varnish/default.vcl", "utf8");
  return source
    .replace(
      /^backend app1 .*$/m,
      backends
        .map(
          (p, i) =>
            `backend app${i + 1} { .host = "127.0.0.1"; .port = "${p}"; .probe = { .url = "/api/health"; .interval = 1s; .timeout = 1s; .window = 3; .threshold = 2; } }`,
        )
        .join("\n"),
    )
    .replace(/^\s*instances\.add_backend\(app1\);$/m, backends.map((_, i) => `    instances.add_backend(app${i + 1});`).join("\n"));
}

export async function startVarnish(options: { port: number; backends: number[]; workDir: string; purpose: string }): Promise<Varnish> {
  ensureDebianPackages(VARNISH, options.purpose);
  const varnishd = spawnSync("sh", ["-c", "command -v varnishd"], { encoding: "utf8" }).stdout.trim();
  fs.mkdirSync(options.workDir, { recursive: true });
  const file = path.resolve(options.workDir, "harness.vcl");
  fs.writeFileSync(file, vclFor(options.backends));
  const child: ChildProcess = spawn(
    varnishd,
    ["-F", "-n", path.resolve(options.workDir, "instance"), "-a", `127.0.0.1:${options.port}`, "-T", "none", "-f", file, "-s", "malloc,256m"],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  const base = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`varnishd exited (code ${child.exitCode}) while starting`);
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error("Varnish did not answer within 30 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
