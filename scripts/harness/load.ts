// npm run test:load — 60 s of mixed public reads at 50 connections while 5 editors propose and
// approve updates, against the production app on loopback. Afterwards: zero 5xx, every approved
// update on its public page within 1 s, and present exactly once in the history, the API and the feed.
// Bounded: fixed duration, fixed number of editor rounds, loopback only.
import autocannon from "autocannon";
import { parseArgs } from "node:util";
import { waitUntilVisible } from "./bench/publish";
import {
  appEnvironment,
  approve,
  check,
  commitmentsOf,
  createAccount,
  harnessPorts,
  launchBrowser,
  proposeStatusUpdate,
  signedInPage,
  sql,
  startApp,
  stopApp,
} from "./app-under-test";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    connections: { type: "string", default: "50" },
    rounds: { type: "string", default: "6" },
    port: { type: "string" },
    "pg-port": { type: "string" },
  },
});
const seconds = Number(values.seconds);
const ports = harnessPorts({ port: 3650, pgPort: 54375 });
const settings = appEnvironment("load", ports.port, ports.pgPort);
const ORGANISATION = "government-digital-service";

async function main() {
  const failures: string[] = [];
  const app = await startApp(settings, { fresh: true });
  const browser = await launchBrowser();
  try {
    const editors = Array.from({ length: 5 }, (_, i) => createAccount(settings, `load-editor-${i + 1}@example.gov.uk`, ORGANISATION));
    const commitments = await commitmentsOf(settings.databaseUrl, ORGANISATION);
    // One tab per editor, used for their own proposals and for reviewing the previous editor's:
    // a tab is lent to one step at a time, so no tab is driven by two rounds at once.
    const pages = await Promise.all(editors.map((e) => signedInPage(browser, settings.base, e)));
    const queues = pages.map(() => Promise.resolve() as Promise<unknown>);
    const inTab = <T>(tab: number, step: () => Promise<T>): Promise<T> => {
      const run = queues[tab]!.then(step, step);
      queues[tab] = run.catch(() => {});
      return run;
    };
    const paths = [
      "/",
      "/commitments",
      "/commitments?status=in_progress&sort=overdue",
      `/commitments/${commitments[0]}`,
      "/missed",
      "/changes",
      "/api/v1/commitments",
      "/changes.atom",
    ];

    const reads = autocannon({
      url: settings.base,
      // In a thread of its own: a load generator in this event loop would delay the poller below
      // and the editors' browser driver, and the times measured would be partly its own.
      workers: 1,
      connections: Number(values.connections),
      duration: seconds,
      timeout: 20,
      requests: paths.map((path) => ({ method: "GET", path })),
    });
    const started = Date.now();
    const approved: { id: number; note: string; commitment: string; visibleAfterMs: number }[] = [];
    const writeErrors: string[] = [];
    await Promise.all(
      pages.map(async (page, i) => {
        const next = (i + 1) % pages.length;
        const reviewer = pages[next]!;
        for (let round = 0; round < Number(values.rounds) && Date.now() - started < (seconds - 5) * 1000; round++) {
          const commitment = commitments[(i * 7 + round) % commitments.length]!;
          const note = `Load test update ${i + 1}.${round + 1}: progress confirmed under load (${started}).`;
          try {
            const id = await inTab(i, () => proposeStatusUpdate(page, commitment, note, `https://www.gov.uk/load-test/${started}/${i}/${round}`));
            await inTab(next, () => approve(reviewer, id));
            const visibleAfterMs = await waitUntilVisible(settings.base, `/commitments/${commitment}`, note);
            approved.push({ id, note, commitment, visibleAfterMs });
          } catch (error) {
            // Where each editor was when it stopped, to tell a slow server from a wrong page.
            const where = await Promise.all(
              [page, reviewer].map(
                async (p) =>
                  `${p.url()} "${(
                    await p
                      .locator("h1")
                      .first()
                      .textContent({ timeout: 1_000 })
                      .catch(() => "")
                  )?.trim()}"`,
              ),
            );
            writeErrors.push(
              `editor ${i + 1} round ${round + 1}: ${(error as Error).message.split("\n")[0]} (author at ${where[0]}, reviewer at ${where[1]})`,
            );
          }
        }
      }),
    );
    const result = await reads;
    console.log(
      `Reads: ${result.requests.total} requests, ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, 2xx ${result["2xx"]}, 4xx ${result["4xx"]}, 5xx ${result["5xx"]}, errors ${result.errors}, timeouts ${result.timeouts}`,
    );
    console.log(`Writes: ${approved.length} updates proposed and approved by 5 editors`);
    const slowest = Math.max(0, ...approved.map((a) => a.visibleAfterMs));
    console.log(`Published changes on their public page after (ms): ${approved.map((a) => Math.round(a.visibleAfterMs)).join(", ")}`);

    check(failures, result["5xx"] === 0, `no 5xx responses among ${result.requests.total} reads`);
    check(failures, result.errors === 0 && result.timeouts === 0, "no connection errors or timeouts");
    check(failures, writeErrors.length === 0, `every editor round succeeded${writeErrors.length ? `: ${writeErrors.join("; ")}` : ""}`);
    check(failures, approved.length > 0, "updates were published during the load");
    check(failures, slowest <= 1_000, `every published change was on its public page within 1 s, under load (slowest ${Math.round(slowest)} ms)`);

    const feed = await (await fetch(`${settings.base}/changes.atom`)).text();
    for (const update of approved) {
      const rows = await sql<{ n: string }>(settings.databaseUrl, "SELECT COUNT(*) AS n FROM status_update WHERE proposal_id = $1 AND note = $2", [
        update.id,
        update.note,
      ]);
      const api = (await (await fetch(`${settings.base}/api/v1/commitments/${update.commitment}`)).json()) as unknown;
      const inApi = JSON.stringify(api).split(JSON.stringify(update.note).slice(1, -1)).length - 1;
      const inFeed = feed.split(update.note).length - 1;
      check(
        failures,
        Number(rows[0]!.n) === 1 && inApi === 1 && inFeed === 1,
        `proposal ${update.id}: once in history (${rows[0]!.n}), API (${inApi}) and feed (${inFeed})`,
      );
    }
  } finally {
    await browser.close();
    await stopApp(app);
  }
  console.log(failures.length ? `\n${failures.length} check(s) failed` : "\nAll load checks passed");
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
