// npm run test:faults — failure tests against the production app on loopback:
//  1. kill -9 the app in the middle of approvals, restart it: no partial change, nothing
//     approved is lost, and the remaining work can still be done.
//  2. stop PostgreSQL while serving: pages and /api/health answer 503 with a clear message,
//     and the app recovers on its own when the database returns.
import { setTimeout as sleep } from "node:timers/promises";
import { startEmbeddedPostgres } from "../src/runtime/embedded-postgres";
import {
  appEnvironment,
  approve,
  check,
  commitmentsOf,
  createAccount,
  launchBrowser,
  nextServerPid,
  postmasterPid,
  proposeStatusUpdate,
  signedInPage,
  sql,
  startApp,
  stopApp,
} from "./proof/app-under-test";

const APP_PORT = 3660;
const PG_PORT = 54376;
const settings = appEnvironment("faults", APP_PORT, PG_PORT);
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

async function consistency(failures: string[]) {
  const broken = await sql<{ id: number; state: string; published: string }>(
    settings.databaseUrl,
    `SELECT p.id, p.state, (SELECT COUNT(*) FROM status_update u WHERE u.proposal_id = p.id) AS published
     FROM proposal p
     WHERE (p.state = 'approved') <> ((SELECT COUNT(*) FROM status_update u WHERE u.proposal_id = p.id) = 1)
        OR (SELECT COUNT(*) FROM status_update u WHERE u.proposal_id = p.id) > 1`,
  );
  check(failures, broken.length === 0, `every approved proposal is published exactly once and nothing else is${broken.length ? `: ${JSON.stringify(broken)}` : ""}`);
}

async function main() {
  const failures: string[] = [];
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
      proposals.push(await proposeStatusUpdate(authorPage, commitments[i % commitments.length]!, `Fault test update ${i + 1}: confirmed before the crash test.`, `https://www.gov.uk/faults/${Date.now()}/${i}`));
    }
    let reviewerPage = await signedInPage(browser, settings.base, reviewer);
    await approve(reviewerPage, proposals[0]!);
    await approve(reviewerPage, proposals[1]!);
    const approvedBefore = await sql<{ id: number }>(settings.databaseUrl, `SELECT id FROM proposal WHERE state = 'approved'`);
    // Submit the next approvals and kill the server while they are in flight.
    const secondReviewerPage = await signedInPage(browser, settings.base, reviewer);
    for (const [page, id] of [[reviewerPage, proposals[2]!], [secondReviewerPage, proposals[3]!]] as const) {
      await page.goto(`/editor/proposals/${id}`);
      await page.getByLabel("Approve and publish").check();
    }
    const inFlight = [reviewerPage, secondReviewerPage].map((page) => page.getByRole("button", { name: "Confirm decision" }).click().catch(() => "interrupted"));
    await sleep(20);
    process.kill(nextServerPid(settings.dataDir), "SIGKILL");
    await Promise.allSettled(inFlight);
    await new Promise((resolve) => app.process.once("exit", resolve));
    console.log("Killed the app with SIGKILL during approvals; restarting…");
    app = await startApp(settings, { fresh: false });

    await consistency(failures);
    const approvedAfter = await sql<{ id: number }>(settings.databaseUrl, `SELECT id FROM proposal WHERE state = 'approved'`);
    check(failures, approvedBefore.every((a) => approvedAfter.some((b) => b.id === a.id)), "approvals completed before the crash are still there");
    reviewerPage = await signedInPage(browser, settings.base, reviewer);
    for (const id of proposals.slice(2)) await approve(reviewerPage, id);
    await consistency(failures);
    const published = await sql<{ n: string }>(settings.databaseUrl, `SELECT COUNT(*) AS n FROM status_update WHERE proposal_id = ANY($1::int[])`, [proposals]);
    check(failures, Number(published[0]!.n) === proposals.length, `after restart every proposal could be approved, each published once (${published[0]!.n}/${proposals.length})`);
    authorPage = await signedInPage(browser, settings.base, author);
    await authorPage.close();

    // 2. database outage
    const before = await fetch(`${settings.base}/`);
    check(failures, before.status === 200, "the overview answers 200 before the outage");
    process.kill(postmasterPid(settings.dataDir), "SIGINT");
    await waitFor("PostgreSQL to stop", async () => (await fetch(`${settings.base}/api/health`)).status === 503, 20);
    const health = await fetch(`${settings.base}/api/health`);
    const healthBody = (await health.json()) as { status?: string; reason?: string };
    check(failures, health.status === 503 && /database is unreachable/.test(healthBody.reason ?? ""), `/api/health answers 503 with a reason (${health.status} ${JSON.stringify(healthBody)})`);
    for (const path of ["/", "/commitments", "/missed", `/commitments/${commitments[0]}`]) {
      const response = await fetch(`${settings.base}${path}`);
      const text = await response.text();
      check(failures, response.status === 503 && /cannot reach its database/.test(text), `${path} answers 503 with a clear message during the outage (${response.status})`);
    }
    const api = await fetch(`${settings.base}/api/v1/commitments`);
    check(failures, api.status === 503, `the API answers 503 during the outage (${api.status})`);

    console.log("Starting PostgreSQL again…");
    const database = await startEmbeddedPostgres({ dataDir: settings.dataDir, port: PG_PORT, database: "roadmap_tracker" });
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
