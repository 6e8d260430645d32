// Every editor page and form, empty and with errors, has zero axe-core violations (WCAG 2.2 A
// and AA), and error summaries link to their fields.
import { test, expect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "../helpers/axe";
import { createAccount, query, signIn, submit, uniqueSuffix, type Account } from "../helpers/e2e-editor";
import { COMMITMENT, OWNER_ORG, SUPPORT_ORG } from "../helpers/editor-fixtures";

// axe takes a few seconds per page on a small machine.
test.describe.configure({ timeout: 180_000 });

let dora: Account;
let admin: Account;
let otherAuthor: Account;

test.beforeAll(() => {
  dora = createAccount("dora.a11y@example.gov.uk", "editor", [OWNER_ORG], "Dora Diligent");
  otherAuthor = createAccount("evan.a11y@example.gov.uk", "editor", [SUPPORT_ORG], "Evan Ever");
  admin = createAccount("ada.a11y@example.gov.uk", "admin", [], "Ada Accessible");
});

async function check(page: Page, path: string, label = path) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expectNoAxeViolations(page, label);
}

async function submitEmpty(page: Page, button: string, label: string) {
  await submit(page, button);
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("There is a problem");
  await expectNoAxeViolations(page, `${label} with errors`);
  // Each link in the summary points at a field on the page.
  for (const href of await page
    .getByRole("alert", { name: "There is a problem" })
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
    if (href?.startsWith("#row-")) continue;
    expect(await page.locator(href!).count(), `${label}: ${href}`).toBe(1);
  }
}

test("the sign-in page, empty and with an error", async ({ page }) => {
  await check(page, "/editor/sign-in");
  await page.getByLabel("Email address").fill("nobody@example.gov.uk");
  await page.getByLabel("Password", { exact: true }).fill("wrong");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  await expectNoAxeViolations(page, "sign-in with an error");
});

test("an editor's lists and pages", async ({ page }) => {
  await signIn(page, dora);
  await check(page, "/editor", "dashboard");
  await check(page, "/editor/commitments", "commitments");
  await check(page, "/editor/commitments?q=spending&scope=all", "commitments searched");
  await check(page, `/editor/commitments/${COMMITMENT}`, "commitment");
  await check(page, "/editor/proposals", "proposals");
  await check(page, "/editor/commitments/hmrc-paye-online-service", "a commitment the editor cannot change");
});

test("an editor's proposal forms, empty and with errors", async ({ page }) => {
  await signIn(page, dora);

  await check(page, `/editor/commitments/${COMMITMENT}/status-update`, "status update form");
  await submitEmpty(page, "Send for checking", "status update form");

  await check(page, `/editor/commitments/${COMMITMENT}/deadline`, "deadline form");
  await submitEmpty(page, "Send for checking", "deadline form");
});

test("the commitment forms, empty and with errors", async ({ page }) => {
  await signIn(page, dora);
  await check(page, `/editor/commitments/${COMMITMENT}/edit`, "edit form");
  await page.getByLabel("Title").fill("");
  await submitEmpty(page, "Save changes", "edit form");

  await check(page, "/editor/commitments/new", "new commitment form");
  await submitEmpty(page, "Create commitment", "new commitment form");
});

test("the import and password forms, empty and with errors", async ({ page }) => {
  await signIn(page, dora);
  await check(page, "/editor/import", "import form");
  await submitEmpty(page, "Preview", "import form");
  await page.getByLabel("Status updates").check();
  await page
    .getByLabel("Or paste the CSV")
    .fill(
      [
        "commitment,status,note,confirmed_on,evidence_url,evidence_title,evidence_publisher,evidence_published_on",
        `${COMMITMENT},in_progress,Fine row.,2026-06-01,https://www.gov.uk/a11y-${uniqueSuffix()},Fine,GDS,2026-06-01`,
        `${COMMITMENT},finished,,2026-13-01,javascript:alert(1),,,`,
      ].join("\n"),
    );
  await submit(page, "Preview");
  await expect(page.getByRole("heading", { name: "Preview" })).toBeVisible();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Row 3, status: Select the status");
  await expectNoAxeViolations(page, "import preview with row errors");

  await check(page, "/editor/account/password", "change password");
  await submitEmpty(page, "Change password", "change password");
});

test("checking a proposal, and the admin pages", async ({ browser }) => {
  const authorContext = await browser.newContext();
  const author = await authorContext.newPage();
  await signIn(author, otherAuthor);
  await author.goto(`/editor/commitments/${COMMITMENT}/status-update`);
  await author.getByLabel("At risk").check();
  await author.getByLabel("What happened").fill("For the accessibility check.");
  await author.getByLabel("Date progress was confirmed").fill("2026-06-01");
  await author.getByLabel("Link to the evidence").fill(`https://www.gov.uk/a11y-review-${uniqueSuffix()}`);
  await author.getByLabel("Title of the evidence").fill("Evidence");
  await author.getByLabel("Who published it").fill("HM Treasury");
  await author.getByLabel("Date it was published").fill("2026-06-01");
  await author.getByRole("button", { name: "Send for checking" }).click();
  await expect(author.getByRole("heading", { name: "Sent for checking" })).toBeVisible();
  await expectNoAxeViolations(author, "proposal (author's view)");
  const id = author.url().match(/proposals\/(\d+)/)![1];

  const page = await (await browser.newContext()).newPage();
  await signIn(page, admin);
  await check(page, `/editor/proposals/${id}`, "proposal (reviewer's view)");
  await submitEmpty(page, "Confirm decision", "review form");
  await check(page, "/editor/users", "users");
  await check(page, "/editor/users/new", "new user form");
  await submitEmpty(page, "Add user", "new user form");
  await page.getByLabel("Email address").fill(`new-${uniqueSuffix()}@example.gov.uk`);
  await page.getByLabel("Full name").fill("New Person");
  await page.getByRole("radio", { name: "Editor", exact: true }).check();
  await page.getByLabel("Government Digital Service", { exact: true }).check();
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByTestId("one-time-password")).toHaveText(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  await expectNoAxeViolations(page, "new user created");
  const [user] = await query<{ id: number }>("SELECT id FROM app_user WHERE email = $1", [dora.email]);
  await check(page, `/editor/users/${user!.id}`, "user page");
  await check(page, "/editor/audit", "audit log");
  await check(page, "/editor/audit?action=proposal.create&from=2026-01-01", "audit log filtered");
  await check(page, "/editor/audit?from=yesterday", "audit log with a bad date");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("year-month-day");
});
