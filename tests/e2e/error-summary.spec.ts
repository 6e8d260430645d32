// The one GOV.UK error summary (src/components/govuk/error-summary.tsx) behaves the same on
// server-rendered pages and on forms submitted in place: it takes focus when it appears, its links
// lead to their fields, and the page title starts "Error: " while it is shown.
import { test, expect } from "@playwright/test";
import { createAccount, signIn, submit, uniqueSuffix, type Account } from "../helpers/e2e-editor";
import { COMMITMENT, OWNER_ORG } from "../helpers/editor-fixtures";

let editor: Account;
let admin: Account;

test.beforeAll(() => {
  editor = createAccount("erin.summary@example.gov.uk", "editor", [OWNER_ORG], "Erin Summary");
  admin = createAccount("abe.summary@example.gov.uk", "admin", [], "Abe Summary");
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("a public page with errors focuses its summary on load, and its links go to the fields", async ({ page }) => {
    await page.goto("/commitments?status=bogus&due_before=soon");
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: Commitments/);
    await summary.getByRole("link", { name: /‘due on or before’ date/ }).click();
    await expect(page).toHaveURL(/#due_before$/);
    await expect(page.locator("#due_before")).toBeFocused();
  });

  test("an editor form sent without JavaScript comes back with its summary focused", async ({ page }) => {
    await signIn(page, editor);
    await page.goto(`/editor/commitments/${COMMITMENT}/status-update`);
    await page.getByRole("button", { name: "Send for checking" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText("Select the status");
    await expect(summary).toBeFocused();
  });
});

test("an editor form submitted in place focuses the summary, prefixes the title, and its links focus the fields", async ({ page }) => {
  await signIn(page, editor);
  await page.goto(`/editor/commitments/${COMMITMENT}/status-update`);
  await expect(page).toHaveTitle(/^Propose a status update/);
  await submit(page, "Send for checking");
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Propose a status update/);

  await summary.getByRole("link", { name: "Select the status" }).click();
  await expect(page.locator("#status")).toBeFocused();
  // The question stays in view above the option that took focus.
  await expect(page.getByRole("group", { name: "What is the status now?" }).locator("legend")).toBeInViewport();

  // The same errors again: focus goes back to the summary.
  await submit(page, "Send for checking");
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Propose a status update/);
});

test("the title loses its prefix when a submission in place succeeds", async ({ page }) => {
  await signIn(page, admin);
  await page.goto("/editor/users/new");
  await submit(page, "Add user");
  await expect(page).toHaveTitle(/^Error: Add a user/);
  await page.getByLabel("Email address").fill(`summary-${uniqueSuffix()}@example.gov.uk`);
  await page.getByLabel("Full name").fill("Summary Person");
  await page.getByRole("radio", { name: "Editor", exact: true }).check();
  await page.getByLabel("Government Digital Service", { exact: true }).check();
  await submit(page, "Add user");
  await expect(page.getByTestId("one-time-password")).toBeVisible();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toHaveCount(0);
  await expect(page).toHaveTitle(/^Add a user/);
});
