// Public pages read their data through the cache (unstable_cache, tag PUBLIC_DATA_TAG), not from
// the database on every request. It writes to the database behind the app's back, which a
// publishing editor never does (publishing also expires the cache tag), so it runs in its own
// Playwright project after all the other specs (playwright.config.ts, "behind-the-app").
import { test, expect } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL } from "../helpers/e2e-editor";

const slug = "central-local-digital-leadership";

test("a change written straight to the database is not seen until the cache is refreshed", async ({ page }) => {
  await page.goto(`/commitments/${slug}`);
  await expect(page.locator("main [data-status]").first()).toHaveText("No progress reported");

  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on)
       SELECT c.id, 'in_progress', 'Written directly to the database by the cache test.', (SELECT id FROM source ORDER BY id LIMIT 1), c.announced_on
       FROM commitment c WHERE c.slug = $1`,
      [slug],
    );
  } finally {
    await client.end();
  }

  // Same arguments, same cache entry: the page is served from cached data, not re-queried.
  await page.reload();
  await expect(page.locator("main [data-status]").first()).toHaveText("No progress reported");

  // Different arguments (here, a search nobody has run yet) are a different cache entry, read fresh.
  await page.goto("/commitments?q=leadership+structures+central+local");
  const item = page.locator("#results ~ ul > li").filter({ has: page.locator(`a[href="/commitments/${slug}"]`) });
  await expect(item.locator("[data-status]")).toHaveText("In progress");
});
