// The second step of signing in, in the browser, as an editor with an authenticator app does it:
// the first time, the key shown on the set-up page (what a phone would scan) gives the first code;
// after that, the code comes from the enrolled secret, read from the app's database and opened
// with the app's own secret. Real TOTP codes: nothing in the app lets a test past this step.
// Used by the browser tests and the harnesses.
import path from "node:path";
import type { Page } from "playwright-core";
import { queryOnce } from "../../src/runtime/connect";
import { authSecret } from "../../src/runtime/secret";
import { appConfig } from "../../src/runtime/env";
import { unseal } from "../../src/server/auth/sealed";
import { codeForStep, stepAt } from "./totp";

/** Where the app under test keeps its accounts and its sign-in secret. */
export type AppUnderTest2sv = { databaseUrl: string; dataDir: string };

const STEP_MS = 30_000;

/**
 * A time-step whose code the app will still take: later than the last one used (no code works
 * twice), and at most one step ahead of now. Waits for the clock when three sign-ins in a row
 * have used up the steps around now.
 */
async function usableStep(lastUsed: number | null): Promise<number> {
  for (;;) {
    const now = Date.now();
    const current = stepAt(now);
    // The step before now only while it stays acceptable for the next few seconds.
    const earliest = now - current * STEP_MS < STEP_MS - 5_000 ? current - 1 : current;
    const step = Math.max(earliest, (lastUsed ?? -Infinity) + 1);
    if (step <= current + 1) return step;
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * STEP_MS - now + 500));
  }
}

/** What the set-up page showed, the first time: the key an app would scan and the recovery codes. */
export type TwoStepSetUp = { totpKey: string; recoveryCodes: string[] };

/** The second step; returns what was shown when it set up two-step verification, else null. */
export async function completeTwoStep(page: Page, email: string, app: AppUnderTest2sv): Promise<TwoStepSetUp | null> {
  await page.waitForURL(/\/editor\/sign-in\/two-step/);
  const heading = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  if (/Set up two-step verification/.test(heading)) {
    const key = (await page.getByTestId("totp-key").textContent()) ?? "";
    await page.getByLabel("Code from your authenticator app").fill(codeForStep(key, stepAt(Date.now())));
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await page.waitForURL(/\/editor\/sign-in\/recovery-codes/);
    const recoveryCodes = (await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents()).map((c) => c.trim());
    await page.getByRole("button", { name: "I have saved my recovery codes", exact: true }).click();
    return { totpKey: key.trim(), recoveryCodes };
  }
  const [row] = await queryOnce<{ totp_secret: string; totp_last_step: number | null }>(
    app.databaseUrl,
    "SELECT totp_secret, totp_last_step FROM app_user WHERE email = $1",
    [email],
  );
  const secret = row
    ? unseal(row.totp_secret, authSecret({ NEXTAUTH_SECRET: appConfig().NEXTAUTH_SECRET, dataDir: path.resolve(app.dataDir) }))
    : null;
  if (!secret) throw new Error(`cannot read the two-step secret of ${email}`);
  await page.getByLabel("Code", { exact: true }).fill(codeForStep(secret, await usableStep(row!.totp_last_step)));
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  return null;
}
