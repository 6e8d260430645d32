import { test, expect } from "@playwright/test";
import { seedAreas as areas, seedCommitments } from "../helpers/seeds";

// The overview shows progress per area; each area's own page (one click away) lists its commitments.
test("the home page shows the six areas, and following each area finds its seeded commitments", async ({ page }) => {
  await page.goto("/");
  // The roadmap has six areas: the overview shows each of them, and nothing else, as an area.
  const areaHeadings = page.getByRole("region", { name: "Progress by area" }).getByRole("heading", { level: 3 });
  await expect(areaHeadings).toHaveText(areas.map((a) => a.title));
  await expect(areaHeadings).toHaveCount(6);
  for (const area of areas) {
    await page.goto("/");
    await page.getByRole("heading", { name: area.title, exact: true }).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: area.title })).toBeVisible();
    const title = seedCommitments.find((c) => c.area === area.slug)!.title;
    await expect(page.getByRole("link", { name: title, exact: true }).first()).toBeVisible();
  }
});

test("the health check reports the database is up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
