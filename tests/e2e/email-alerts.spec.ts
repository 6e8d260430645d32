// Issue 13: a reader without JavaScript follows a commitment from its page, confirms from the
// link in the `.eml` file the default transport writes (no SMTP_URL in the browser tests), and can
// then see and stop the emails from the manage link; a tampered link gets a clear page.
import fs from "node:fs/promises";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { simpleParser, type ParsedMail } from "mailparser";
import { testEnv } from "../../src/runtime/env";
import { uniqueSuffix } from "../helpers/e2e-editor";

const outbox = path.resolve(testEnv().E2E_DATA_DIR, "outbox");

/** The parsed emails written to `address` so far. */
async function mailsTo(address: string): Promise<ParsedMail[]> {
  const files = await fs.readdir(outbox).catch(() => [] as string[]);
  const mails = await Promise.all(files.filter((f) => f.endsWith(".eml")).map(async (f) => simpleParser(await fs.readFile(path.join(outbox, f)))));
  return mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address);
}

test.use({ javaScriptEnabled: false });

test("a reader subscribes on a commitment's page, confirms from the email, and can stop the emails", async ({ browser, page }) => {
  const address = `reader-${uniqueSuffix()}@example.com`.toLowerCase();
  await page.goto("/commitments/secret-community-cloud");
  await page.getByRole("button", { name: "Get emails about this commitment" }).click();
  await expect(page).toHaveURL(/\/subscribe\?scope=commitment&slug=secret-community-cloud$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Get emails about the commitment");
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter your email address");
  await page.getByLabel("Email address").fill(address);
  await page.getByLabel("Once a week, if anything changed").check();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");

  await expect.poll(async () => (await mailsTo(address)).length, { timeout: 20_000 }).toBe(1);
  const [confirmation] = await mailsTo(address);
  expect(confirmation!.subject).toMatch(/^Confirm you want emails about the commitment /);
  const link = /https?:\/\/\S+\/subscriptions\/confirm\/[A-Za-z0-9_-]{43}/.exec(confirmation!.text ?? "")![0];
  await page.goto(new URL(link).pathname);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Subscription confirmed");

  // Asking again: the same answer, and an email with the manage link instead of a confirmation.
  await page.goto("/subscribe?scope=commitment&slug=secret-community-cloud");
  await page.getByLabel("Email address").fill(address);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect.poll(async () => (await mailsTo(address)).length, { timeout: 20_000 }).toBe(2);
  const already = (await mailsTo(address)).find((m) => m.subject?.startsWith("You already get emails"))!;
  const manage = new URL(/https?:\/\/\S+\/subscriptions\/manage\/[A-Za-z0-9_-]{43}/.exec(already.text ?? "")![0]).pathname;

  // A tampered link: 404 and a clear page. (Shown with JavaScript: Next.js sends a page's
  // notFound() as a shell that only scripts fill in, vercel/next.js#62228; the status is 404 either way.)
  const tamperedPath = `${manage.slice(0, -1)}${manage.endsWith("A") ? "B" : "A"}`;
  expect((await page.goto(tamperedPath))!.status()).toBe(404);
  const withScripts = await browser.newContext({ javaScriptEnabled: true });
  const scripted = await withScripts.newPage();
  expect((await scripted.goto(tamperedPath))!.status()).toBe(404);
  await expect(scripted.getByRole("heading", { level: 1 })).toHaveText("This link is not valid");
  await withScripts.close();

  await page.goto(manage);
  await expect(page.getByText("Once a week, if anything changed")).toBeVisible();
  await page.getByRole("button", { name: /^Stop emails about the commitment / }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have unsubscribed");
  await expect(page.getByText("we have deleted your email address")).toBeVisible();
});
