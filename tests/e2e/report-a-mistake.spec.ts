// Issue 12: "Is there anything wrong with this page?" on every public page. A reader's report,
// sent without JavaScript, reaches the editors' queue; accepted, it opens a pre-filled proposal
// and its correction shows on /corrections. A removed commitment answers 410 Gone with why.
import { test, expect } from "@playwright/test";
import { createAccount, signIn, uniqueSuffix, type Account } from "../helpers/e2e-editor";
import { expectNoAxeViolations } from "../helpers/axe";
import { OWNER_ORG } from "../helpers/editor-fixtures";

let editor: Account;

test.beforeAll(() => {
  editor = createAccount("rita.reports@example.gov.uk", "editor", [OWNER_ORG], "Rita Reports");
});

test.describe("a reader without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("reports a mistake from a commitment's page, and is told it was sent", async ({ page }) => {
    await page.goto("/commitments/secret-community-cloud");
    await page.getByRole("link", { name: "Is there anything wrong with this page?" }).click();
    await expect(page).toHaveURL(/\/report$/);
    await expect(page.getByText("/commitments/secret-community-cloud", { exact: true })).toBeVisible();
    // Nothing typed: a clear error, nothing sent.
    await page.getByRole("button", { name: "Send report" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Tell us what is wrong");
    await page.getByLabel("What is wrong?").fill(`The deadline label is not the article's (${uniqueSuffix()}).`);
    await page.getByLabel("Link to a source that shows it (optional)").fill("https://www.civilserviceworld.com/news/article/six-months-on");
    await page.getByRole("button", { name: "Send report" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you for your report");
  });
});

test("the report reaches the queue; accepted, it opens a pre-filled proposal and shows on /corrections", async ({ browser, page }) => {
  const what = `Wrong owner on this page (${uniqueSuffix()}).`;
  const reader = await browser.newContext({ javaScriptEnabled: false });
  const readerPage = await reader.newPage();
  await readerPage.goto("/commitments/secret-community-cloud");
  await readerPage.getByRole("link", { name: "Is there anything wrong with this page?" }).click();
  await readerPage.getByLabel("What is wrong?").fill(what);
  await readerPage.getByRole("button", { name: "Send report" }).click();
  await expect(readerPage.getByRole("heading", { level: 1 })).toHaveText("Thank you for your report");
  await reader.close();

  await signIn(page, editor, "/editor/reports");
  const item = page.locator("li", { hasText: what });
  await expect(item).toBeVisible();
  const choose = item.getByRole("link", { name: /^Decide on report \d+$/ });
  if (await choose.count()) await choose.click();
  await expectNoAxeViolations(page, "/editor/reports");
  const correction = `The owner is corrected (${uniqueSuffix()}).`;
  await item.getByLabel("Accept: the report is right").check();
  await item.getByLabel("The correction, or why you reject it").fill(correction);
  await item.getByRole("button", { name: "Save decision" }).click();
  await expect(page).toHaveURL(/\/editor\/commitments\/secret-community-cloud\/status-update\?report=\d+$/);
  await expect(page.getByLabel("What happened")).toHaveValue(`A reader reported: ${what}`);

  await page.goto("/corrections");
  await expect(page.getByText(correction)).toBeVisible();
  // The reader's own words are not published.
  await expect(page.getByText(what)).toHaveCount(0);
});

test("a removed commitment answers 410 Gone with why, on its page and in the API, and is listed on /corrections", async ({ page, request }) => {
  const response = await page.goto("/commitments/ai-accelerator-expansion");
  expect(response?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Expand the AI Accelerator programme");
  await expect(page.getByText(/removed from the tracker on 2 December 2026 because: No article states/)).toBeVisible();
  const api = await request.get("/api/v1/commitments/ai-accelerator-expansion");
  expect(api.status()).toBe(410);
  expect(api.headers()["content-type"]).toContain("application/problem+json");
  expect((await api.json()).detail).toMatch(/removed from the tracker on 2026-12-02/);
  await page.goto("/corrections");
  await expect(page.locator("#removed-ai-accelerator-expansion")).toContainText("Expand the AI Accelerator programme");
});

test("a commitment no source names a lead for says so, and one with owners named jointly names both", async ({ page }) => {
  await page.goto("/commitments/digital-sourcing-strategy");
  await expect(page.getByText("Lead organisation not named in published sources")).toBeVisible();
  await page.goto("/commitments/assurance-for-all-spending-controls");
  await expect(page.getByText("Owners named jointly")).toBeVisible();
  await expect(page.getByText("No progress reported since the roadmap was published")).toBeVisible();
});
