// npm run bench:queries -- --sizes 1000,10000,100000: the cost of every query behind a public page
// at several sizes in one run (issue 18). Each size is its own database in one embedded cluster
// under .data/bench-sizes, seeded once by scripts/ops/seed-scale.ts and reused with --keep-data.
// For each query: the median and p95 at each size, the growth from the smallest size to the
// largest, and an EXPLAIN check; the table goes into docs/benchmarks.md. Nothing but the queries
// runs (no app, no load), so it can run on a machine others are using.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { publishBackdated, timeQueries, type QueryTiming } from "./bench/queries";
import { BENCHMARKS_FILE, writeSection } from "./bench/report-sections";
import { todayIso } from "../../src/domain/dates";
import { connect } from "../../src/runtime/connect";
import { embeddedDatabaseUrl, startEmbeddedPostgres } from "../../src/runtime/embedded-postgres";
import { childEnv } from "../../src/runtime/env";
import { migrate } from "../../src/runtime/migrate";
import { runMain } from "../../src/runtime/cli";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,100000" },
    "updates-per-commitment": { type: "string", default: "20" },
    // Backdated publishes after seeding, one version each, so reads at earlier versions meet closed rows.
    publishes: { type: "string", default: "100" },
    "pg-port": { type: "string", default: "57300" },
    "keep-data": { type: "boolean", default: false },
    repeat: { type: "string", default: "15" },
    out: { type: "string", default: BENCHMARKS_FILE },
  },
});
const sizes = values.sizes!.split(",").map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1))
  throw new Error(`--sizes takes whole numbers, such as 1000,10000,100000 (not "${values.sizes}")`);
const pgPort = Number(values["pg-port"]);
const dataDir = ".data/bench-sizes";
const env = childEnv({ RT_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), DATABASE_URL: undefined });
const databaseOf = (size: number) => `bench_${size}`;
const fmt = (n: number, digits = 0) => n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });

type SizeRun = {
  size: number;
  counts: { commitments: number; updates: number; versions: number; periods: number; closed: number };
  seedSeconds: number | null;
  publishMs: number | null;
  timings: QueryTiming[];
};

runMain(async () => {
  if (!values["keep-data"]) fs.rmSync(dataDir, { recursive: true, force: true });
  const seeded = new Map<number, number>();
  // Seed the sizes not yet seeded (the seeder starts and stops the cluster itself).
  const existing = new Set<number>();
  if (values["keep-data"] && fs.existsSync(dataDir)) {
    const pg = await startEmbeddedPostgres({ dataDir, port: pgPort, database: "postgres" });
    try {
      const client = await connect(embeddedDatabaseUrl(pgPort, "postgres"));
      const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'bench\\_%'`);
      await client.end();
      for (const r of rows) existing.add(Number(r.datname.slice(6)));
    } finally {
      await pg.stop();
    }
  }
  for (const size of sizes) {
    if (existing.has(size)) continue;
    console.log(`Seeding ${fmt(size)} synthetic commitments × ${values["updates-per-commitment"]} updates into ${databaseOf(size)}…`);
    const start = performance.now();
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/ops/seed-scale.ts",
        "--commitments",
        String(size),
        "--updates-per-commitment",
        values["updates-per-commitment"]!,
        "--database",
        databaseOf(size),
      ],
      { stdio: "inherit", env },
    );
    if (result.status !== 0) throw new Error(`seeding ${size} commitments failed`);
    seeded.set(size, (performance.now() - start) / 1000);
  }

  const pg = await startEmbeddedPostgres({ dataDir, port: pgPort, database: databaseOf(sizes[0]!) });
  const runs: SizeRun[] = [];
  try {
    for (const size of sizes) {
      const url = embeddedDatabaseUrl(pgPort, databaseOf(size));
      // A reused database gets any migration added since it was seeded.
      await migrate(url);
      let publishMs: number | null = null;
      if (seeded.has(size)) {
        console.log(`${databaseOf(size)}: ${values.publishes} backdated publishes…`);
        const start = performance.now();
        await publishBackdated(url, Number(values.publishes));
        publishMs = (performance.now() - start) / Math.max(1, Number(values.publishes));
      }
      const client = await connect(url);
      // Publishing closes and opens state periods: vacuum so the visibility map is current, as autovacuum would leave it.
      await client.query("VACUUM ANALYZE");
      const counts = (
        await client.query(`SELECT (SELECT COUNT(*) FROM commitment)::int AS commitments, (SELECT COUNT(*) FROM status_update)::int AS updates,
          (SELECT latest_publication()) AS versions, (SELECT COUNT(*) FROM commitment_state_period)::int AS periods,
          (SELECT COUNT(*) FROM commitment_state_period WHERE to_version IS NOT NULL)::int AS closed`)
      ).rows[0];
      await client.end();
      console.log(`${databaseOf(size)}: timing the queries…`);
      const timings = await timeQueries(url, todayIso(), Number(values.repeat));
      for (const t of timings)
        console.log(
          `  ${t.key.padEnd(22)} median ${fmt(t.medianMs, 1).padStart(7)} ms  p95 ${fmt(t.p95Ms, 1).padStart(7)} ms  ${t.usesIndexes ? "" : "EXPLAIN: NO"}`,
        );
      runs.push({ size, counts, seedSeconds: seeded.get(size) ?? null, publishMs, timings });
    }
  } finally {
    await pg.stop();
  }
  const report = renderReport(runs);
  console.log(`\n${report}`);
  writeSection(values.out!, "bench:queries", report);
  console.log(`Written to ${values.out}`);
});

function renderReport(runs: SizeRun[]): string {
  const first = runs[0]!;
  const last = runs[runs.length - 1]!;
  const lines: string[] = ["## Query cost by size", ""];
  lines.push(
    `Timed ${new Date().toISOString()} by \`npm run bench:queries -- --sizes ${runs.map((r) => r.size).join(",")}\` on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"} (load average ${os
      .loadavg()
      .map((l) => fmt(l, 1))
      .join(", ")} at the end; shared with other work), after VACUUM ANALYZE, ${values.repeat} runs of each query after one to warm up.`,
    "",
    "| size | commitments | status updates | versions | state periods (closed) | seeding s | each backdated publish ms |",
    "|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of runs)
    lines.push(
      `| ${fmt(r.size)} | ${fmt(r.counts.commitments)} | ${fmt(r.counts.updates)} | ${r.counts.versions} | ${fmt(r.counts.periods)} (${fmt(r.counts.closed)}) | ${r.seedSeconds === null ? "reused" : fmt(r.seedSeconds)} | ${r.publishMs === null ? "reused" : fmt(r.publishMs, 1)} |`,
    );
  lines.push(
    "",
    `Median ms (p95 ms) at each size; growth is the median at ${fmt(last.size)} over the median at ${fmt(first.size)}. Targets: under 50 ms at every size, growth under 2× for a query that returns a fixed number of rows; EXPLAIN: the plan reads the big tables through indexes (no Seq Scan on them) at every size.`,
    "",
    `| query | rows | ${runs.map((r) => `${fmt(r.size)}`).join(" | ")} | growth | EXPLAIN |`,
    `|---|---|${runs.map(() => "---:").join("|")}|---:|---|`,
  );
  const over: string[] = [];
  for (const t of first.timings) {
    const at = runs.map((r) => r.timings.find((x) => x.key === t.key)!);
    const growth = at[at.length - 1]!.medianMs / Math.max(at[0]!.medianMs, 0.001);
    const fixed = t.rows === "page";
    if (at.some((x) => x.medianMs >= 50) || (fixed && growth >= 2)) over.push(t.name);
    lines.push(
      `| ${t.name} | ${fixed ? "a page" : "all that match"} | ${at.map((x) => `${fmt(x.medianMs, 1)} (${fmt(x.p95Ms, 1)})`).join(" | ")} | ${fmt(growth, 1)}× | ${at.every((x) => x.usesIndexes) ? "indexes" : "NO"} |`,
    );
  }
  lines.push("", over.length ? `Missing a target: ${over.join("; ")} (see docs/decisions/0014-flat-query-cost.md).` : "Every target met.");
  return lines.join("\n");
}
