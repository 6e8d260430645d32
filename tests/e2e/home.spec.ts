import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";

const areas = JSON.parse(fs.readFileSync(path.resolve("seeds/areas.json"), "utf8")) as { slug: string; title: string }[];
const files = fs.readdirSync("seeds/commitments").map((f) => JSON.parse(fs.readFileSync(path.join("seeds/commitments", f), "utf8")) as { area: string; commitments: { title: string }[] });

// The overview shows progress per area; each area's own page (one click away) lists its commitments.
test("the home page shows the six areas, and following each area finds its seeded commitments", async ({ page }) => {
  await page.goto("/");
  expect(areas).toHaveLength(6);
  for (const area of areas) {
    await expect(page.getByRole("heading", { name: area.title, exact: true }).first()).toBeVisible();
  }
  for (const file of files) {
    const area = areas.find((a) => a.slug === file.area)!;
    await page.goto("/");
    await page.getByRole("heading", { name: area.title, exact: true }).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: area.title })).toBeVisible();
    const title = file.commitments[0]!.title;
    await expect(page.getByRole("link", { name: title, exact: true }).first()).toBeVisible();
  }
});

test("the health check reports the database is up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
