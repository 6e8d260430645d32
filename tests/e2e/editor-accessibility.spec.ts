// Every editor page and form, empty and with errors, has zero axe-core violations (WCAG 2.2 A
// and AA), and error summaries link to their fields.
import { test, expect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "../helpers/axe";
import { createAccount, query, signIn, submit, uniqueSuffix, type Account } from "../helpers/e2e-editor";
import { COMMITMENT, OWNER_ORG, SUPPORT_ORG } from "../helpers/editor-fixtures";
import { codeAt } from "../helpers/totp";

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

/** The password step only: what follows is the page under test. */
async function firstStep(page: Page, account: Account) {
  await page.goto("/editor/sign-in?callbackUrl=%2Feditor");
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

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

test("two-step verification: setting it up (with an error), the recovery codes, the code at sign-in, and the sessions page", async ({ page }) => {
  const account = createAccount(`tess.a11y.${uniqueSuffix()}@example.gov.uk`, "editor", ["government-digital-service"], "Tess Twostep");
  await firstStep(page, account);
  await expect(page.getByRole("heading", { name: "Set up two-step verification" })).toBeVisible();
  await expectNoAxeViolations(page, "two-step set-up");
  await submitEmpty(page, "Continue", "two-step set-up");
  await page.getByText("I cannot scan the QR code").click();
  const key = (await page.getByTestId("totp-key").textContent())!;
  await page.getByLabel("Code from your authenticator app").fill(codeAt(key));
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  await expectNoAxeViolations(page, "recovery codes");
  await page.getByRole("button", { name: "I have saved my recovery codes", exact: true }).click();
  await check(page, "/editor/account/sessions", "your sessions");
  await page.getByRole("button", { name: "Sign out" }).click();
  await firstStep(page, account);
  await expect(page.getByRole("heading", { name: "Enter the code from your authenticator app" })).toBeVisible();
  await expectNoAxeViolations(page, "two-step code");
  await submitEmpty(page, "Continue", "two-step code");
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
  await page.getByLabel("Title", { exact: true }).fill("");
  await submitEmpty(page, "Send for checking", "edit form");

  await check(page, "/editor/commitments/new", "new commitment form");
  await submitEmpty(page, "Send for checking", "new commitment form");
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
  await author.getByRole("group", { name: "Date it was published" }).getByLabel("Day").fill("2026-06-01");
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
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("must be a real date, for example 30 6 2026");
});

test("issue 12's pages: an edit's field-by-field review, a force-published change, and the public marks, at both widths", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, dora);
  await page.goto(`/editor/commitments/${COMMITMENT}/edit`);
  const original = await page.getByLabel("Summary").inputValue();
  await page.getByLabel("Summary").fill(`A summary rewritten for the accessibility check (${uniqueSuffix()}).`);
  await page.getByLabel("Why is it changing?").fill("Accessibility check.");
  await page.getByRole("button", { name: "Send for checking" }).click();
  await expect(page.getByRole("heading", { name: "Sent for checking" })).toBeVisible();
  const proposal = page
    .url()
    .split("?")[0]!
    .replace(/^https?:\/\/[^/]+/, "");
  await expectNoAxeViolations(page, "an edit proposal, field by field");

  const boss = await (await browser.newContext()).newPage();
  await signIn(boss, admin);
  await boss.goto(proposal);
  await boss.getByRole("button", { name: "Publish now without a second editor" }).click();
  await expect(boss.getByRole("heading", { name: "Published without a second editor" })).toBeVisible();
  await expectNoAxeViolations(boss, "a force-published proposal");
  await check(boss, `/editor/commitments/${COMMITMENT}`, "a commitment with an unchecked change");

  for (const width of [1280, 375]) {
    const reader = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await reader.goto(`/commitments/${COMMITMENT}`);
    await expect(reader.locator("#not-yet-checked")).toBeVisible();
    await expect(reader.locator("#wording-changes")).toBeVisible();
    await expectNoAxeViolations(reader, `public page marked and with wording changes at ${width}px`);
    await reader.goto("/changes");
    await expect(reader.locator("#wording-changes")).toBeVisible();
    await expectNoAxeViolations(reader, `/changes with wording changes at ${width}px`);
  }

  // A second editor checks it; the seeded summary is put back (checked too).
  const evan = await (await browser.newContext()).newPage();
  await signIn(evan, otherAuthor);
  await evan.goto(proposal);
  await evan.getByRole("button", { name: "Confirm it is right" }).click();
  await expect(evan.getByRole("heading", { name: "Checked" })).toBeVisible();
  await page.goto(`/editor/commitments/${COMMITMENT}/edit`);
  await page.getByLabel("Summary").fill(original);
  await page.getByLabel("Why is it changing?").fill("Back to the seeded summary.");
  await page.getByRole("button", { name: "Send for checking" }).click();
  await expect(page.getByRole("heading", { name: "Sent for checking" })).toBeVisible();
  await evan.goto(page.url().split("?")[0]!);
  await evan.getByLabel("Approve and publish").check();
  await evan.getByRole("button", { name: "Confirm decision" }).click();
  await expect(evan.getByRole("heading", { name: "Approved and published" })).toBeVisible();
  const [row] = await query<{ summary: string }>("SELECT summary FROM commitment WHERE slug = $1", [COMMITMENT]);
  expect(row!.summary).toBe(original);
});
