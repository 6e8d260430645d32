// npm run test:scale: the scale-out proof of issue 16, on loopback only, bounded in time.
// Two app instances (each `npm start` with WEB_CONCURRENCY=2) on one PostgreSQL (instance A's
// embedded one; B is given its DATABASE_URL), behind Varnish (deploy/varnish/default.vcl with
// both instances as backends; A's outbox worker purges it). Mixed reads go through Varnish at
// 50 connections while 25 changes are published to the database: each must be on its page,
// through Varnish and directly on B, within 1 s (the maximum is reported), with no 5xx and no
// stale read after that second.
//
//   npm run test:scale -- --seconds 60 --port-base 56100
//
// Ports (all loopback): PostgreSQL base, A base+1, B base+2, Varnish base+3.
// The publishes are commits of status updates made straight to the database (as any
// instance's editor transaction commits them; the triggers announce them the same way), so A
// hears them by NOTIFY like B does.
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { appEnvironment, startApp, stopApp, sql, type AppUnderTest } from "./app-under-test";
import { todayIso } from "../../src/domain/dates";
import { ensureDebianPackages, VARNISH } from "./peers/debian-packages";
import { startVarnish, type Varnish } from "./peers/varnish";

const { values } = parseArgs({ args: process.argv.slice(2), options: { seconds: { type: "string" }, "port-base": { type: "string" } } });
const seconds = Number(values.seconds ?? 60);
const base = Number(values["port-base"] ?? 56100);
if (!Number.isInteger(seconds) || seconds < 5 || seconds > 600) throw new Error("--seconds must be a whole number from 5 to 600");
if (!Number.isInteger(base) || base < 1024 || base > 65530) throw new Error("--port-base must be a whole number from 1024 to 65530");
const PUBLISHES = 25;
const LIMIT_MS = 1_000;

const body = async (url: string) => {
  const response = await fetch(url, { headers: { "accept-encoding": "gzip" } });
  return { status: response.status, text: await response.text() };
};

async function main() {
  // Before anything starts: the packages, installed now if missing (Varnish and varnish-modules).
  ensureDebianPackages(VARNISH, "npm run test:scale");
  const [pgPort, portA, portB, portVarnish] = [base, base + 1, base + 2, base + 3];
  const varnishBase = `http://127.0.0.1:${portVarnish}`;
  const shared = { WEB_CONCURRENCY: "2", TRUSTED_PROXIES: "127.0.0.1", SITE_URL: varnishBase };
  const a0 = appEnvironment("scale-a", portA, pgPort);
  const apps: AppUnderTest[] = [];
  let varnish: Varnish | null = null;
  try {
    const a = await startApp({ ...a0, env: { ...a0.env, ...shared, CDN_PURGE_URL: `${varnishBase}/.purge` } }, { fresh: true });
    apps.push(a);
    const b0 = appEnvironment("scale-b", portB, pgPort);
    const b = await startApp({ ...b0, env: { ...b0.env, ...shared, DATABASE_URL: a.databaseUrl, OUTBOX_WORKER: "0" } }, { fresh: true });
    apps.push(b);
    varnish = await startVarnish({ port: portVarnish, backends: [portA, portB], workDir: ".data/scale-varnish", purpose: "npm run test:scale" });

    const slugs = (await sql<{ slug: string }>(a.databaseUrl, "SELECT slug FROM commitment ORDER BY id")).map((r) => r.slug);
    const paths = [
      "/",
      "/commitments",
      "/missed",
      "/changes",
      "/areas",
      "/organisations",
      "/api/v1/commitments",
      ...slugs.slice(0, 30).map((s) => `/commitments/${s}`),
    ];
    // Warm: every page once through Varnish.
    for (const p of paths) await fetch(`${varnishBase}${p}`).then((r) => r.arrayBuffer());

    const load = autocannon({
      url: varnishBase,
      connections: 50,
      duration: seconds,
      requests: paths.map((p) => ({ method: "GET", path: p, headers: { "accept-encoding": "gzip" } })),
    });
    const results: { slug: string; varnishMs: number; directMs: number; stale: number }[] = [];
    const gap = (seconds * 1000) / (PUBLISHES + 1);
    for (let i = 0; i < PUBLISHES; i += 1) {
      await new Promise((r) => setTimeout(r, gap - LIMIT_MS));
      const slug = slugs[i % Math.min(slugs.length, 30)]!;
      const note = `Scale test publish ${i + 1} at ${Date.now()}.`;
      await sql(
        a.databaseUrl,
        `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on)
         SELECT c.id, 'in_progress', $2, (SELECT id FROM source ORDER BY id LIMIT 1), $3::date FROM commitment c WHERE c.slug = $1`,
        [slug, note, todayIso()],
      );
      const started = performance.now();
      const seen = async (url: string) => {
        for (;;) {
          if ((await body(url)).text.includes(note)) return performance.now() - started;
          if (performance.now() - started > 10_000) return Number.POSITIVE_INFINITY;
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      const [varnishMs, directMs] = await Promise.all([
        seen(`${varnishBase}/commitments/${slug}`),
        seen(`http://127.0.0.1:${portB}/commitments/${slug}`),
      ]);
      // After the second: every read shows it.
      await new Promise((r) => setTimeout(r, Math.max(0, LIMIT_MS - (performance.now() - started))));
      let stale = 0;
      for (const url of [
        `${varnishBase}/commitments/${slug}`,
        `http://127.0.0.1:${portB}/commitments/${slug}`,
        `http://127.0.0.1:${portA}/commitments/${slug}`,
      ])
        for (let k = 0; k < 3; k += 1) if (!(await body(url)).text.includes(note)) stale += 1;
      results.push({ slug, varnishMs, directMs, stale });
    }
    const summary = await load;
    const max = (f: (r: (typeof results)[number]) => number) => Math.max(...results.map(f));
    const report = {
      seconds,
      connections: 50,
      requests: summary.requests.total,
      requestsPerSecond: Math.round(summary.requests.average),
      p99Ms: summary.latency.p99,
      non2xx: summary.non2xx,
      "5xx": summary["5xx"],
      errors: summary.errors + summary.timeouts,
      publishes: results.length,
      maxVisibleThroughVarnishMs: Math.round(max((r) => r.varnishMs)),
      maxVisibleOnBMs: Math.round(max((r) => r.directMs)),
      staleReadsAfterOneSecond: results.reduce((n, r) => n + r.stale, 0),
    };
    console.log(JSON.stringify(report, null, 2));
    const ok =
      report["5xx"] === 0 &&
      report.errors === 0 &&
      report.staleReadsAfterOneSecond === 0 &&
      report.maxVisibleThroughVarnishMs <= LIMIT_MS &&
      report.maxVisibleOnBMs <= LIMIT_MS;
    console.log(ok ? "✓ test:scale passed" : "✖ test:scale failed");
    process.exitCode = ok ? 0 : 1;
  } finally {
    await varnish?.stop();
    for (const app of apps.reverse()) await stopApp(app);
  }
}

void main().catch((error: unknown) => {
  console.error("✖ test:scale:", error);
  process.exit(1);
});
