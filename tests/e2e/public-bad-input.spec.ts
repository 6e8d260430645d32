// Bad input never gives a 500: the page renders with a GOV.UK error summary naming each problem,
// and an unknown address gives the helpful 404 page.
import { test, expect } from "@playwright/test";

const CASES: { name: string; path: string; messages: string[] }[] = [
  { name: "unknown status", path: "/commitments?status=bogus", messages: ["There is no status called “bogus”: choose statuses from the list"] },
  {
    name: "impossible as-of date",
    path: "/commitments?as_of=2026-13-45",
    messages: ["The date to view the tracker on must be a real date, for example 30 6 2026"],
  },
  { name: "negative page", path: "/commitments?page=-1", messages: ["Page number must be a whole number, 1 or more (“-1” is not)"] },
  { name: "5,000-character search", path: `/commitments?q=${"a".repeat(5000)}`, messages: ["Search words must be 200 characters or fewer"] },
  { name: "unknown area", path: "/commitments?area=atlantis", messages: ["There is no area called “atlantis”"] },
  { name: "future date", path: "/commitments?as_of=2999-01-01", messages: ["The date to view the tracker on must be today or in the past"] },
  {
    name: "everything at once",
    path: "/commitments?status=bogus&as_of=2026-13-45&page=-1&area=atlantis&sort=sideways&overdue=maybe",
    messages: [
      "There is no status called “bogus”: choose statuses from the list",
      "Choose whether to show overdue commitments (“maybe” is not one of the choices)",
      "There is no area called “atlantis”",
      "The date to view the tracker on must be a real date, for example 30 6 2026",
      "Choose how to sort commitments from the list",
      "Page number must be a whole number, 1 or more (“-1” is not)",
    ],
  },
  {
    name: "overview with a bad date",
    path: "/?as_of=2026-13-45",
    messages: ["The date to view the tracker on must be a real date, for example 30 6 2026"],
  },
  {
    name: "missed with unknown organisation",
    path: "/missed?organisation=ministry-of-magic",
    messages: ["There is no organisation called “ministry-of-magic”"],
  },
  {
    name: "missed with a bad date",
    path: "/missed?as_of=yesterday",
    messages: ["The date to view the tracker on must be a real date, for example 30 6 2026"],
  },
  {
    name: "as-of date typed without its month (the date input's three boxes)",
    path: "/commitments?as_of-day=30&as_of-month=&as_of-year=2026",
    messages: ["The date to view the tracker on must include a month"],
  },
  {
    name: "a due date that does not exist, typed day/month/year",
    path: "/commitments?due_before-day=31&due_before-month=6&due_before-year=2026",
    messages: ["The ‘due on or before’ date must be a real date, for example 30 6 2026"],
  },
  { name: "changes with a bad page", path: "/changes?page=zero", messages: ["Page number must be a whole number, 1 or more (“zero” is not)"] },
  {
    name: "commitment with a bad date",
    path: "/commitments/digital-sourcing-strategy?as_of=2026-02-30",
    messages: ["The date to view the tracker on must be a real date, for example 30 6 2026"],
  },
];

for (const c of CASES) {
  test(`${c.name} shows an error summary, not a 500`, async ({ page }) => {
    const response = await page.goto(c.path);
    expect(response?.status()).toBe(200);
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(summary.getByRole("listitem")).toHaveText(c.messages);
    await expect(page).toHaveTitle(/^Error: /);
    // Each message links to a field on the page that exists.
    for (const link of await summary.getByRole("link").all()) {
      const target = (await link.getAttribute("href"))!;
      await expect(page.locator(target)).toHaveCount(1);
    }
  });
}

test("the page still works around the bad parameters", async ({ page }) => {
  await page.goto("/commitments?status=bogus&status=delivered&area=atlantis");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("There is no area called “atlantis”");
  // The invalid status list is dropped as a whole; the page lists commitments rather than failing.
  await expect(page.getByRole("heading", { level: 2, name: /commitments?/ }).first()).toBeVisible();
  // The inline error is next to its field, and the bad input is shown back.
  await page.goto("/commitments?due_before=soon");
  await expect(page.locator("#due_before-error")).toContainText("‘due on or before’ date must be a real date");
  await expect(page.locator("#due_before")).toHaveValue("soon");
  await expect(page.locator("#due_before")).toHaveAttribute("aria-invalid", "true");
});

test("a page number past the end says so", async ({ page }) => {
  const response = await page.goto("/commitments?page=999");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("There is no page 999")).toBeVisible();
  await page.getByRole("link", { name: "Go to the first page" }).click();
  await expect(page.locator("#results ~ ul > li")).toHaveCount(25);
});

for (const path of [
  "/commitments/no-such-commitment",
  "/commitments/NOT%20A%20SLUG",
  "/areas/atlantis",
  "/organisations/ministry-of-magic",
  "/no/such/page",
]) {
  test(`unknown address ${path} gives the 404 page`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Search all commitments" })).toHaveAttribute("href", "/commitments");
    await expect(page).toHaveTitle(/Page not found/);
  });
}

// Next.js renders notFound() from a page as an empty shell until JavaScript runs; the app answers
// these addresses with the not-found page rendered on the server (src/proxy.ts). Read as raw HTML,
// as a crawler or a browser without JavaScript gets it.
for (const path of [
  "/commitments/no-such-commitment",
  "/commitments/no-such-commitment?as_of=2026-06-30",
  "/commitments/NOT%20A%20SLUG",
  "/areas/atlantis",
  "/organisations/ministry-of-magic",
  "/no/such/page",
]) {
  test(`unknown address ${path} is a 404 page in the server's HTML`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/<html lang="en-GB"/);
    expect(html).toMatch(/<main id="main-content"/);
    expect(html).toMatch(/<h1[^>]*>Page not found<\/h1>/);
    expect(html).toContain("<title>Page not found – Roadmap Tracker</title>");
    expect(html).toMatch(/<a href="\/commitments">Search all commitments<\/a>/);
  });
}
