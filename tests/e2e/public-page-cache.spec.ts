// Public pages are served whole from memory (src/server/page-cache), each URL (with its filters,
// as-of date or page) its own page, and may be kept by a CDN for a minute.
import { test, expect } from "@playwright/test";

const COMMITMENT = "digital-sourcing-strategy";

test("a cached page says how a CDN may keep it, and answers a conditional request with 304", async ({ request }) => {
  // Uncompressed, the ETag is strong; a gzipped answer carries its weak form (http-conformance.spec.ts).
  const identity = { "Accept-Encoding": "identity" };
  const first = await request.get(`/commitments/${COMMITMENT}`, { headers: identity });
  expect(first.status()).toBe(200);
  const headers = first.headers();
  expect(headers["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
  expect(headers["vary"]).toMatch(/RSC/);
  expect(headers["etag"]).toMatch(/^"[A-Za-z0-9_-]+"$/);
  const again = await request.get(`/commitments/${COMMITMENT}`, { headers: { ...identity, "If-None-Match": headers["etag"]! } });
  expect(again.status()).toBe(304);
  expect(await again.body()).toHaveLength(0);

  // A filtered view is a page of its own, cached the same way.
  const filtered = await request.get("/commitments?status=delivered", { headers: identity });
  expect(filtered.headers()["cache-control"]).toBe(headers["cache-control"]);
  expect(filtered.headers()["etag"]).not.toBe(headers["etag"]);
  expect(await filtered.text()).toContain("Delivered");

  // A query too long to be worth keeping is rendered for its request only.
  const long = await request.get(`/commitments?q=${"long+search+".repeat(40)}`);
  expect(long.headers()["cache-control"]).toMatch(/no-store|private/);
  expect(long.headers()["etag"]).toBeUndefined();
});

test("cached pages are plain documents: no script is sent, fetched or refused, and they still work", async ({ page, request }) => {
  for (const path of ["/", "/timeline"]) {
    const html = await (await request.get(path)).text();
    expect(html).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
    expect(html).not.toMatch(/as="script"|rel="modulepreload"/);
  }

  const violations: string[] = [];
  const scripts: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  for (const path of ["/", `/commitments/${COMMITMENT}`, "/missed", "/timeline", "/areas/ai-for-the-public-good"]) {
    const response = await page.goto(path);
    expect(response!.headers()["content-security-policy"]).toMatch(/script-src 'none'/);
  }
  // The filter form is a plain GET form: it works with no script.
  await page.goto("/commitments");
  await page.getByLabel("Delivered", { exact: true }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=delivered/);
  expect(scripts).toEqual([]);
  expect(violations).toEqual([]);
});

test("the cache's own machinery cannot be reached or spoofed from outside", async ({ request }) => {
  // A request claiming to be the cache's own render still gets the cached page, not a fresh render.
  const spoofed = await request.get("/", { headers: { "x-roadmap-tracker-render": "guess" } });
  expect(spoofed.headers()["content-security-policy"]).toMatch(/script-src 'none'/);
  expect(spoofed.headers()["etag"]).toBeTruthy();
});
