// Shared by the load and fault tests, the benchmarks and Lighthouse: run the real production app
// on its own embedded PostgreSQL, create editor accounts with the real CLI, and drive the editor
// forms in Chromium.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";
import { childEnv } from "../../src/runtime/env";
import { embeddedDatabaseUrl } from "../../src/runtime/embedded-postgres";
import { todayIso } from "../../src/domain/dates";
import { queryOnce } from "../../src/runtime/connect";
import { chromiumLaunchOptions } from "../../tests/helpers/chromium";
import { addAccountWithCli } from "../../tests/helpers/user-cli";
import { completeTwoStep, type AppUnderTest2sv } from "../../tests/helpers/two-step-browser";

export type AppUnderTest = { base: string; databaseUrl: string; dataDir: string; env: NodeJS.ProcessEnv; process: ChildProcess };

/**
 * Where a harness runs its app: `--port` and `--pg-port` on its command line (npm run test:faults
 * -- --port 3700 --pg-port 54400), else the harness's own defaults, so runs side by side do not clash.
 */
export function harnessPorts(defaults: { port: number; pgPort: number }, args = process.argv.slice(2)): { port: number; pgPort: number } {
  const { values } = parseArgs({ args, strict: false, options: { port: { type: "string" }, "pg-port": { type: "string" } } });
  const number = (value: unknown, fallback: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`a port must be a whole number from 1 to 65535, not "${String(value)}"`);
    return n;
  };
  return { port: number(values.port, defaults.port), pgPort: number(values["pg-port"], defaults.pgPort) };
}

export function appEnvironment(name: string, appPort: number, pgPort: number) {
  const base = `http://127.0.0.1:${appPort}`;
  const dataDir = `.data/${name}`;
  return {
    base,
    dataDir,
    pgPort,
    databaseUrl: embeddedDatabaseUrl(pgPort),
    env: childEnv({
      RT_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      PORT: String(appPort),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: base,
      DATABASE_URL: undefined,
    }),
  };
}

export async function startApp(settings: ReturnType<typeof appEnvironment>, options: { fresh: boolean }): Promise<AppUnderTest> {
  if (options.fresh) fs.rmSync(settings.dataDir, { recursive: true, force: true });
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ops/start.ts"], { stdio: ["ignore", "inherit", "inherit"], env: settings.env });
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("the app exited during start-up");
    try {
      if ((await fetch(`${settings.base}/api/health`)).ok) return { ...settings, process: child };
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app did not become healthy");
}

export async function stopApp(app: AppUnderTest) {
  if (app.process.exitCode !== null) return;
  app.process.kill("SIGINT");
  await new Promise((resolve) => app.process.once("exit", resolve));
}

/** The pid of the Next.js server the launcher started (for kill -9). */
export function nextServerPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, "server.pid"), "utf8"));
}

export function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
}

export type Account = { email: string; password: string; app: AppUnderTest2sv };

/** An editor of `organisation` on the harness's app, made with the real CLI. */
export function createAccount(
  settings: { env: NodeJS.ProcessEnv; databaseUrl: string; dataDir: string },
  email: string,
  organisation: string,
): Account {
  const account = addAccountWithCli(
    { ...settings.env, DATABASE_URL: settings.databaseUrl },
    { email, role: "editor", name: email.split("@")[0]!, organisations: [organisation] },
  );
  return { ...account, app: { databaseUrl: settings.databaseUrl, dataDir: settings.dataDir } };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

export async function signedInPage(browser: Browser, base: string, account: Account): Promise<Page> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto("/editor/sign-in?callbackUrl=%2Feditor");
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await completeTwoStep(page, account.email, account.app);
  await page.waitForURL(/\/editor$/);
  return page;
}

export async function proposeStatusUpdate(page: Page, commitment: string, note: string, evidenceUrl: string): Promise<number> {
  const today = todayIso();
  await page.goto(`/editor/commitments/${commitment}`);
  await page.getByRole("button", { name: "Propose a status update" }).click();
  await page.getByLabel("In progress").check();
  await page.getByLabel("What happened").fill(note);
  await page.getByLabel("Date progress was confirmed").fill(today);
  await page.getByLabel("Link to the evidence").fill(evidenceUrl);
  await page.getByLabel("Title of the evidence").fill("Progress report");
  await page.getByLabel("Who published it").fill("Government Digital Service");
  // A GOV.UK date input (day, month, year); a whole date typed into Day is taken too.
  await page.getByRole("group", { name: "Date it was published" }).getByLabel("Day").fill(today);
  await page.getByRole("button", { name: "Send for checking" }).click();
  await page.getByRole("heading", { name: "Sent for checking" }).waitFor();
  const id = Number(page.url().match(/\/editor\/proposals\/(\d+)/)?.[1]);
  if (!(id > 0)) throw new Error(`no proposal id in ${page.url()}`);
  return id;
}

/** Approves the proposal as a reviewer; `timeout` for the answer (a 1,000-row import takes longer). */
export async function approve(page: Page, proposalId: number, timeout?: number) {
  await page.goto(`/editor/proposals/${proposalId}`);
  await page.getByLabel("Approve and publish").check();
  await page.getByRole("button", { name: "Confirm decision" }).click();
  await page.getByRole("heading", { name: /Approved and published|Someone else acted on this proposal first/ }).waitFor({ timeout });
}

export const sql = queryOnce;

/** Commitments an editor of this organisation may propose changes to. */
export async function commitmentsOf(url: string, organisation: string): Promise<string[]> {
  const rows = await sql<{ slug: string }>(
    url,
    `SELECT c.slug FROM commitment c JOIN organisation o ON o.slug = $1
     WHERE c.lead_organisation_id = o.id OR EXISTS (SELECT 1 FROM commitment_owner co WHERE co.commitment_id = c.id AND co.organisation_id = o.id)
     ORDER BY c.slug`,
    [organisation],
  );
  return rows.map((r) => r.slug);
}

export function check(failures: string[], ok: boolean, message: string) {
  console.log(`${ok ? "✓" : "✗"} ${message}`);
  if (!ok) failures.push(message);
}
