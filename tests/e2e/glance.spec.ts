// Progress at a glance with JavaScript turned off (issue 14 items 1–3): the overview's headline
// and tiles, its charts and their tables, and the roadmap timeline at both widths.
import { test, expect } from "@playwright/test";
import { seedCommitments } from "../helpers/seeds";

test.use({ javaScriptEnabled: false });

test("overview: a headline sentence, status tiles that add up to the total, and the deadline measures apart", async ({ page }) => {
  await page.goto("/?as_of=2026-11-21");
  const headline = page.locator("#headline");
  await expect(headline).toHaveText(/^Of \d+ commitments, .* are overdue and .* missed a deadline; \d+ have no published deadline\.$/);
  const total = Number((await headline.textContent())!.match(/^Of (\d+) commitments/)![1]);
  expect(total).toBeLessThanOrEqual(seedCommitments.length);
  const tiles = page.locator("[data-status-tile] span.block");
  const numbers = (await tiles.allTextContents()).map(Number);
  expect(numbers).toHaveLength(7);
  expect(numbers.reduce((a, b) => a + b, 0)).toBe(total);
  await expect(page.locator("#status-total")).toHaveText(`Every commitment has one status: these add up to ${total} commitments.`);
  const overdue = Number(await page.locator("[data-measure=overdue] span.block").textContent());
  await expect(headline).toContainText(`${overdue} are overdue`);
  const noDeadline = Number(await page.locator("[data-measure=no-deadline] span.block").textContent());
  await expect(headline).toContainText(`; ${noDeadline} have no published deadline.`);
  await expect(page.getByRole("link", { name: /The roadmap timeline/ })).toHaveAttribute("href", "/timeline?as_of=2026-11-21");
});

test("overview charts: drawn on the server, each with a summary and its numbers as a table", async ({ page }) => {
  await page.goto("/?as_of=2026-11-21");
  const chart = page.getByRole("figure", { name: "Status over time" });
  await expect(chart.getByRole("img")).toHaveCount(7);
  await expect(chart.getByRole("img", { name: /^Delivered: \d+ on 21 November 2026, \d+ at the end of January 2026\.$/ })).toBeVisible();
  // The table opens without JavaScript (<details>) and its last row is the tiles' counts.
  await chart.getByText("Show the numbers as a table").click();
  const table = chart.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(1 + 11);
  const lastRow = table.getByRole("row").last();
  await expect(lastRow.getByRole("rowheader")).toHaveText("November 2026 (21 November 2026)");
  const delivered = await page.locator("[data-status-tile=delivered] span.block").textContent();
  await expect(lastRow.getByRole("cell").nth(4)).toHaveText(delivered!);
  const burndown = page.getByRole("figure", { name: "Deadlines due and commitments delivered" });
  await expect(burndown.getByRole("img", { name: /^Deadlines due and commitments delivered By 21 November 2026/ })).toBeVisible();
});

test("area and organisation pages chart their own commitments over time", async ({ page }) => {
  await page.goto("/areas/leadership-and-talent?as_of=2026-11-21");
  await expect(page.getByRole("figure", { name: "Status over time" }).getByRole("img")).toHaveCount(7);
  await page.goto("/organisations/government-digital-service");
  await expect(page.getByRole("figure", { name: "Status over time" })).toBeVisible();
});

test("timeline, wide: by area on a quarter axis, each row saying its deadline exactly as published", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/timeline?as_of=2026-11-21");
  await expect(page.getByRole("heading", { level: 1, name: "Roadmap timeline" })).toBeVisible();
  const byArea = page.locator("#timeline-by-area");
  await expect(byArea).toBeVisible();
  await expect(page.locator("#timeline-by-quarter")).toBeHidden();
  // Every commitment with a published deadline, and only those: the overview's total less its "no published deadline".
  await page.goto("/?as_of=2026-11-21");
  const total = Number((await page.locator("#headline").textContent())!.match(/^Of (\d+) commitments/)![1]);
  const noDeadline = Number(await page.locator("[data-measure=no-deadline] span.block").textContent());
  await page.goto("/timeline?as_of=2026-11-21");
  await expect(byArea.getByRole("listitem")).toHaveCount(total - noDeadline);
  await expect(page.locator("#timeline-summary")).toContainText(`${noDeadline} commitments with no published deadline are not placed`);
  // Labels exactly as published.
  const one = seedCommitments.find((c) => c.deadline.precision !== "open")!;
  await expect(byArea.getByRole("listitem").filter({ hasText: one.title })).toContainText(`Due “${one.deadline.label}”`);
});

test("timeline, phone: a list by quarter; its filters are the /commitments ones and work without JavaScript", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/timeline?as_of=2026-11-21");
  const byQuarter = page.locator("#timeline-by-quarter");
  await expect(byQuarter).toBeVisible();
  await expect(page.locator("#timeline-by-area")).toBeHidden();
  await expect(byQuarter.getByRole("heading", { level: 2 }).first()).toHaveText(/^Q[1-4] 20\d\d \((January|April|July|October) to \w+ 20\d\d\)$/);
  // The same form as /commitments, sent (a plain GET) to the timeline.
  await expect(page.getByRole("search", { name: "Filter commitments" })).toHaveAttribute("action", "/timeline");
  await page.goto("/timeline?as_of=2026-11-21&overdue=true");
  const overdue = await byQuarter.getByRole("listitem").count();
  await expect(byQuarter.getByRole("listitem").first()).toContainText("overdue by");
  await page.goto("/commitments?as_of=2026-11-21&overdue=true");
  await expect(page.getByRole("heading", { name: `${overdue} commitments match your filters` })).toBeVisible();
});

test("a commitment's timeline, drawn: its deadline, when it happened and when it was confirmed, in words and as a table", async ({ page }) => {
  await page.goto("/commitments/supplier-information-service?as_of=2026-11-21");
  const chart = page.getByRole("figure", { name: "Its timeline, drawn" });
  // CSW ¶38: launched in March 2026, due "in March of this year"; confirmed by the June 2026 issue.
  await expect(chart.getByRole("img")).toHaveAccessibleName(/happened in March 2026, confirmed June 2026\.$/);
  await chart.getByText("Show the dates as a table").click();
  await expect(chart.getByRole("row", { name: /Delivered: happened in March 2026/ })).toContainText("1 March 2026 to 31 March 2026");
  await expect(chart.getByRole("row", { name: /Delivered: confirmed June 2026/ })).toContainText("1 June 2026 to 30 June 2026");
});
