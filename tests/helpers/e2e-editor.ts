// Helpers for the editor end-to-end tests: accounts made with the real `npm run user` command
// against the e2e database, signing in through the real form, and direct reads of the database.
import { expect, type Page } from "@playwright/test";
import type pg from "pg";
import { childEnv, testEnv } from "../../src/runtime/env";
import { embeddedDatabaseUrl } from "../../src/runtime/embedded-postgres";
import { queryOnce } from "../../src/runtime/connect";
import { addAccountWithCli } from "./user-cli";
import { completeTwoStep, type AppUnderTest2sv, type TwoStepSetUp } from "./two-step-browser";

/** The database of the app the e2e suite starts (playwright.config.ts). */
export const E2E_DATABASE_URL = embeddedDatabaseUrl(testEnv().E2E_PG_PORT);

export type Account = { email: string; name: string; password: string };

/** The e2e app, for the second step of signing in (its database and its data directory's secret). */
export const E2E_APP: AppUnderTest2sv = { databaseUrl: E2E_DATABASE_URL, dataDir: testEnv().E2E_DATA_DIR };

/** Creates an account on the e2e app's database with `npm run user -- add`; idempotent within a run. */
export function createAccount(email: string, role: "admin" | "editor", organisations: string[], name: string): Account {
  return { ...addAccountWithCli(childEnv({ DATABASE_URL: E2E_DATABASE_URL }), { email, role, name, organisations }), name };
}

/**
 * Signs in through the real forms: email and password, then a code from the authenticator app
 * (set up the first time: then returns the key and recovery codes the set-up showed).
 */
export async function signIn(page: Page, account: Account, then = "/editor"): Promise<TwoStepSetUp | null> {
  await page.goto(`/editor/sign-in?callbackUrl=${encodeURIComponent(then)}`);
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const setUp = await completeTwoStep(page, account.email, E2E_APP);
  await expect(page).toHaveURL(new RegExp(`${then.replace(/[/?]/g, "\\$&")}$`));
  return setUp;
}

/** A query on the e2e app's database, from outside the app. */
export function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  return queryOnce<T>(E2E_DATABASE_URL, sql, params);
}

export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Clicks a form's submit button and waits until the server's answer has replaced the form. */
export async function submit(page: Page, button: string) {
  const locator = page.getByRole("button", { name: button, exact: true });
  const handle = await locator.elementHandle();
  await locator.click();
  await handle?.waitForElementState("hidden").catch(() => {});
}
