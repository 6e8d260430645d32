// npm run bench's scale-out measurements (issue 16), against the bench's app (WEB_CONCURRENCY =
// the cores) and a second instance of the same build on the same database with one web worker
// (its /metrics on a port of its own counts every render exactly):
//   1. throughput through Varnish (deploy/varnish/default.vcl) as a ratio of nginx serving the
//      same page's bytes from a file, both loaded by wrk at 50 connections;
//   2. all web workers against one, on a cached page;
//   3. pages re-rendered per publish: a set of pages warmed, a status update committed, the set
//      read again, renders counted (only the pages that show the change should be rendered);
//   4. the one-worker instance's memory after many distinct pages at this size.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { sql, startApp, stopApp, type AppUnderTest, nextServerPid } from "../app-under-test";
import { startVarnish } from "../peers/varnish";
import { serveFileWithNginx } from "../peers/nginx";
import { wrk, type WrkResult } from "../peers/wrk";
import { waitUntilVisible } from "./publish";
import { todayIso } from "../../../src/domain/dates";

export type PublishRenders = {
  slug: string;
  warmed: number;
  dropped: number;
  rerendered: number;
  /** Commitment pages other than the changed one rendered again: 0 when only what shows the change is. */ otherCommitmentPages: number;
};
export type ScaleOutResult = {
  connections: number;
  seconds: number;
  page: string;
  bytes: number;
  cdn: { nginx: WrkResult; varnish: WrkResult; ratio: number };
  workers: { count: number; all: WrkResult; one: WrkResult; ratio: number };
  publishes: PublishRenders[];
  memory: { distinctPages: number; rssMiB: number; peakRssMiB: number };
};

const PURPOSE = "npm run bench (scale-out)";
const GZIP = { "accept-encoding": "gzip" };

/** A GET whose body is kept as sent (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/**
 * Each URL loaded twice, taking turns (a, b, a, b), and each one's two runs averaged: the machine's
 * other work then weighs on both alike. Gzip asked for, as browsers do.
 */
function alternately(seconds: number, ...urls: string[]): WrkResult[] {
  const runs = urls.map(() => [] as WrkResult[]);
  for (let round = 0; round < 2; round += 1) urls.forEach((url, i) => runs[i]!.push(wrk(url, CONNECTIONS, seconds, PURPOSE, GZIP)));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return runs.map((r) => ({
    requestsPerSecond: mean(r.map((x) => x.requestsPerSecond)),
    p50Ms: mean(r.map((x) => x.p50Ms)),
    p99Ms: Math.max(...r.map((x) => x.p99Ms)),
    requests: r.reduce((n, x) => n + x.requests, 0),
    errors: r.reduce((n, x) => n + x.errors, 0),
    non2xx: r.reduce((n, x) => n + x.non2xx, 0),
  }));
}
const CONNECTIONS = 50;

async function pageCacheEvents(metricsUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(metricsUrl)).text();
  const events: Record<string, number> = {};
  for (const match of text.matchAll(/^rt_page_cache_events_total\{event="(\w+)"\} (\d+(?:\.\d+)?)$/gm)) events[match[1]!] = Number(match[2]);
  return events;
}

function residentMiB(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"))?.[1] ?? Number.NaN);
  return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
}

async function readAll(base: string, paths: string[]): Promise<void> {
  for (const p of paths) {
    const response = await fetch(base + p);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${p} answered ${response.status}`);
  }
}

export async function measureScaleOut(options: {
  app: { base: string; port: number; databaseUrl: string; dataDir: string; env: NodeJS.ProcessEnv };
  seconds: number;
  publishes?: number;
  distinctPages?: number;
}): Promise<ScaleOutResult> {
  const { app, seconds } = options;
  const [onePort, metricsPort, varnishPort, nginxPort] = [app.port + 1, app.port + 2, app.port + 3, app.port + 4];
  const workDir = path.join(app.dataDir, "scale-out");
  const commitments = (await sql<{ slug: string }>(app.databaseUrl, "SELECT slug FROM commitment ORDER BY id")).map((r) => r.slug);
  const page = `/commitments/${commitments[0]}`;

  // 1. Varnish against nginx, the same bytes: the gzip answer, as readers' browsers ask for it.
  const varnish = await startVarnish({ port: varnishPort, backends: [app.port], workDir: path.join(workDir, "varnish"), purpose: PURPOSE });
  let cdn: ScaleOutResult["cdn"];
  let bytes: Buffer;
  try {
    await rawGet(varnish.base + page, GZIP);
    const through = await rawGet(varnish.base + page, GZIP);
    if (through.headers["x-cache"] !== "HIT" || through.headers["content-encoding"] !== "gzip")
      throw new Error(
        `Varnish did not keep ${page} (X-Cache ${through.headers["x-cache"]}, Content-Encoding ${through.headers["content-encoding"]}, Cache-Control ${through.headers["cache-control"]})`,
      );
    bytes = through.body;
    const nginx = await serveFileWithNginx({
      port: nginxPort,
      body: bytes,
      contentType: String(through.headers["content-type"] ?? "text/html"),
      contentEncoding: "gzip",
      workDir: path.join(workDir, "nginx"),
      purpose: PURPOSE,
    });
    try {
      const [nginxResult, varnishResult] = alternately(seconds, nginx.url, varnish.base + page);
      cdn = { nginx: nginxResult!, varnish: varnishResult!, ratio: varnishResult!.requestsPerSecond / nginxResult!.requestsPerSecond };
    } finally {
      await nginx.stop();
    }
  } finally {
    await varnish.stop();
  }

  // A second instance of the same build on the same database, with one web worker.
  const one: AppUnderTest = await startApp(
    {
      base: `http://127.0.0.1:${onePort}`,
      dataDir: path.join(workDir, "one-worker"),
      databaseUrl: app.databaseUrl,
      pgPort: 0,
      env: {
        ...app.env,
        DATABASE_URL: app.databaseUrl,
        PORT: String(onePort),
        NEXTAUTH_URL: `http://127.0.0.1:${onePort}`,
        RT_DATA_DIR: path.join(workDir, "one-worker"),
        WEB_CONCURRENCY: "1",
        OUTBOX_WORKER: "0",
        METRICS_PORT: String(metricsPort),
      },
    },
    { fresh: true },
  );
  try {
    // 2. All workers against one, on the same cached page.
    await readAll(app.base, [page]);
    await readAll(one.base, [page]);
    const [all, single] = alternately(seconds, app.base + page, one.base + page);
    const count = Number(app.env.WEB_CONCURRENCY ?? 0) || (await import("node:os")).availableParallelism();
    const workers = { count, all: all!, one: single!, ratio: all!.requestsPerSecond / single!.requestsPerSecond };

    // 3. Renders per publish, on the one-worker instance.
    const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    const areas = (await sql<{ slug: string }>(app.databaseUrl, "SELECT slug FROM area ORDER BY slug")).map((r) => `/areas/${r.slug}`);
    const organisations = (await sql<{ slug: string }>(app.databaseUrl, "SELECT slug FROM organisation ORDER BY slug")).map(
      (r) => `/organisations/${r.slug}`,
    );
    const commitmentPages = commitments.slice(0, 200).map((s) => `/commitments/${s}`);
    const warmed = ["/", "/commitments", "/missed", "/changes", "/timeline", "/organisations", ...areas, ...organisations, ...commitmentPages];
    const publishes: PublishRenders[] = [];
    const source = (await sql<{ id: number }>(app.databaseUrl, "SELECT id FROM source ORDER BY id LIMIT 1"))[0]!.id;
    for (let i = 0; i < (options.publishes ?? 5); i += 1) {
      await readAll(one.base, warmed);
      const before = await pageCacheEvents(metricsUrl);
      const slug = commitments[(i * 37) % Math.min(commitments.length, 200)]!;
      const note = `Scale-out benchmark publish ${i + 1} at ${Date.now()}.`;
      await sql(
        app.databaseUrl,
        `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on) SELECT c.id, 'in_progress', $2, $3, $4::date FROM commitment c WHERE c.slug = $1`,
        [slug, note, source, todayIso()],
      );
      if (!Number.isFinite(await waitUntilVisible(one.base, `/commitments/${slug}`, note)))
        throw new Error(`publish ${i + 1} never reached the one-worker instance`);
      // Read the warmed set again, one page at a time, to see which were rendered afresh.
      let otherCommitmentPages = 0;
      for (const p of warmed) {
        const rendered = (await pageCacheEvents(metricsUrl)).render ?? 0;
        await readAll(one.base, [p]);
        if (p.startsWith("/commitments/") && p !== `/commitments/${slug}` && ((await pageCacheEvents(metricsUrl)).render ?? 0) > rendered)
          otherCommitmentPages += 1;
      }
      const after = await pageCacheEvents(metricsUrl);
      publishes.push({
        slug,
        warmed: warmed.length,
        dropped: (after.drop ?? 0) - (before.drop ?? 0),
        rerendered: (after.render ?? 0) - (before.render ?? 0),
        otherCommitmentPages,
      });
    }

    // 4. Memory of the one-worker instance after many distinct pages.
    const distinct = commitments.slice(0, options.distinctPages ?? 2_000).map((s) => `/commitments/${s}`);
    await readAll(one.base, distinct);
    const memory = residentMiB(nextServerPid(one.dataDir));
    return {
      connections: CONNECTIONS,
      seconds,
      page,
      bytes: bytes.length,
      cdn,
      workers,
      publishes,
      memory: { distinctPages: distinct.length + warmed.length, rssMiB: memory.rss, peakRssMiB: memory.peak },
    };
  } finally {
    await stopApp(one);
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (name: string, r: WrkResult) =>
  `| ${name} | ${fmt(r.requestsPerSecond)} | ${fmt(r.p50Ms, 2)} | ${fmt(r.p99Ms, 2)} | ${r.errors + r.non2xx} |`;

/** The "Scale-out" part of docs/benchmarks.md. */
export function scaleOutSection(r: ScaleOutResult, when: Date, machine: string): string {
  const renders = r.publishes.map((p) => p.rerendered);
  const lines = [
    "## Scale-out (issue 16)",
    "",
    `Measured ${when.toISOString()} by \`npm run bench\` on ${machine}: wrk (one thread, asking for gzip) at ${r.connections} connections for ${r.seconds} s each, on \`${r.page}\` (${fmt(r.bytes / 1024, 1)} KiB of gzipped HTML), each loaded twice taking turns with what it is compared with (requests per second averaged, p99 the worse of the two).`,
    "",
    "| target | req/s | p50 ms | p99 ms | errors |",
    "|---|---:|---:|---:|---:|",
    row("nginx serving the same bytes from a file", r.cdn.nginx),
    row("Varnish (`deploy/varnish/default.vcl`) in front of the app", r.cdn.varnish),
    row(`the app, ${r.workers.count} web workers`, r.workers.all),
    row("the app, 1 web worker", r.workers.one),
    "",
    `- **Through Varnish: ${fmt(r.cdn.ratio, 2)}× nginx** (target ≥ 0.9×).`,
    `- **All ${r.workers.count} web workers: ${fmt(r.workers.ratio, 2)}× one worker** (wrk, Varnish's or nginx's work and the app share the same ${r.workers.count} cores).`,
    `- **Pages re-rendered per publish:** ${renders.join(", ")} of the ${r.publishes[0]?.warmed ?? 0} pages warmed beforehand (the changed commitment's page, its area's and owners' pages and the lists it appears in); other commitment pages re-rendered: ${r.publishes.map((p) => p.otherCommitmentPages).join(", ")}; pages dropped by each publish: ${r.publishes.map((p) => p.dropped).join(", ")}.`,
    `- **Memory of one web worker** after ${fmt(r.memory.distinctPages)} distinct pages: ${fmt(r.memory.rssMiB)} MiB resident (peak ${fmt(r.memory.peakRssMiB)} MiB); the caches' bound is 160 MiB of that (docs/deployment.md "Memory and disk").`,
  ];
  return lines.join("\n");
}
