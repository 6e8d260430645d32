// Every public route, in its ordinary, filtered, as-of, empty and error states, on a desktop and
// a 375px phone viewport: zero axe-core violations for WCAG 2.2 A and AA.
import { test, expect } from "@playwright/test";
import { expectNoAxeViolations } from "../helpers/axe";

const ROUTES: { name: string; path: string; status?: number }[] = [
  { name: "overview", path: "/" },
  { name: "overview as of", path: "/?as_of=2026-05-01" },
  { name: "overview before launch (empty)", path: "/?as_of=2026-01-05" },
  { name: "overview with a bad date", path: "/?as_of=2026-13-45" },
  { name: "commitments", path: "/commitments" },
  { name: "commitments filtered", path: "/commitments?status=in_progress&status=at_risk&area=join-up-public-services&sort=updated" },
  { name: "commitments searched", path: "/commitments?q=digital+id" },
  { name: "commitments as of, page 2", path: "/commitments?as_of=2026-06-01&page=2" },
  { name: "commitments with no results", path: "/commitments?q=zebra+crossing" },
  { name: "commitments with errors", path: "/commitments?status=bogus&as_of=2026-13-45&page=-1&area=nowhere&due_before=soon" },
  { name: "commitment", path: "/commitments/digital-sourcing-strategy" },
  { name: "commitment as of", path: "/commitments/digital-sourcing-strategy?as_of=2026-05-01" },
  { name: "commitment not yet announced", path: "/commitments/digital-sourcing-strategy?as_of=2026-01-10" },
  { name: "commitment with supporting owners", path: "/commitments/secret-community-cloud" },
  { name: "timeline", path: "/timeline" },
  { name: "timeline filtered, as of", path: "/timeline?area=join-up-public-services&status=in_progress&as_of=2026-06-01" },
  { name: "timeline with errors", path: "/timeline?status=bogus&area=nowhere" },
  { name: "timeline (empty)", path: "/timeline?q=zebra+crossing" },
  { name: "missed", path: "/missed" },
  { name: "missed filtered", path: "/missed?area=leadership-and-talent" },
  { name: "missed as of (empty)", path: "/missed?as_of=2026-01-25" },
  { name: "changes", path: "/changes" },
  { name: "changes filtered, page 2", path: "/changes?area=join-up-public-services&page=2" },
  { name: "changes (empty)", path: "/changes?as_of=2026-02-01" },
  { name: "methodology", path: "/methodology" },
  { name: "areas", path: "/areas" },
  { name: "area", path: "/areas/ai-for-the-public-good" },
  { name: "area as of", path: "/areas/ai-for-the-public-good?as_of=2026-05-01" },
  { name: "organisations", path: "/organisations" },
  { name: "organisations' scorecards sorted", path: "/organisations?sort=overdue&order=desc" },
  { name: "organisations' scorecards for one area, as of", path: "/organisations?area=leadership-and-talent&as_of=2026-06-01" },
  { name: "organisations' scorecards with a bad column", path: "/organisations?sort=shoe_size" },
  { name: "commitments with a date typed in three boxes", path: "/commitments?as_of-day=30&as_of-month=&as_of-year=2026" },
  { name: "organisation", path: "/organisations/hm-revenue-and-customs" },
  { name: "commitment with owners named jointly", path: "/commitments/assurance-for-all-spending-controls" },
  { name: "commitment removed from the tracker", path: "/commitments/ai-accelerator-expansion", status: 410 },
  { name: "organisation no source names as owner", path: "/organisations/department-for-work-and-pensions" },
  { name: "corrections", path: "/corrections" },
  { name: "about", path: "/about" },
  { name: "accessibility statement", path: "/accessibility" },
  { name: "report a mistake", path: "/report" },
  { name: "report sent", path: "/report/sent" },
  { name: "page not found", path: "/no-such-page", status: 404 },
  { name: "commitment not found", path: "/commitments/no-such-commitment", status: 404 },
];

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 375, height: 812 },
];

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.name} (${viewport.width}px)`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });
    for (const route of ROUTES) {
      test(`${route.name}: ${route.path}`, async ({ page }) => {
        const response = await page.goto(route.path);
        expect(response?.status()).toBe(route.status ?? 200);
        await expect(page.locator("h1")).toHaveCount(1);
        await expectNoAxeViolations(page, `${route.path} at ${viewport.width}px`);
        // Nothing wider than the screen: tables scroll inside their own region.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      });
    }
  });
}

// The smallest screen we support: nothing spills sideways at 320px either.
test.describe("narrow phone (320px)", () => {
  test.use({ viewport: { width: 320, height: 640 } });
  test("no page is wider than the screen", async ({ page }) => {
    for (const route of ROUTES) {
      await page.goto(route.path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${route.path} is ${overflow}px wider than a 320px screen`).toBeLessThanOrEqual(0);
    }
  });
});
