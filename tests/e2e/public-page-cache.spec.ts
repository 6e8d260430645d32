// Public pages are served whole from memory (src/server/page-cache), each URL (with its filters,
// as-of date or page) its own page, and may be kept by a CDN for a minute.
import crypto from "node:crypto";
import { test, expect } from "@playwright/test";

const COMMITMENT = "digital-sourcing-strategy";

test("a cached page says how a CDN may keep it, and answers a conditional request with 304", async ({ request }) => {
  const first = await request.get(`/commitments/${COMMITMENT}`);
  expect(first.status()).toBe(200);
  const headers = first.headers();
  expect(headers["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
  expect(headers["vary"]).toMatch(/RSC/);
  expect(headers["etag"]).toMatch(/^"[A-Za-z0-9_-]+"$/);
  const again = await request.get(`/commitments/${COMMITMENT}`, { headers: { "If-None-Match": headers["etag"]! } });
  expect(again.status()).toBe(304);
  expect(await again.body()).toHaveLength(0);

  // A filtered view is a page of its own, cached the same way.
  const filtered = await request.get("/commitments?status=delivered");
  expect(filtered.headers()["cache-control"]).toBe(headers["cache-control"]);
  expect(filtered.headers()["etag"]).not.toBe(headers["etag"]);
  expect(await filtered.text()).toContain("Delivered");

  // A query too long to be worth keeping is rendered for its request only.
  const long = await request.get(`/commitments?q=${"long+search+".repeat(40)}`);
  expect(long.headers()["cache-control"]).toMatch(/no-store|private/);
  expect(long.headers()["etag"]).toBeUndefined();
});

test("a cached page's policy lists exactly the hash of each of its inline scripts", async ({ request }) => {
  const response = await request.get("/");
  const html = await response.text();
  const policy = response.headers()["content-security-policy"]!;
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  expect(inline.length).toBeGreaterThan(0);
  for (const script of inline) expect(policy).toContain(`'sha256-${crypto.createHash("sha256").update(script).digest("base64")}'`);
  expect(html).not.toMatch(/<script[^>]*\snonce=/);
});

test("cached pages run Next.js's scripts with no Content-Security-Policy violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  for (const path of ["/", `/commitments/${COMMITMENT}`, "/missed"]) {
    const response = await page.goto(path);
    expect(response!.headers()["content-security-policy"]).toMatch(/sha256-/);
    // window.next is set by Next.js's client runtime once it has started on the page.
    await page.waitForFunction(() => typeof (window as unknown as { next?: { version?: string } }).next?.version === "string");
  }
  expect(violations).toEqual([]);
});

test("the cache's own machinery cannot be reached or spoofed from outside", async ({ request }) => {
  // A request claiming to be the cache's own render still gets the cached page, not a fresh render.
  const spoofed = await request.get("/", { headers: { "x-roadmap-tracker-render": "guess" } });
  expect(spoofed.headers()["content-security-policy"]).toMatch(/sha256-/);
  expect(spoofed.headers()["etag"]).toBeTruthy();
});
