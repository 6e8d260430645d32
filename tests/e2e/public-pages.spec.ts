// What the public pages say: overview, time travel, a commitment's page, methodology, print,
// and how much JavaScript a first visit downloads.
import zlib from "node:zlib";
import { test, expect } from "@playwright/test";
import { seedAreas, seedCommitments } from "../helpers/seeds";

test("overview: counts per status, overdue, progress per area in words, deadlines and changes", async ({ page }) => {
  await page.goto("/?as_of=2026-11-21");
  const status = page.getByRole("region", { name: "Commitments by status" });
  await expect(status.getByRole("link", { name: "10 Overdue now" })).toHaveAttribute("href", "/missed?as_of=2026-11-21");
  await expect(status.getByRole("link", { name: "6 Delivered", exact: true })).toBeVisible();
  // No source has reported on most commitments: that is not "not started".
  const silent = seedCommitments.filter((c) => c.updates.length === 0).length;
  await expect(status.getByRole("link", { name: `${silent} No progress reported`, exact: true })).toBeVisible();
  // As precisely as the source gives it (the Civil Service World summer issue: June 2026), never "1 June 2026".
  await expect(page.locator("#last-confirmed")).toHaveText("Progress last confirmed: June 2026");
  const areas = page.getByRole("region", { name: "Progress by area" });
  for (const area of seedAreas) await expect(areas.getByRole("heading", { name: area.title })).toBeVisible();
  // Text equivalents of the bars (not colour alone).
  await expect(areas.getByText("1 of 8 commitments delivered (13%), 2 overdue")).toBeVisible();
  await expect(areas.getByRole("list", { name: "Elevate leadership and invest in talent: commitments by status" })).toHaveText(
    /1 delivered.*1 at risk.*6 no progress reported/,
  );
  await expect(page.getByRole("region", { name: "Deadlines in the next 90 days" }).getByText("Due in 40 days").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Latest confirmed changes" }).getByRole("listitem")).toHaveCount(5);
});

test("time travel: the overview, list and commitment as they stood on a past date", async ({ page }) => {
  await page.goto("/?as_of=2026-05-01");
  const banner = page.getByRole("region", { name: "Viewing a past date" });
  await expect(banner).toContainText("You are looking at the tracker as it stood on 1 May 2026.");
  // The updates that say they happened before May count on 1 May (as known now), the rest from the end of June.
  const happenedBefore = seedCommitments.filter((c) => c.updates.some((u) => u.occurred)).length;
  await expect(page.getByRole("link", { name: `${seedCommitments.length - happenedBefore} No progress reported` })).toBeVisible();
  await expect(page.locator("#last-confirmed")).toHaveText("Progress last confirmed: June 2026");

  // Links keep the date.
  await page.getByRole("link", { name: "Elevate leadership and invest in talent" }).click();
  await expect(page).toHaveURL(/\/areas\/leadership-and-talent\?as_of=2026-05-01$/);
  await expect(page.getByRole("region", { name: "Viewing a past date" })).toBeVisible();

  await page.goto("/commitments/digital-sourcing-strategy?as_of=2026-05-01");
  await expect(page.locator("main [data-status]").first()).toHaveText("No progress reported");
  await expect(page.getByText("Overdue by 31 days").first()).toBeVisible();
  await page.getByRole("link", { name: "View the tracker as it is today" }).click();
  await expect(page).toHaveURL(/\/commitments\/digital-sourcing-strategy$/);
  await expect(page.locator("main [data-status]").first()).toHaveText("At risk");

  // Before the launch, the commitment had not been announced: a clear message, not a 404.
  const response = await page.goto("/commitments/digital-sourcing-strategy?as_of=2026-01-10");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("This commitment had not been announced yet on 10 January 2026. It was announced in January 2026.")).toBeVisible();
});

test("a commitment: owners, deadline as published and resolved, history with sources, stale flag", async ({ page }) => {
  await page.goto("/commitments/secret-community-cloud?as_of=2026-11-21");
  const facts = page.locator("main dl").first();
  await expect(facts).toContainText("Lead owner");
  await expect(facts.getByRole("link", { name: "Ministry of Defence" })).toHaveAttribute(
    "href",
    "/organisations/ministry-of-defence?as_of=2026-11-21",
  );
  await expect(facts).toContainText("Supporting owners");
  await expect(facts).toContainText("National Security Digital Centre");
  await expect(facts).toContainText("Deadline as published");
  await expect(facts).toContainText("Due date31 December 2026");
  await expect(page.getByText("Due in 40 days").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Deadline first published" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Announced" })).toBeVisible();
  // Progress confirmed in June 2026, more than 90 days before: flagged, with the month as the source gives it.
  await expect(page.getByText("Warning: Progress was last confirmed 144 days before 21 November 2026, in June 2026.")).toBeVisible();
  await page.goto("/commitments/secret-community-cloud?as_of=2026-07-01");
  await expect(page.getByText(/Progress was last confirmed/)).toHaveCount(0);
});

test("methodology: statuses and deadline rules from the code's own definitions", async ({ page }) => {
  await page.goto("/methodology");
  for (const label of ["Not started", "In progress", "At risk", "Delivered", "Delivered differently", "Dropped"]) {
    await expect(page.locator("dt").getByText(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Season (season)" })).toBeVisible();
  const summer = page
    .getByRole("table", { name: "Examples: season" })
    .getByRole("row", { name: /summer 2026/ })
    .first();
  await expect(summer).toContainText("31 August 2026");
  await expect(page.getByText(/A commitment is overdue when its due date has passed/)).toBeVisible();
});

test("missed and changes pages filter by area and organisation", async ({ page }) => {
  await page.goto("/missed?as_of=2026-11-21");
  await page.getByLabel("Area").selectOption({ label: "Elevate leadership and invest in talent" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/area=leadership-and-talent/);
  await expect(page.locator("#missed-table tbody tr")).toHaveCount(2);
  await expect(page.getByRole("heading", { name: "Deadlines moved" })).toBeVisible();
  await expect(page.getByText("No deadline had been moved on 21 November 2026 for the area and organisation you chose.")).toBeVisible();

  await page.goto("/changes?organisation=hm-treasury");
  const items = page.locator("main ol > li");
  await expect(items).not.toHaveCount(0);
  for (const link of await items.locator("h3 a").all()) expect(await link.getAttribute("href")).toMatch(/^\/commitments\//);
  await expect(page.getByRole("link", { name: "Atom feed" })).toHaveAttribute("href", "/changes.atom");
});

test("print: navigation and forms are left out", async ({ page }) => {
  await page.goto("/commitments");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("search")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Commitments" })).toBeVisible();
});

test("first-load JavaScript on public pages stays small, and the pages do not need it", async ({ page }, testInfo) => {
  const scripts = new Map<string, Buffer>();
  page.on("response", async (response) => {
    if (response.request().resourceType() === "script") scripts.set(response.url(), await response.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto("/", { waitUntil: "networkidle" });
  const raw = [...scripts.values()].reduce((n, b) => n + b.length, 0);
  const gzip = [...scripts.values()].reduce((n, b) => n + zlib.gzipSync(b).length, 0);
  const summary = `first-load JS on /: ${scripts.size} files, ${(raw / 1024).toFixed(1)} kB raw, ${(gzip / 1024).toFixed(1)} kB gzipped`;
  console.log(summary);
  testInfo.annotations.push({ type: "first-load-js", description: summary });
  expect(gzip).toBeLessThan(200 * 1024);
});

test("public pages load without console errors (for example scripts blocked by the Content-Security-Policy)", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  for (const path of [
    "/",
    "/commitments?status=bogus",
    "/commitments/digital-sourcing-strategy",
    "/missed",
    "/changes",
    "/methodology",
    "/areas",
    "/organisations",
  ]) {
    await page.goto(path, { waitUntil: "networkidle" });
  }
  // The 404 page: only the 404 response itself is expected.
  await page.goto("/no-such-page", { waitUntil: "networkidle" });
  expect(errors.filter((e) => !/no-such-page: Failed to load resource: the server responded with a status of 404/.test(e))).toEqual([]);
});
