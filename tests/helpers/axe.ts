// Shared accessibility check: axe-core with the WCAG 2.2 A/AA rule sets.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

function describe(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(" ")}: ${n.failureSummary?.replace(/\n/g, " ")}`).join("\n")}`,
    )
    .join("\n\n");
}

/** Fails the test with a readable list when axe finds any WCAG 2.2 A/AA violation on the page. */
export async function expectNoAxeViolations(page: Page, label = page.url()) {
  // Next.js may stream a dynamic page's metadata (its <title>) just after the body: judge the page
  // once it has arrived, as a reader's browser shows it (a page with no title still fails, below).
  await expect(page.locator("head title"), `the title of ${label}`)
    .toHaveCount(1)
    .catch(() => {});
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.violations, `axe violations on ${label}:\n${describe(results.violations)}`).toEqual([]);
}
