// Open data through the real production server: the /data page (accessible, no JavaScript
// needed), the API's HTTP behaviour end to end (ETag/304, Cache-Control, CORS, problem+json),
// contract validation of live responses, and every download, feed and calendar.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { parse } from "csv-parse/sync";
import { XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { contractValidator } from "../helpers/open-data-contract";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

test.describe("the /data page", () => {
  test("links every download, feed and the API docs, and has no axe violations", async ({ page }) => {
    await page.goto("/data");
    await expect(page.getByRole("heading", { level: 1, name: "Open data and API" })).toBeVisible();
    for (const file of ["commitments.csv", "status-updates.csv", "deadline-revisions.csv", "tracker.json"]) {
      await expect(page.getByRole("link", { name: file, exact: true })).toHaveAttribute("href", `/data/${file}`);
    }
    await expect(page.getByRole("link", { name: "Open Government Licence v3.0" }).first()).toBeVisible();
    await expect(page.getByText(/^Suggested citation for the data/)).toBeVisible();
    await expect(page.locator("blockquote")).toContainText("/data/tracker.json?as_of=");
    await expect(page.getByRole("link", { name: "All published changes (Atom feed)" })).toHaveAttribute("href", "/changes.atom");
    await expect(page.getByRole("link", { name: "Upcoming deadlines (iCalendar)" })).toHaveAttribute("href", "/deadlines.ics");
    await expect(page.locator('a[href^="/areas/"][href$="/changes.atom"]')).toHaveCount(6);
    await expect(page.locator('a[href^="/areas/"][href$="/deadlines.ics"]')).toHaveCount(6);
    for (const path of ["/areas", "/organisations", "/commitments", "/commitments/{slug}", "/changes"]) {
      await expect(page.getByRole("heading", { level: 3, name: `GET /api/v1${path}`, exact: true })).toBeVisible();
    }
    await expect(page.locator("pre", { hasText: "curl '" }).first()).toBeVisible();
    await expect(page.locator("#problem-invalid-parameters")).toBeVisible();
    await expect(page.locator("#schema-Commitment")).toBeVisible();
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/changes\.atom$/);

    await page.locator("summary", { hasText: "Columns in commitments.csv" }).click();
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  test("works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/data");
    await expect(page.getByRole("heading", { level: 1, name: "Open data and API" })).toBeVisible();
    await page.locator("summary", { hasText: "Columns in status-updates.csv" }).click();
    await expect(page.getByRole("table", { name: "Columns in status-updates.csv" })).toBeVisible();
    await context.close();
  });
});

test.describe("the API over HTTP", () => {
  test("every documented example keeps the contract of the served OpenAPI document", async ({ request }) => {
    const documentResponse = await request.get("/api/v1/openapi.json");
    expect(documentResponse.status()).toBe(200);
    const document = await documentResponse.json();
    const contract = contractValidator(document);
    const { ENDPOINT_EXAMPLES } = await import("../../src/server/open-data/openapi");
    const urls = [
      ...ENDPOINT_EXAMPLES.map((e) => (e.query ? `${e.path}?${new URLSearchParams(e.query as Record<string, string>)}` : e.path)),
      "/commitments?status=nearly_done&page=0",
      "/commitments/no-such-commitment",
    ];
    for (const url of urls) {
      const response = await request.get(`/api/v1${url}`);
      const text = await response.text();
      const problems = contract.check(
        { status: response.status(), header: (n) => response.headers()[n.toLowerCase()] ?? null },
        text ? JSON.parse(text) : undefined,
        `/api/v1${url}`,
      );
      expect(problems, url).toEqual([]);
    }
  });

  test("sends ETag and Cache-Control, answers If-None-Match with 304, and is open to other origins", async ({ request }) => {
    // Uncompressed, the ETag is strong; a gzipped answer carries its weak form (http-conformance.spec.ts).
    const first = await request.get("/api/v1/commitments?overdue=true", {
      headers: { Origin: "https://newsroom.example", "Accept-Encoding": "identity" },
    });
    expect(first.status()).toBe(200);
    const headers = first.headers();
    expect(headers["etag"]).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(headers["cache-control"]).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400");
    expect(headers["access-control-allow-origin"]).toBe("*");
    const again = await request.get("/api/v1/commitments?overdue=true", {
      headers: { "If-None-Match": headers["etag"]!, "Accept-Encoding": "identity" },
    });
    expect(again.status()).toBe(304);
    expect(again.headers()["etag"]).toBe(headers["etag"]);

    const preflight = await request.fetch("/api/v1/commitments", {
      method: "OPTIONS",
      headers: { Origin: "https://newsroom.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
    expect(preflight.headers()["access-control-allow-methods"]).toContain("GET");

    const head = await request.head("/api/v1/areas");
    expect(head.status()).toBe(200);
    expect(head.headers()["etag"]).toBeTruthy();
  });

  test("answers bad input with problem+json naming each parameter, and unknown slugs with 404", async ({ request }) => {
    const bad = await request.get("/api/v1/commitments?status=nearly_done&due_before=2026-02-30&page_size=1000");
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toBe("application/problem+json");
    expect(bad.headers()["etag"]).toBeTruthy();
    const problem = await bad.json();
    expect(problem.errors.map((e: { parameter: string }) => e.parameter).sort()).toEqual(["due_before", "page_size", "status"]);
    const missing = await request.get("/api/v1/commitments/no-such-commitment");
    expect(missing.status()).toBe(404);
    expect((await missing.json()).type).toMatch(/\/data#problem-not-found$/);
  });
});

test.describe("downloads, feed and calendar over HTTP", () => {
  test("CSV files download as UTF-8 with a BOM and parse back", async ({ request }) => {
    const { rows: expected } = { rows: (await (await request.get("/api/v1/commitments?page_size=1")).json()).meta.total as number };
    for (const file of ["commitments.csv", "status-updates.csv", "deadline-revisions.csv"]) {
      const response = await request.get(`/data/${file}`);
      expect(response.status(), file).toBe(200);
      expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8; header=present");
      expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="roadmap-tracker-/);
      const body = await response.body();
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const records = parse(body.toString("utf8"), { bom: true, columns: true }) as Record<string, string>[];
      expect(records.length, file).toBeGreaterThan(0);
      if (file === "commitments.csv") expect(records).toHaveLength(expected);
    }
  });

  test("tracker.json is one JSON document stamped with its as-of date", async ({ request }) => {
    const response = await request.get("/data/tracker.json?as_of=2026-06-30");
    expect(response.status()).toBe(200);
    const snapshot = await response.json();
    expect(snapshot.meta.asOf).toBe("2026-06-30");
    expect(snapshot.areas).toHaveLength(6);
    const document = await (await request.get("/api/v1/openapi.json")).json();
    expect(contractValidator(document).component("TrackerSnapshot")(snapshot)).toEqual([]);
  });

  test("the Atom feed and the calendar parse, with per-area variants", async ({ request }) => {
    const feed = await request.get("/changes.atom");
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect(XMLValidator.validate(await feed.text())).toBe(true);
    const areaFeed = await request.get("/changes.atom?area=ai-for-the-public-good");
    expect(areaFeed.status()).toBe(200);
    expect(await areaFeed.text()).toContain('rel="self" href="http://127.0.0.1:');

    const calendar = await request.get("/deadlines.ics");
    expect(calendar.status()).toBe(200);
    expect(calendar.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const vcalendar = new ICAL.Component(ICAL.parse(await calendar.text()));
    for (const vevent of vcalendar.getAllSubcomponents("vevent")) expect(new ICAL.Event(vevent).startDate.isDate).toBe(true);
  });

  test("a commitment page advertises and links its own feed, which parses and holds only that commitment", async ({ page, request }) => {
    const slug = "digital-sourcing-strategy";
    await page.goto(`/commitments/${slug}`);
    const alternate = page.locator('link[rel="alternate"][type="application/atom+xml"]');
    await expect(alternate).toHaveAttribute("href", new RegExp(`/commitments/${slug}/changes\\.atom$`));
    const follow = page.getByRole("region", { name: "Follow this commitment" });
    await expect(follow.getByRole("link", { name: "Atom feed of its published changes" })).toHaveAttribute(
      "href",
      `/commitments/${slug}/changes.atom`,
    );

    const response = await request.get(new URL((await alternate.getAttribute("href"))!).pathname);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    const body = await response.text();
    expect(XMLValidator.validate(body)).toBe(true);
    expect(body).toContain(`/commitments/${slug}/changes.atom"`);
    const entryLinks = [...body.matchAll(/<link href="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(entryLinks.length).toBeGreaterThan(0);
    for (const href of entryLinks) expect(href).toMatch(new RegExp(`/commitments/${slug}$`));
  });
});
