// wrk (Debian's): a load generator written in C, so the thing measured is the server, not the
// client (autocannon, in Node, tops out near what a cached page can be served at here).
import { spawnSync } from "node:child_process";
import { ensureDebianPackages, WRK } from "./debian-packages";

export type WrkResult = { requestsPerSecond: number; p50Ms: number; p99Ms: number; requests: number; errors: number; non2xx: number };

const toMs = (value: string, unit: string) => Number(value) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[unit]!;

/** Parses wrk's report (run with --latency). */
export function parseWrk(output: string): WrkResult {
  const number = (pattern: RegExp) => Number(output.match(pattern)?.[1] ?? Number.NaN);
  const latency = (percent: string) => {
    const found = output.match(new RegExp(`^\\s*${percent}%\\s+([\\d.]+)(us|ms|s)\\s*$`, "m"));
    return found ? toMs(found[1]!, found[2]!) : Number.NaN;
  };
  const socket = output.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const result = {
    requestsPerSecond: number(/^Requests\/sec:\s+([\d.]+)/m),
    p50Ms: latency("50"),
    p99Ms: latency("99"),
    requests: number(/^\s*(\d+) requests in /m),
    errors: socket ? socket.slice(1).reduce((n, v) => n + Number(v), 0) : 0,
    non2xx: output.match(/Non-2xx or 3xx responses: (\d+)/) ? Number(output.match(/Non-2xx or 3xx responses: (\d+)/)![1]) : 0,
  };
  if (!Number.isFinite(result.requestsPerSecond) || !Number.isFinite(result.p99Ms)) throw new Error(`could not read wrk's report:\n${output}`);
  return result;
}

/** `seconds` of load on one loopback URL at `connections`, from one wrk thread. */
export function wrk(url: string, connections: number, seconds: number, purpose: string, headers: Record<string, string> = {}): WrkResult {
  if (!/^http:\/\/127\.0\.0\.1[:/]/.test(url)) throw new Error(`refusing to load anything but loopback: ${url}`);
  ensureDebianPackages([WRK], purpose);
  const run = spawnSync(
    "wrk",
    [
      "-t1",
      `-c${connections}`,
      `-d${seconds}s`,
      "--latency",
      "--timeout",
      "10s",
      ...Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}: ${v}`]),
      url,
    ],
    { encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  return parseWrk(run.stdout);
}
