import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";

const areas = JSON.parse(fs.readFileSync(path.resolve("seeds/areas.json"), "utf8")) as { title: string }[];
const someCommitments = fs
  .readdirSync("seeds/commitments")
  .map((f) => JSON.parse(fs.readFileSync(path.join("seeds/commitments", f), "utf8")).commitments[0].title as string);

test("the home page shows the six areas and seeded commitments", async ({ page }) => {
  await page.goto("/");
  expect(areas).toHaveLength(6);
  for (const area of areas) {
    await expect(page.getByRole("heading", { name: area.title, exact: true }).first()).toBeVisible();
  }
  for (const title of someCommitments) {
    await expect(page.getByRole("link", { name: title, exact: true }).first()).toBeVisible();
  }
});

test("the health check reports the database is up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
