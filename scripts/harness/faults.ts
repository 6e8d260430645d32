// npm run test:faults — failure tests against the production app on loopback:
//  1. kill -9 the app in the middle of approvals, restart it: no partial change, nothing
//     approved is lost, and the remaining work can still be done.
//  2. kill -9 the app while a 1,000-row CSV import is writing (its transaction seen open in
//     PostgreSQL): none of it is there after the restart (no proposal, no commitment), and the
//     same file then imports whole: one proposal, which a second editor approves, and then all
//     1,000 commitments are public (an import is checked before anything of it is published).
//  3. stop PostgreSQL while serving: pages and /api/health answer 503 with a clear message,
//     and the app recovers on its own when the database returns (started again once the old
//     one has stopped).
//  4. SIGTERM under load: every request sent before the signal is answered, nothing answers
//     5xx, the launcher exits 0 and the embedded PostgreSQL has stopped cleanly; outbox messages
//     written just before the signal are all done once the app is started again.
import fs from "node:fs";
import pg from "pg";
import http from "node:http";
import { once } from "node:events";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Page } from "playwright-core";
import { EMBEDDED_DATABASE, startEmbeddedPostgres } from "../../src/runtime/embedded-postgres";
import { IMPORT_COLUMNS } from "../../src/schemas/editor";
import { todayIso } from "../../src/domain/dates";
import {
  type AppUnderTest,
  appEnvironment,
  approve,
  check,
  commitmentsOf,
  createAccount,
  harnessPorts,
  launchBrowser,
  nextServerPid,
  postmasterPid,
  proposeStatusUpdate,
  signedInPage,
  sql,
  startApp,
  stopApp,
} from "./app-under-test";

const ports = harnessPorts({ port: 3660, pgPort: 54376 });
const settings = appEnvironment("faults", ports.port, ports.pgPort);
const ORGANISATION = "government-digital-service";

async function waitFor(what: string, predicate: () => Promise<boolean>, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      if (await predicate()) return true;
    } catch {}
    await sleep(250);
  }
  console.log(`  (gave up waiting for ${what} after ${seconds} s)`);
  return false;
}

/** Status update proposals (what scenario 1 approves): approved if and only if published once. An import's proposal publishes commitments instead (scenario 2 counts them). */
async function consistency(failures: string[]) {
  const broken = await sql<{ id: number; state: string; published: string }>(
    settings.databaseUrl,
    `SELECT p.id, p.state, (SELECT COUNT(*) FROM status_update u WHERE u.proposal_id = p.id) AS published
     FROM proposal p
     WHERE p.kind = 'status_update'
       AND ((p.state = 'approved') <> ((SELECT COUNT(*) FROM status_update u WHERE u.proposal_id = p.id) = 1)
        OR (SELECT COUNT(*) FROM status_update u WHERE u.proposal_id = p.id) > 1)`,
  );
  check(
    failures,
    broken.length === 0,
    `every approved status update proposal is published exactly once and nothing else is${broken.length ? `: ${JSON.stringify(broken)}` : ""}`,
  );
}

/** A file of `rows` new commitments led by ORGANISATION, each with its slug starting `prefix`. */
function commitmentsCsv(prefix: string, rows: number): string {
  const columns = IMPORT_COLUMNS.commitments;
  const today = todayIso();
  const row = (i: number): Record<string, string> => ({
    slug: `${prefix}-${i}`,
    title: `Fault test commitment ${i}`,
    summary: "Imported by the fault test.",
    area: "digital-and-data-infrastructure",
    lead: ORGANISATION,
    supporting: "",
    announced_on: today,
    deadline_label: "by the end of 2027",
    deadline_precision: "year",
    source_url: `https://www.gov.uk/faults/import/${i}`,
    source_title: "Fault test",
    source_publisher: "GDS",
    source_published_on: today,
  });
  const lines = Array.from({ length: rows }, (_, i) => {
    const values = row(i + 1);
    return columns.map((c) => values[c]).join(",");
  });
  return [columns.join(","), ...lines].join("\n");
}

/** Pastes the file, previews it, and returns once the import button is on the page. */
async function previewImport(page: Page, csv: string, rows: number) {
  await page.goto("/editor/import");
  await page.getByLabel("New commitments").check();
  await page.getByLabel("Or paste the CSV").fill(csv);
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await page.getByRole("button", { name: `Import ${rows} rows` }).waitFor({ timeout: 120_000 });
}

/**
 * True once PostgreSQL shows a transaction of the app's that is open and writing: it has written
 * and not committed, or it waits for the lock `holdProposalWrites` holds (`except`: that holder).
 */
async function openWriteTransaction(except: number): Promise<boolean> {
  const rows = await sql<{ n: string }>(
    settings.databaseUrl,
    `SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> $1
       AND xact_start IS NOT NULL AND (backend_xid IS NOT NULL OR wait_event_type = 'Lock')`,
    [except],
  );
  return Number(rows[0]!.n) > 0;
}

/**
 * Holds back every write to the proposal table (SELECTs still run) until released, so an import,
 * one quick INSERT of its proposal, is certainly caught with its transaction open.
 */
async function holdProposalWrites(): Promise<{ pid: number; release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: settings.databaseUrl });
  await client.connect();
  await client.query("BEGIN");
  await client.query("LOCK TABLE proposal IN SHARE ROW EXCLUSIVE MODE");
  const pid = Number((await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid);
  return {
    pid,
    release: async () => {
      await client.query("ROLLBACK").catch(() => {});
      await client.end().catch(() => {});
    },
  };
}

type Outcome = { path: string; beforeSignal: boolean; status?: number; error?: string };

/** One GET on a connection of its own (so a connection's reuse cannot be what fails). */
function get(base: string, path: string): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const request = http.get(`${base}${path}`, { agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode }));
      response.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

/** 4. SIGTERM to the launcher while 16 clients keep asking for pages (cached and freshly rendered) and the API. */
async function sigtermUnderLoad(failures: string[], app: AppUnderTest) {
  const paths = ["/", "/commitments", "/missed", "/api/v1/commitments", "/api/health", "/data/commitments.csv"];
  const outcomes: Outcome[] = [];
  let signalled = false;
  let refused = false;
  const client = async (n: number) => {
    for (let i = 0; !refused; i++) {
      // Every third request is a search no one has made, so it is rendered rather than served from the cache.
      const path = i % 3 === 0 ? `/commitments?q=shutdown-${n}-${i}` : paths[(n + i) % paths.length]!;
      const beforeSignal = !signalled;
      const result = await get(app.base, path);
      outcomes.push({ path, beforeSignal, ...result });
      if (result.error === "ECONNREFUSED") refused = true;
    }
  };
  const clients = Array.from({ length: 16 }, (_, n) => client(n));
  await waitFor("200 answers under load", async () => outcomes.filter((o) => o.status === 200).length >= 200, 120);
  // Three publishes just before the signal: their outbox messages (CDN purges) may be held by the worker when it stops.
  const last = (await sql<{ last: string }>(app.databaseUrl, `SELECT COALESCE(MAX(id), 0)::text AS last FROM outbox`))[0]!.last;
  await sql(
    app.databaseUrl,
    `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on)
     SELECT c.id, 'in_progress', 'Written just before SIGTERM by the fault test.', (SELECT id FROM source ORDER BY id LIMIT 1), $1::date
     FROM (SELECT id FROM commitment ORDER BY id LIMIT 3) c`,
    [todayIso()],
  );
  const exited = once(app.process, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  signalled = true;
  app.process.kill("SIGTERM");
  const [code, signal] = await exited;
  refused = true;
  await Promise.all(clients);
  const inFlight = outcomes.filter((o) => o.beforeSignal);
  const unanswered = inFlight.filter((o) => o.status === undefined);
  const fivexx = outcomes.filter((o) => (o.status ?? 0) >= 500);
  console.log(
    `SIGTERM under load: ${outcomes.length} requests, ${inFlight.length} sent before the signal, ${outcomes.filter((o) => !o.beforeSignal && o.status).length} answered after it, ${outcomes.filter((o) => !o.beforeSignal && o.error).length} refused after it`,
  );
  check(
    failures,
    unanswered.length === 0,
    `every request sent before SIGTERM was answered${unanswered.length ? `: ${JSON.stringify(unanswered.slice(0, 5))}` : ""}`,
  );
  check(
    failures,
    fivexx.length === 0,
    `no request answered 5xx during the shutdown${fivexx.length ? `: ${JSON.stringify(fivexx.slice(0, 5))}` : ""}`,
  );
  check(failures, code === 0, `the launcher exited 0 after SIGTERM (code ${code}, signal ${signal})`);
  check(
    failures,
    !fs.existsSync(path.join(app.dataDir, "postgres", "postmaster.pid")),
    "the embedded PostgreSQL stopped cleanly (no postmaster.pid left)",
  );

  const restarted = await startApp(settings, { fresh: false });
  try {
    const undone = async () =>
      Number((await sql<{ n: string }>(app.databaseUrl, `SELECT COUNT(*)::text AS n FROM outbox WHERE id > $1 AND done_at IS NULL`, [last]))[0]!.n);
    const written = Number((await sql<{ n: string }>(app.databaseUrl, `SELECT COUNT(*)::text AS n FROM outbox WHERE id > $1`, [last]))[0]!.n);
    const allDone = await waitFor("the outbox to be drained after the restart", async () => (await undone()) === 0, 60);
    check(
      failures,
      written > 0 && allDone,
      `no outbox message written before SIGTERM was lost: all ${written} done after the restart (${await undone()} left)`,
    );
  } finally {
    await stopApp(restarted);
  }
}

async function main() {
  const failures: string[] = [];
  // `-- --only-shutdown`: scenario 4 alone.
  if (process.argv.includes("--only-shutdown")) {
    await sigtermUnderLoad(failures, await startApp(settings, { fresh: true }));
    console.log(failures.length ? `\n${failures.length} check(s) failed` : "\nAll fault checks passed");
    process.exit(failures.length ? 1 : 0);
  }
  let app = await startApp(settings, { fresh: true });
  const browser = await launchBrowser();
  try {
    // 1. kill -9 during writes
    const author = createAccount(settings, "faults-author@example.gov.uk", ORGANISATION);
    const reviewer = createAccount(settings, "faults-reviewer@example.gov.uk", ORGANISATION);
    const commitments = await commitmentsOf(settings.databaseUrl, ORGANISATION);
    let authorPage = await signedInPage(browser, settings.base, author);
    const proposals: number[] = [];
    for (let i = 0; i < 6; i++) {
      proposals.push(
        await proposeStatusUpdate(
          authorPage,
          commitments[i % commitments.length]!,
          `Fault test update ${i + 1}: confirmed before the crash test.`,
          `https://www.gov.uk/faults/${Date.now()}/${i}`,
        ),
      );
    }
    let reviewerPage = await signedInPage(browser, settings.base, reviewer);
    await approve(reviewerPage, proposals[0]!);
    await approve(reviewerPage, proposals[1]!);
    const approvedBefore = await sql<{ id: number }>(settings.databaseUrl, `SELECT id FROM proposal WHERE state = 'approved'`);
    // Submit the next approvals and kill the server while they are in flight.
    const secondReviewerPage = await signedInPage(browser, settings.base, reviewer);
    for (const [page, id] of [
      [reviewerPage, proposals[2]!],
      [secondReviewerPage, proposals[3]!],
    ] as const) {
      await page.goto(`/editor/proposals/${id}`);
      await page.getByLabel("Approve and publish").check();
    }
    const inFlight = [reviewerPage, secondReviewerPage].map((page) =>
      page
        .getByRole("button", { name: "Confirm decision" })
        .click()
        .catch(() => "interrupted"),
    );
    await sleep(20);
    process.kill(nextServerPid(settings.dataDir), "SIGKILL");
    await Promise.allSettled(inFlight);
    await new Promise((resolve) => app.process.once("exit", resolve));
    console.log("Killed the app with SIGKILL during approvals; restarting…");
    app = await startApp(settings, { fresh: false });

    await consistency(failures);
    const approvedAfter = await sql<{ id: number }>(settings.databaseUrl, `SELECT id FROM proposal WHERE state = 'approved'`);
    const landed = [proposals[2]!, proposals[3]!].filter((id) => approvedAfter.some((a) => a.id === id)).length;
    console.log(`  (of the two approvals in flight, ${landed} had committed before the kill and ${2 - landed} had not)`);
    check(
      failures,
      approvedBefore.every((a) => approvedAfter.some((b) => b.id === a.id)),
      "approvals completed before the crash are still there",
    );
    reviewerPage = await signedInPage(browser, settings.base, reviewer);
    for (const id of proposals.slice(2)) await approve(reviewerPage, id);
    await consistency(failures);
    const published = await sql<{ n: string }>(settings.databaseUrl, `SELECT COUNT(*) AS n FROM status_update WHERE proposal_id = ANY($1::int[])`, [
      proposals,
    ]);
    check(
      failures,
      Number(published[0]!.n) === proposals.length,
      `after restart every proposal could be approved, each published once (${published[0]!.n}/${proposals.length})`,
    );
    authorPage = await signedInPage(browser, settings.base, author);

    // 2. kill -9 during a large import (one transaction, all or nothing)
    const ROWS = 1000;
    const prefix = `fault-import-${Date.now().toString(36)}`;
    const imported = async () =>
      Number((await sql<{ n: string }>(settings.databaseUrl, `SELECT COUNT(*) AS n FROM commitment WHERE slug LIKE $1`, [`${prefix}-%`]))[0]!.n);
    /** The import proposals holding this file (its slugs are in the proposal's payload). */
    const importProposals = async () =>
      (
        await sql<{ id: number; state: string }>(
          settings.databaseUrl,
          `SELECT id, state FROM proposal WHERE kind = 'commitment_import' AND payload::text LIKE $1 ORDER BY id`,
          [`%${prefix}-%`],
        )
      ).map((p) => ({ id: Number(p.id), state: p.state }));
    const csv = commitmentsCsv(prefix, ROWS);
    await previewImport(authorPage, csv, ROWS);
    const hold = await holdProposalWrites();
    const importing = authorPage
      .getByRole("button", { name: `Import ${ROWS} rows` })
      .click()
      .catch(() => "interrupted");
    const caughtInFlight = await waitFor("the import's transaction to be open", () => openWriteTransaction(hold.pid), 60);
    check(failures, caughtInFlight, "the app was killed while the import's transaction was open in PostgreSQL");
    process.kill(nextServerPid(settings.dataDir), "SIGKILL");
    await hold.release();
    await importing;
    await new Promise((resolve) => app.process.once("exit", resolve));
    console.log("Killed the app with SIGKILL during a 1,000-row import; restarting…");
    app = await startApp(settings, { fresh: false });
    check(failures, (await imported()) === 0, `none of the interrupted import is in the database (${await imported()} of ${ROWS} rows)`);
    check(failures, (await importProposals()).length === 0, "the interrupted import left no proposal behind");
    authorPage = await signedInPage(browser, settings.base, author);
    await previewImport(authorPage, csv, ROWS);
    await authorPage.getByRole("button", { name: `Import ${ROWS} rows` }).click();
    await authorPage.getByRole("heading", { name: `Imported ${ROWS} commitments for checking` }).waitFor({ timeout: 120_000 });
    const fileProposals = await importProposals();
    check(
      failures,
      fileProposals.length === 1 && fileProposals[0]!.state === "pending" && (await imported()) === 0,
      `after the restart the same file imports as one proposal, nothing published yet (${JSON.stringify(fileProposals)}, ${await imported()} rows public)`,
    );
    reviewerPage = await signedInPage(browser, settings.base, reviewer);
    if (fileProposals[0]) await approve(reviewerPage, fileProposals[0].id, 120_000);
    check(failures, (await imported()) === ROWS, `once approved, the file's commitments are all there (${await imported()} of ${ROWS} rows)`);
    const publicPage = await fetch(`${settings.base}/commitments/${prefix}-${ROWS}`);
    check(failures, publicPage.status === 200, `an imported commitment is on the public site (${publicPage.status})`);
    await authorPage.close();

    // 3. database outage
    const before = await fetch(`${settings.base}/`);
    check(failures, before.status === 200, "the overview answers 200 before the outage");
    process.kill(postmasterPid(settings.dataDir), "SIGINT");
    await waitFor("PostgreSQL to stop", async () => (await fetch(`${settings.base}/api/health`)).status === 503, 20);
    // Refusing connections comes before the end of a fast shutdown: a new postmaster started on the
    // same data directory before the old one has removed its postmaster.pid would refuse to start.
    const stopped = await waitFor(
      "PostgreSQL to finish stopping",
      async () => !fs.existsSync(path.join(settings.dataDir, "postgres", "postmaster.pid")),
      60,
    );
    check(failures, stopped, "PostgreSQL stopped (its postmaster.pid removed) after SIGINT");
    const health = await fetch(`${settings.base}/api/health`);
    const healthBody = (await health.json()) as { status?: string; reason?: string };
    check(
      failures,
      health.status === 503 && /database is not answering/.test(healthBody.reason ?? ""),
      `/api/health answers 503 with a reason (${health.status} ${JSON.stringify(healthBody)})`,
    );
    for (const path of ["/", "/commitments", "/missed", `/commitments/${commitments[0]}`]) {
      const response = await fetch(`${settings.base}${path}`);
      const text = await response.text();
      check(
        failures,
        response.status === 503 && /cannot reach its database/.test(text),
        `${path} answers 503 with a clear message during the outage (${response.status})`,
      );
    }
    const api = await fetch(`${settings.base}/api/v1/commitments`);
    check(failures, api.status === 503, `the API answers 503 during the outage (${api.status})`);

    console.log("Starting PostgreSQL again…");
    const database = await startEmbeddedPostgres({ dataDir: settings.dataDir, port: settings.pgPort, database: EMBEDDED_DATABASE });
    try {
      const recovered = await waitFor("the app to recover", async () => (await fetch(`${settings.base}/api/health`)).ok, 30);
      check(failures, recovered, "/api/health recovers on its own when the database returns");
      const page = await fetch(`${settings.base}/`);
      check(failures, page.status === 200 && /Roadmap/.test(await page.text()), "the overview answers 200 again without a restart");
      await consistency(failures);
    } finally {
      await stopApp(app);
      await database.stop();
    }

    // 4. graceful shutdown under load
    app = await startApp(settings, { fresh: false });
    await sigtermUnderLoad(failures, app);
  } finally {
    await browser.close();
    await stopApp(app).catch(() => {});
  }
  console.log(failures.length ? `\n${failures.length} check(s) failed` : "\nAll fault checks passed");
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
