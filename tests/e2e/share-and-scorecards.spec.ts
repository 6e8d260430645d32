// Issue 14 items 4–6 in the browser: the scorecards sort and download with JavaScript off; a date
// typed the GOV.UK way (or as 30/06/2026) is understood; the status card renders inside a page
// on another origin while an ordinary page refuses to be framed; the share image is a cached PNG.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect } from "@playwright/test";
import { expectNoAxeViolations } from "../helpers/axe";
import { baseURL } from "../../playwright.config";

const SLUG = "gov-uk-one-login";

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the scorecards sort by each column with links, and download as CSV as sorted", async ({ page, request }) => {
    await page.goto("/organisations");
    const table = page.locator("#scorecards");
    await table.getByRole("link", { name: /^Overdue now/ }).click();
    await expect(page).toHaveURL(/sort=overdue&order=desc/);
    await expect(page.locator("#scorecards th[aria-sort=descending]")).toContainText("Overdue now");
    const overdue = await page.locator('#scorecards td[data-measure="overdue"]').allInnerTexts();
    expect(overdue.map(Number)).toEqual([...overdue.map(Number)].sort((a, b) => b - a));
    // The same column again reverses it.
    await table.getByRole("link", { name: /^Overdue now/ }).click();
    await expect(page).toHaveURL(/sort=overdue&order=asc/);
    const shown = await page.locator("#scorecards tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-organisation")));
    const href = await page.getByRole("link", { name: "Download these scorecards as CSV" }).getAttribute("href");
    expect(href).toContain("sort=overdue");
    const csv = await (await request.get(href!)).text();
    const slugs = csv
      .split("\r\n")
      .slice(1)
      .filter(Boolean)
      .map((line) => JSON.parse(line.split(",")[0]!) as string);
    expect(slugs).toEqual(shown);
    await page.getByText("How we count").click();
    await expect(page.getByText("Missed at least one deadline that was then replaced by a new one")).toBeVisible();
  });

  test("a filtered list downloads as CSV with the same filters", async ({ page }) => {
    await page.goto("/commitments?overdue=true");
    const link = page.getByRole("link", { name: /^Download (these \d+ commitments|this commitment) as CSV$/ });
    await expect(link).toHaveAttribute("href", /\/data\/commitments\.csv\?overdue=true/);
  });

  test("a date typed into the day box as 1/5/2026 is understood, and a missing month is explained", async ({ page }) => {
    await page.goto("/commitments");
    await page.getByText("View a past date").click();
    await page.getByRole("group", { name: "Show the tracker as it stood on" }).getByLabel("Day").fill("1/5/2026");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.getByText("You are looking at the tracker as it stood on 1 May 2026.")).toBeVisible();
    await page.goto("/commitments?as_of-day=30&as_of-month=&as_of-year=2026");
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("The date to view the tracker on must include a month");
    await expect(page.locator("#as_of")).toHaveValue("30");
  });

  test("search finds the words people use", async ({ page }) => {
    await page.goto("/commitments?q=artificial+intelligence");
    await expect(page.getByRole("link", { name: /AI Exemplars/ })).toBeVisible();
    await page.goto("/commitments?q=onelogin");
    await expect(page.getByRole("link", { name: /GOV\.UK One Login/ })).toBeVisible();
  });

  test("a commitment page offers its card, badge and link to copy, and advertises oEmbed", async ({ page }) => {
    await page.goto(`/commitments/${SLUG}`);
    await page.getByText("Copy a status card, a badge or a link").click();
    await expect(page.getByLabel("Status card (HTML)")).toHaveValue(new RegExp(`/embed/commitments/${SLUG}`));
    await expect(page.getByLabel("Status badge (Markdown)")).toHaveValue(new RegExp(`/commitments/${SLUG}/badge\\.svg`));
    await expect(page.locator('link[rel="alternate"][type="application/json+oembed"]')).toHaveAttribute("href", /\/api\/oembed\?url=/);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", new RegExp(`/commitments/${SLUG}/card\\.png`));
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  });

  test("every shareable page says what it is in its share tags, keeping the date it was seen at", async ({ page }) => {
    await page.goto("/");
    const headline = (await page.locator("#headline").innerText()).trim();
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", headline);
    for (const [path, title] of [
      ["/missed?as_of=2026-06-30", "Missed deadlines"],
      ["/timeline", "Roadmap timeline"],
      ["/organisations", "Organisations"],
      ["/areas/ai-for-the-public-good", "Harness the power of AI for the public good"],
    ] as const) {
      await page.goto(path);
      await expect(page.locator('meta[property="og:title"]'), path).toHaveAttribute("content", title);
      await expect(page.locator('meta[property="og:url"]'), path).toHaveAttribute("content", new RegExp(`${path.replace(/[?.]/g, "\\$&")}$`));
    }
  });
});

test("the status card renders inside a page on another origin; an ordinary page refuses to be framed", async ({ page }) => {
  const host = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><head><title>Another site</title></head><body><h1>An article</h1>` +
        `<iframe id="card" title="card" src="${baseURL}/embed/commitments/${SLUG}" width="480" height="190"></iframe>` +
        `<iframe id="page" title="page" src="${baseURL}/commitments/${SLUG}" width="480" height="190"></iframe></body></html>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.2", resolve));
  try {
    const { port } = host.address() as AddressInfo;
    await page.goto(`http://127.0.0.2:${port}/`);
    const card = page.frameLocator("#card");
    await expect(card.locator("h1")).toContainText("GOV.UK One Login");
    await expect(card.locator("[data-status]")).not.toBeEmpty();
    await page.waitForLoadState("load");
    // Refused: the browser shows its own error page instead of ours.
    await expect(page.frameLocator("#page").locator("h1", { hasText: "GOV.UK One Login" })).toHaveCount(0);
    const direct = await page.request.get(`${baseURL}/commitments/${SLUG}`);
    expect(direct.headers()["x-frame-options"]).toBe("DENY");
    expect(direct.headers()["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  } finally {
    await new Promise((resolve) => host.close(resolve));
  }
});

for (const width of [1280, 375]) {
  test(`the status card has no accessibility problems at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`/embed/commitments/${SLUG}`);
    await expectNoAxeViolations(page, `embed at ${width}px`);
  });
}

test("the share image is a PNG, cached with an ETag", async ({ request }) => {
  const first = await request.get(`/commitments/${SLUG}/card.png`);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toBe("image/png");
  const again = await request.get(`/commitments/${SLUG}/card.png`, { headers: { "If-None-Match": first.headers()["etag"]! } });
  expect(again.status()).toBe(304);
});
