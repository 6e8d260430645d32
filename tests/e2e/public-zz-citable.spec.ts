// A journalist cites the tracker: they copy the "Cite this page" link of a past date, editors later
// publish an update about that past date, and the cited link still shows exactly the record they
// saw, saying plainly that it has been revised since. Runs near the end ("zz"): it publishes.
import { test, expect, type Browser, type Page } from "@playwright/test";
import { createAccount, signIn, uniqueSuffix, type Account } from "../helpers/e2e-editor";
import { expectNoAxeViolations } from "../helpers/axe";

/** No progress reported, due "In April" 2026, overdue since: the UX review's example. */
const SLUG = "civil-service-digital-learning-offer";
const AS_OF = "2026-11-25";

let author: Account;
let checker: Account;

test.beforeAll(() => {
  author = createAccount("author.citable@example.gov.uk", "editor", ["government-digital-service"], "Cora Citable");
  checker = createAccount("checker.citable@example.gov.uk", "admin", [], "Chet Checker");
});

async function signedInPage(browser: Browser, account: Account): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, account);
  return page;
}

/** What the journalist reads: the status, against the deadline, and the facts at a glance. */
async function record(page: Page) {
  return {
    status: await page.locator("main [data-status]").first().textContent(),
    deadline: await page.locator("main [data-deadline]").first().textContent(),
    glance: await page.locator("main dl").first().innerText(),
    history: await page.locator("main ol").first().innerText(),
  };
}

test("a journalist follows a cite link after a later, backdated publish and sees the same record", async ({ page, browser, request }) => {
  await page.goto(`/commitments/${SLUG}?as_of=${AS_OF}`);
  const seen = await record(page);
  expect(seen.status).toBe("No progress reported");
  expect(seen.deadline).toMatch(/^Overdue by \d+ days$/);
  const cite = page.locator("[data-cite-link]");
  const href = (await cite.getAttribute("href"))!;
  expect(href).toMatch(new RegExp(`^/commitments/${SLUG}\\?version=\\d+&as_of=${AS_OF}$`));
  await expect(page.getByText(/This link always shows exactly what this page shows now: version \d+ of the record/)).toBeVisible();

  // Later, editors publish progress confirmed on 20 November, and a new deadline from then.
  const a = await signedInPage(browser, author);
  await a.goto(`/editor/commitments/${SLUG}`);
  await a.getByRole("button", { name: "Propose a status update" }).click();
  await a.getByLabel("In progress").check();
  await a.getByLabel("What happened").fill("GDS began the cross-government learning offer for civil servants.");
  await a.getByLabel("When it happened (optional)").fill("20 November 2026");
  await a.getByLabel("Date progress was confirmed").fill("2026-11-20");
  await a.getByLabel("Link to the evidence").fill(`https://www.gov.uk/government/news/learning-offer-${uniqueSuffix()}`);
  await a.getByLabel("Title of the evidence").fill("Learning offer launched");
  await a.getByLabel("Who published it").fill("Government Digital Service");
  await a.getByRole("group", { name: "Date it was published" }).getByLabel("Day").fill("2026-11-20");
  await a.getByRole("button", { name: "Send for checking" }).click();
  await expect(a.getByRole("heading", { name: "Sent for checking" })).toBeVisible();
  const id = Number(a.url().match(/\/editor\/proposals\/(\d+)/)?.[1]);
  const c = await signedInPage(browser, checker);
  await c.goto(`/editor/proposals/${id}`);
  await expect(c.getByText("20 November 2026").first()).toBeVisible();
  await c.getByLabel("Approve and publish").check();
  await c.getByRole("button", { name: "Confirm decision" }).click();
  await expect(c.getByRole("heading", { name: "Approved and published" })).toBeVisible();

  // What was true on 25 November, as known now, has changed.
  await page.goto(`/commitments/${SLUG}?as_of=${AS_OF}`);
  await expect(page.locator("main [data-status]").first()).toHaveText("In progress");

  // The cited link shows exactly what the journalist saw, and says the record has been revised since.
  await page.goto(href);
  expect(await record(page)).toEqual(seen);
  const banner = page.getByRole("region", { name: /Version \d+ of the record/ });
  await expect(banner).toContainText("Nothing published later, even about earlier dates, changes what this page shows.");
  await expect(banner).toContainText(/The record has been revised since: first in version \d+/);
  await banner.getByRole("link", { name: "See the current page" }).click();
  await expect(page).toHaveURL(new RegExp(`/commitments/${SLUG}$`));
  await expect(page.locator("main [data-status]").first()).toHaveText("In progress");

  // It can never change again, so anyone may keep it.
  const cached = await request.get(href);
  expect(cached.headers()["cache-control"]).toBe("public, max-age=31536000, s-maxage=31536000, immutable");
  // And the API says the same at that version.
  const version = new URL(href, "http://x").searchParams.get("version");
  const api = await (await request.get(`/api/v1/commitments/${SLUG}?version=${version}&as_of=${AS_OF}`)).json();
  expect(api.meta.version).toBe(Number(version));
  expect(api.data.status.code).toBe("no_progress_reported");
});

test("the new parts of the pages pass axe: a versioned page, its missed deadlines, the three dates, and /missed", async ({ page }) => {
  await page.goto(`/commitments/${SLUG}`);
  const href = (await page.locator("[data-cite-link]").getAttribute("href"))!;
  await expect(page.getByRole("heading", { name: "Missed deadline" })).toBeVisible();
  await expect(page.locator("[data-missed-deadlines]")).toContainText(/Missed its deadline of “In April” by \d+ days/);
  await expect(page.locator("[data-status-dates]").first()).toContainText("Happened");
  await expectNoAxeViolations(page);
  await page.goto(href);
  await expect(page.getByRole("region", { name: /Version \d+ of the record/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/missed");
  await expect(page.getByRole("heading", { name: /^Missed, then moved: / })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Delivered late: / })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/commitments/gov-uk-app-local-services-pilot?as_of=2026-03-15");
  await expect(page.locator("[data-pending]")).toContainText("This may already have changed by 15 March 2026.");
  await expectNoAxeViolations(page);
});
