// The database is the one truth and the one signal (docs/decisions/0013): a change written
// straight to it, by a script, another instance or a manual fix, is announced by its triggers at
// commit and heard by the running app, which drops the pages it touches; so even a write behind
// the app's back is on the public page at the next request. It writes to the database directly,
// so it runs in its own Playwright project after all the other specs (playwright.config.ts, "behind-the-app").
import { test, expect } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL } from "../helpers/e2e-editor";

const slug = "central-local-digital-leadership";

test("a change written straight to the database is on the public pages at once", async ({ page, request }) => {
  await page.goto(`/commitments/${slug}`);
  await expect(page.locator("main [data-status]").first()).toHaveText("No progress reported");
  // Kept by the page cache: the same answer again, with the same validator, and the keys a CDN purges by.
  const before = await request.get(`/commitments/${slug}`);
  expect(before.headers()["surrogate-key"]).toBe(`commitment:${slug} shared`);
  const etag = before.headers()["etag"]!;
  expect((await request.get(`/commitments/${slug}`, { headers: { "if-none-match": etag } })).status()).toBe(304);
  const otherPage = "/commitments/digital-sourcing-strategy";
  const otherEtag = (await request.get(otherPage)).headers()["etag"]!;
  // The commitment's own feed is kept under its key too; another commitment's feed under its own.
  const feed = `/commitments/${slug}/changes.atom`;
  const feedBefore = await request.get(feed, { headers: { "accept-encoding": "identity" } });
  expect(feedBefore.headers()["surrogate-key"]).toBe(`commitment:${slug} shared`);
  const feedEtag = feedBefore.headers()["etag"]!;
  expect((await request.get(feed, { headers: { "if-none-match": feedEtag } })).status()).toBe(304);
  const otherFeed = "/commitments/digital-sourcing-strategy/changes.atom";
  const otherFeedEtag = (await request.get(otherFeed, { headers: { "accept-encoding": "identity" } })).headers()["etag"]!;

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

  await expect(async () => {
    await page.reload();
    await expect(page.locator("main [data-status]").first()).toHaveText("In progress", { timeout: 100 });
  }).toPass({ intervals: [50, 100, 200], timeout: 5_000 });
  await page.goto("/commitments?q=leadership+structures+central+local");
  const item = page.locator("#results ~ ul > li").filter({ has: page.locator(`a[href="/commitments/${slug}"]`) });
  await expect(item.locator("[data-status]")).toHaveText("In progress");
  // A page the change does not appear on is still the one kept before it.
  expect((await request.get(otherPage, { headers: { "if-none-match": otherEtag } })).status()).toBe(304);
  // The commitment's feed has the change at once; the other commitment's feed is as it was.
  const feedAfter = await request.get(feed, { headers: { "if-none-match": feedEtag, "accept-encoding": "identity" } });
  expect(feedAfter.status()).toBe(200);
  expect(await feedAfter.text()).toContain("Written directly to the database by the cache test.");
  expect((await request.get(otherFeed, { headers: { "if-none-match": otherFeedEtag, "accept-encoding": "identity" } })).status()).toBe(304);
});
