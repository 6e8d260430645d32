// Journeys through the public site: keyboard only, JavaScript off, and a journalist checking a
// missed deadline back to its source.
import { test, expect, type Page } from "@playwright/test";
import { seedSources } from "../helpers/seeds";

const FOCUS_YELLOW = "rgb(255, 221, 0)";

/** Presses Tab until the focused element matches the CSS selector, failing after `max` presses. */
async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} with Tab in ${max} presses`);
}

test("keyboard only: skip link, filter by status, open a commitment", async ({ page }) => {
  await page.goto("/commitments");

  // The first Tab reaches the skip link, which becomes visible and jumps to the main content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main-content$/);

  // Tick "At risk" with the space bar.
  await tabTo(page, 'input[type=checkbox][value="at_risk"]');
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: "At risk" })).toBeChecked();

  // Submit with Enter on the button.
  await tabTo(page, "form[role=search] button[type=submit]");
  const button = page.getByRole("button", { name: "Apply filters" });
  await expect(button).toBeFocused();
  await expect(button).toHaveCSS("background-color", FOCUS_YELLOW);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]status=at_risk/);
  await expect(page.getByRole("heading", { level: 2, name: /\d+ commitments? match(es)? your filters/ })).toBeVisible();

  // Tab to the result and open it; focus is visible (GOV.UK yellow).
  await tabTo(page, 'main h3 > a[href^="/commitments/"]');
  const focused = page.locator(":focus");
  await expect(focused).toHaveCSS("background-color", FOCUS_YELLOW);
  const title = (await focused.textContent())!;
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator("main [data-status=at_risk]").first()).toBeVisible();
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("filter the list, then open a commitment", async ({ page }) => {
    await page.goto("/commitments");
    await page.getByRole("checkbox", { name: "Delivered", exact: true }).check();
    // Folded filter groups are <details>: they open without JavaScript.
    await page.locator("summary", { hasText: "Area" }).click();
    await page.getByRole("checkbox", { name: "Elevate leadership and invest in talent" }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();

    await expect(page).toHaveURL(/status=delivered/);
    await expect(page).toHaveURL(/area=leadership-and-talent/);
    await expect(page.getByRole("heading", { level: 2, name: /match(es)? your filters/ })).toBeVisible();
    const results = page.locator("#results ~ ul > li");
    await expect(results).not.toHaveCount(0);
    for (const tag of await results.locator("[data-status]").all()) await expect(tag).toHaveText("Delivered");
    // The form shows what was chosen.
    await expect(page.getByRole("checkbox", { name: "Delivered", exact: true })).toBeChecked();

    const first = results.first().getByRole("link").first();
    const title = (await first.textContent())!;
    await first.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
    await expect(page.locator("main [data-status=delivered]").first()).toBeVisible();
  });

  test("look at a past date and come back to today", async ({ page }) => {
    await page.goto("/missed");
    await page.getByRole("group", { name: "As it stood on" }).getByLabel("Day").fill("2026-05-01");
    await page.getByRole("button", { name: "Apply filters" }).click();
    // The GOV.UK date input sends its day, month and year fields ("2026-05-01" typed into the day);
    // the reader lands on the address with the date as one value, the link to cite.
    await expect(page).toHaveURL(/\/missed\?as_of=2026-05-01$/);
    await expect(page.getByRole("region", { name: "Viewing a past date" })).toContainText("1 May 2026");
    await page.getByRole("link", { name: "View the tracker as it is today" }).click();
    await expect(page).toHaveURL(/\/missed$/);
    await expect(page.getByRole("region", { name: "Viewing a past date" })).toHaveCount(0);
  });
});

test("journalist: missed deadlines, to the commitment, to its source", async ({ page }) => {
  await page.goto("/missed?as_of=2026-11-21");
  const rows = page.locator("#missed-table tbody tr");
  await expect(rows).not.toHaveCount(0);
  // Most overdue first.
  const days = (await rows.locator("td:last-child").allTextContents()).map((t) => Number(t.replace(/\D/g, "")));
  expect(days).toEqual([...days].sort((a, b) => b - a));

  const first = rows.first();
  const worst = days[0]!;
  const link = first.getByRole("link").first();
  const title = (await link.textContent())!;
  await link.click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page).toHaveURL(/as_of=2026-11-21/);
  await expect(page.getByText(`Overdue by ${worst} days`).first()).toBeVisible();

  // Every status update in the timeline has a source, and it is a published article from the dataset.
  const sources = page.locator("main a[data-source-link]");
  await expect(sources).not.toHaveCount(0);
  const known = new Set(seedSources.map((s) => s.url));
  for (const source of await sources.all()) {
    const href = (await source.getAttribute("href"))!;
    expect(known.has(href), `${href} is a source in seeds/sources.json`).toBe(true);
    expect(await source.getAttribute("rel")).toContain("noopener");
  }
  // The "cite this page" link pins the page to its date.
  await page.getByRole("link", { name: `${title}, as of 21 November 2026` }).click();
  await expect(page).toHaveURL(/as_of=2026-11-21/);
  await expect(page.getByRole("region", { name: "Viewing a past date" })).toBeVisible();
});
