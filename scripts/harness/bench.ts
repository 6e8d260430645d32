// npm run bench: builds and starts the production app on its own embedded PostgreSQL filled
// with synthetic data at scale, then measures pages against two baselines measured in the
// same run, times the heavy queries, and writes docs/benchmarks.md. Loopback only; bounded.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { load, type LoadResult } from "./bench/load";
import { startMemoryServer } from "./bench/memory-server";
import { publishBackdated, timeQueries } from "./bench/queries";
import { projectScriptBytes } from "./bench/client-js";
import { measurePublishVisibility } from "./bench/publish";
import { todayIso } from "../../src/domain/dates";
import { appEnvironment } from "./app-under-test";
import { BENCHMARKS_FILE, NOTES_MARKER, keptSections, writeSection } from "./bench/report-sections";
import { measureScaleOut, scaleOutSection } from "./bench/scale-out";
import { connect } from "../../src/runtime/connect";
import { provideDatabase } from "../../src/runtime/database";
import { readEnv } from "../../src/runtime/env";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    commitments: { type: "string", default: "10000" },
    "updates-per-commitment": { type: "string", default: "20" },
    connections: { type: "string", default: "1,10,50" },
    port: { type: "string", default: "3500" },
    "pg-port": { type: "string", default: "54380" },
    "keep-data": { type: "boolean", default: false },
    out: { type: "string", default: BENCHMARKS_FILE },
    // Only seed and time the queries (no app, no load): for a machine others are using.
    "queries-only": { type: "boolean", default: false },
    // Extra publishes after seeding, each a backdated update, so reads at earlier versions meet closed rows.
    publishes: { type: "string", default: "300" },
    // Only the scale-out measurements (Varnish against nginx, workers, re-renders, memory).
    "scale-out-only": { type: "boolean", default: false },
    "skip-scale-out": { type: "boolean", default: false },
    "distinct-pages": { type: "string", default: "2000" },
  },
});
const seconds = Number(values.seconds);
const connectionLevels = values.connections!.split(",").map(Number);
const {
  base,
  env: appEnv,
  databaseUrl,
  dataDir,
} = appEnvironment(values["queries-only"] ? "bench-queries" : "bench", Number(values.port), Number(values["pg-port"]));
// The bench's build includes /benchmark-baseline, which a normal production build leaves out.
const env = { ...appEnv, RT_BENCHMARK_BASELINE: "1" };

function run(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", ...args], { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed`);
}

async function waitForHealth(child: ChildProcess) {
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("the app exited during start-up");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the app did not become healthy in 15 minutes");
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Seeds, publishes, times the queries and replaces the "Queries at scale" part of docs/benchmarks.md. */
async function queriesOnly() {
  if (!values["keep-data"]) fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(`Seeding ${values.commitments} synthetic commitments × ${values["updates-per-commitment"]} updates…`);
  let start = performance.now();
  run(["scripts/ops/seed-scale.ts", "--commitments", values.commitments!, "--updates-per-commitment", values["updates-per-commitment"]!, "--force"]);
  const seedSeconds = (performance.now() - start) / 1000;
  const database = await provideDatabase(readEnv(env));
  try {
    console.log(`Publishing ${values.publishes} backdated updates, one version each…`);
    start = performance.now();
    await publishBackdated(databaseUrl, Number(values.publishes));
    const publishMs = (performance.now() - start) / Number(values.publishes);
    const client = await connect(databaseUrl);
    const counts = (
      await client.query(`SELECT (SELECT COUNT(*) FROM commitment)::int AS commitments, (SELECT COUNT(*) FROM status_update)::int AS updates,
      (SELECT latest_publication()) AS versions, (SELECT COUNT(*) FROM commitment_state_period)::int AS periods,
      (SELECT COUNT(*) FROM commitment_state_period WHERE to_version IS NOT NULL)::int AS closed`)
    ).rows[0];
    // Publishing closes and opens state periods: vacuum so the visibility map is current, as autovacuum would leave it.
    await client.query("VACUUM ANALYZE");
    await client.end();
    const queries = await timeQueries(databaseUrl, todayIso());
    const lines = ["## Queries at scale", ""];
    lines.push(
      `Timed ${new Date().toISOString()} by \`npm run bench -- --queries-only\` on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"} (shared with other work), after VACUUM ANALYZE: ${counts.commitments.toLocaleString("en-GB")} commitments, ${counts.updates.toLocaleString("en-GB")} status updates, ${counts.versions} record versions, ${counts.periods.toLocaleString("en-GB")} state periods (${counts.closed.toLocaleString("en-GB")} closed by a later version). Seeding took ${fmt(seedSeconds)} s; each backdated publish ${fmt(publishMs, 1)} ms. Target for every query: under 50 ms.`,
      "",
      "| query | median ms | p95 ms | uses indexes (EXPLAIN) |",
      "|---|---:|---:|---|",
    );
    for (const q of queries) lines.push(`| ${q.name} | ${fmt(q.medianMs, 1)} | ${fmt(q.p95Ms, 1)} | ${q.usesIndexes ? "yes" : "NO"} |`);
    const over = queries.filter((q) => q.medianMs >= 50);
    if (over.length)
      lines.push("", `Over the 50 ms target: ${over.map((q) => q.name).join("; ")} (see docs/decisions/0009-record-versions.md, Consequences).`);
    const text = fs.readFileSync(values.out!, "utf8");
    const from = text.indexOf("## Queries at scale");
    const to = text.indexOf("\n## ", from + 1);
    const block = `${lines.join("\n")}\n`;
    fs.writeFileSync(
      values.out!,
      from === -1
        ? `${text.trimEnd()}

${block}`
        : `${text.slice(0, from)}${block}${text.slice(to)}`,
    );
    console.log(block);
    for (const q of queries)
      if (!q.usesIndexes)
        console.log(`${q.name}:
${q.plan}
`);
  } finally {
    await database.stop();
  }
}

async function main() {
  if (values["queries-only"]) return queriesOnly();
  if (!values["keep-data"]) fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(`Seeding ${values.commitments} synthetic commitments × ${values["updates-per-commitment"]} updates…`);
  run(["scripts/ops/seed-scale.ts", "--commitments", values.commitments!, "--updates-per-commitment", values["updates-per-commitment"]!, "--force"]);

  console.log("Starting the production app (builds if needed)…");
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/ops/start.ts"], { stdio: ["ignore", "inherit", "inherit"], env });
  try {
    await waitForHealth(app);
    if (values["scale-out-only"]) return await scaleOut();
    const seedFile = fs.readdirSync("seeds/commitments").sort()[0]!;
    const seed = JSON.parse(fs.readFileSync(`seeds/commitments/${seedFile}`, "utf8"));
    const pages = [
      { name: "Overview /", path: "/" },
      { name: "Filtered list", path: `/commitments?status=in_progress&area=${seed.area}&sort=due` },
      { name: "Commitment page", path: `/commitments/${seed.commitments[0].slug}` },
      { name: "Missed deadlines", path: "/missed" },
      { name: "API list", path: "/api/v1/commitments?page_size=25" },
    ];
    const headers: Record<string, string> = {};
    for (const page of pages) {
      const response = await fetch(base + page.path);
      if (!response.ok) throw new Error(`${page.path} answered ${response.status}`);
      headers[page.path] = response.headers.get("cache-control") ?? "(none)";
    }
    const overviewBytes = Buffer.from(await (await fetch(`${base}/`)).arrayBuffer());
    const memory = await startMemoryServer(overviewBytes, "text/html; charset=utf-8");
    const results: { name: string; path: string; connections: number; result: LoadResult }[] = [];
    try {
      for (const connections of connectionLevels) {
        for (const target of [
          { name: "Baseline: static Next.js page", path: "/benchmark-baseline", url: `${base}/benchmark-baseline` },
          { name: "Baseline: Node HTTP from memory", path: "(memory)", url: memory.url },
          ...pages.map((p) => ({ ...p, url: base + p.path })),
        ]) {
          process.stdout.write(`  ${target.name} @ ${connections} connections… `);
          const result = await load(target.url, connections, seconds);
          console.log(`${fmt(result.requestsPerSecond)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors + result.non2xx}`);
          results.push({ name: target.name, path: target.path, connections, result });
        }
      }
    } finally {
      await memory.close();
    }
    const today = todayIso();
    const queries = await timeQueries(databaseUrl, today);
    const js = await projectScriptBytes(base, "/", "/benchmark-baseline");
    console.log("Publishing 5 changes through the editor forms and timing until each is on its public page…");
    const publish = await measurePublishVisibility({ env, databaseUrl, dataDir }, base, 5);
    writeReport({ pages, results, queries, js, headers, publish, overviewBytes: overviewBytes.length });
    if (!values["skip-scale-out"]) await scaleOut();
  } finally {
    app.kill("SIGINT");
    await new Promise((resolve) => app.once("exit", resolve));
  }
}

/** Varnish against nginx, all workers against one, re-renders per publish, memory: its own section of the report. */
async function scaleOut() {
  console.log("Scale-out: Varnish against nginx, all web workers against one, pages re-rendered per publish, memory…");
  const result = await measureScaleOut({
    app: { base, port: Number(values.port), databaseUrl, dataDir, env },
    seconds,
    distinctPages: Number(values["distinct-pages"]),
  });
  const body = scaleOutSection(
    result,
    new Date(),
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, ${values.commitments} commitments`,
  );
  writeSection(values.out!, "scale-out", body, "bench");
  console.log(`\n${body}\n\nWritten to ${values.out}`);
}

function writeReport(data: {
  pages: { name: string; path: string }[];
  results: { name: string; path: string; connections: number; result: LoadResult }[];
  queries: Awaited<ReturnType<typeof timeQueries>>;
  js: Awaited<ReturnType<typeof projectScriptBytes>>;
  headers: Record<string, string>;
  publish: number[];
  overviewBytes: number;
}) {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const lines: string[] = [];
  lines.push("# Benchmarks", "");
  lines.push(`Measured ${new Date().toISOString()} by \`npm run bench\` (${seconds} s per measurement, loopback, autocannon).`, "");
  lines.push(
    `Machine: ${os.cpus().length} × ${cpu}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, embedded PostgreSQL 18.`,
    "",
  );
  lines.push(
    `Data: ${values.commitments} synthetic commitments × ${values["updates-per-commitment"]} status updates, plus the real seed. Overview page: ${fmt(data.overviewBytes / 1024, 1)} KiB of HTML.`,
    "",
  );
  lines.push(
    "Ratios are each page's requests per second divided by the baseline's at the same number of connections, measured in the same run: the framework ceiling is a prerendered static page of similar size served by the same Next.js server; the machine ceiling is a minimal Node HTTP server returning the overview's bytes from memory.",
    "",
  );
  for (const connections of connectionLevels) {
    const row = (name: string) => data.results.find((r) => r.name === name && r.connections === connections)!.result;
    const framework = row("Baseline: static Next.js page");
    const machine = row("Baseline: Node HTTP from memory");
    lines.push(`## ${connections} connection${connections === 1 ? "" : "s"}`, "");
    lines.push("| target | req/s | p50 ms | p99 ms | errors | vs framework ceiling | vs machine ceiling |", "|---|---:|---:|---:|---:|---:|---:|");
    for (const r of data.results.filter((x) => x.connections === connections)) {
      const ratioF = r.result.requestsPerSecond / framework.requestsPerSecond;
      const ratioM = r.result.requestsPerSecond / machine.requestsPerSecond;
      lines.push(
        `| ${r.name} \`${r.path}\` | ${fmt(r.result.requestsPerSecond)} | ${r.result.p50} | ${r.result.p99} | ${r.result.errors + r.result.non2xx} | ${fmt(ratioF * 100)}% | ${fmt(ratioM * 100)}% |`,
      );
    }
    lines.push("");
  }
  lines.push("## Queries at scale", "", "| query | median ms | p95 ms | uses indexes (EXPLAIN) |", "|---|---:|---:|---|");
  for (const q of data.queries) lines.push(`| ${q.name} | ${fmt(q.medianMs, 1)} | ${fmt(q.p95Ms, 1)} | ${q.usesIndexes ? "yes" : "NO"} |`);
  lines.push("", "## Client JavaScript on `/`", "");
  lines.push(
    `Total script files: ${fmt(data.js.totalGzip / 1024, 1)} KB gzip; the framework's own runtime (the same files on the static baseline page): ${fmt(data.js.frameworkGzip / 1024, 1)} KB; added by the project: **${fmt(data.js.projectGzip / 1024, 1)} KB gzip** (target < 20 KB). Public pages work with JavaScript off.`,
    "",
  );
  lines.push("## A published change on the public page", "");
  lines.push(
    `Five status updates proposed and approved through the editor forms; the commitment's public page (cached beforehand) polled until the change appears. Milliseconds from the approval's response: ${data.publish.map((t) => fmt(t)).join(", ")} (slowest **${fmt(Math.max(...data.publish))} ms**; target within 1,000 ms).`,
    "",
  );
  lines.push("## Cache-Control sent by each page", "", "| page | Cache-Control |", "|---|---|");
  for (const [path, value] of Object.entries(data.headers)) lines.push(`| \`${path}\` | \`${value}\` |`);
  lines.push("");
  // The sections other commands write (Lighthouse's scores, the queries by size, the scale-out
  // measurements) and the notes below the marker (what was changed, before and after) are kept.
  const previous = fs.existsSync(values.out!) ? fs.readFileSync(values.out!, "utf8") : "";
  const notes = previous.includes(NOTES_MARKER) ? previous.slice(previous.indexOf(NOTES_MARKER)) : `${NOTES_MARKER}\n`;
  const report = `${lines.join("\n")}\n${keptSections(previous).join("\n\n")}\n\n${notes}`;
  fs.writeFileSync(values.out!, report);
  console.log(`\n${report}\nWritten to ${values.out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
