// The editor journeys in Chromium against the production build: one editor proposes, a second
// approves, the public pages show it at once; two simultaneous approvals publish once; a stale
// edit is refused to the second of two editors with what changed meanwhile.
import { test, expect, type Browser, type Page } from "@playwright/test";
import { createAccount, query, signIn, submit, uniqueSuffix, type Account } from "../helpers/e2e-editor";
import { COMMITMENT, OWNER_ORG, SUPPORT_ORG } from "../helpers/editor-fixtures";

/** A commitment the publishing in these tests never touches. */
const UNRELATED_COMMITMENT = "digital-sourcing-strategy";

let alice: Account;
let bob: Account;
let admin: Account;

test.beforeAll(() => {
  alice = createAccount("alice.workflow@example.gov.uk", "editor", [OWNER_ORG], "Alice Author");
  bob = createAccount("bob.workflow@example.gov.uk", "editor", [SUPPORT_ORG], "Bob Reviewer");
  admin = createAccount("ada.workflow@example.gov.uk", "admin", [], "Ada Admin");
});

async function signedInPage(browser: Browser, account: Account): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

async function proposeStatusUpdate(page: Page, note: string, evidenceUrl: string): Promise<number> {
  await page.goto(`/editor/commitments/${COMMITMENT}`);
  await page.getByRole("button", { name: "Propose a status update" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Propose a status update" })).toBeVisible();
  // The status it already has, so the public counts other tests rely on stay as seeded.
  await page.getByLabel("In progress").check();
  await page.getByLabel("What happened").fill(note);
  await page.getByLabel("Date progress was confirmed").fill(new Date().toISOString().slice(0, 10));
  await page.getByLabel("Link to the evidence").fill(evidenceUrl);
  await page.getByLabel("Title of the evidence").fill("Spending approvals: progress report");
  await page.getByLabel("Who published it").fill("HM Treasury");
  await page.getByLabel("Date it was published").fill(new Date().toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Send for checking" }).click();
  await expect(page.getByRole("heading", { name: "Sent for checking" })).toBeVisible();
  const id = Number(page.url().match(/\/editor\/proposals\/(\d+)/)?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

test("editor A proposes an update, editor B approves it, and the public pages show it at once", async ({ browser, request }) => {
  const note = `The spending approvals pilot slipped by a quarter (${uniqueSuffix()}).`;
  const a = await signedInPage(browser, alice);
  // Warm the public cache first, so the test proves publishing refreshes it.
  await a.goto(`/commitments/${COMMITMENT}`);
  await expect(a.getByText(note)).toHaveCount(0);
  const unrelated = `/commitments/${UNRELATED_COMMITMENT}`;
  const unrelatedTag = (await request.get(unrelated)).headers()["etag"]!;

  const id = await proposeStatusUpdate(a, note, `https://www.gov.uk/government/news/spending-approvals-${uniqueSuffix()}`);
  // Not public yet, and the author cannot approve their own proposal.
  await a.goto(`/commitments/${COMMITMENT}`);
  await expect(a.getByText(note)).toHaveCount(0);
  await a.goto(`/editor/proposals/${id}`);
  await expect(a.getByText("You proposed this, so a second editor or an admin must check it.")).toBeVisible();
  await expect(a.getByRole("button", { name: "Confirm decision" })).toHaveCount(0);

  const b = await signedInPage(browser, bob);
  await expect(b.getByRole("heading", { name: /Waiting for your check \(\d+\)/ })).toBeVisible();
  await b.getByRole("link", { name: "Status update: In progress" }).first().click();
  await b.goto(`/editor/proposals/${id}`);
  await expect(b.getByText(note)).toBeVisible();
  await b.getByLabel("Approve and publish").check();
  await b.getByRole("button", { name: "Confirm decision" }).click();
  await expect(b.getByRole("heading", { name: "Approved and published" })).toBeVisible();

  // The public commitment page and the change log show it straight away.
  const reader = await browser.newPage();
  await reader.goto(`/commitments/${COMMITMENT}`);
  await expect(reader.getByText(note)).toBeVisible();
  await reader.goto("/changes");
  await expect(reader.getByText(note)).toBeVisible();
  // Publishing dropped every cached page; a page it did not change is rendered again to the same
  // bytes, so a CDN's or browser's copy of it is still confirmed with a 304.
  expect((await request.get(unrelated, { headers: { "If-None-Match": unrelatedTag } })).status()).toBe(304);

  const rows = await query<{ count: string }>(
    "SELECT COUNT(*) FROM status_update WHERE proposal_id = $1 AND approved_by_id = (SELECT id FROM app_user WHERE email = $2)",
    [id, bob.email],
  );
  expect(Number(rows[0]!.count)).toBe(1);
});

test("a returned proposal goes back to its author with the comment, and can be changed and sent again", async ({ browser }) => {
  const a = await signedInPage(browser, alice);
  const id = await proposeStatusUpdate(a, "A first draft of the note.", `https://www.gov.uk/draft-${uniqueSuffix()}`);
  const b = await signedInPage(browser, bob);
  await b.goto(`/editor/proposals/${id}`);
  await b.getByLabel("Return it to the author").check();
  await submit(b, "Confirm decision");
  // A comment is required to return it.
  await expect(b.getByRole("alert", { name: "There is a problem" })).toContainText("Enter a comment telling the author what to change");
  await b.getByRole("link", { name: "Enter a comment telling the author what to change" }).click();
  await expect(b.getByLabel("Comment for the author")).toBeFocused();
  await b.getByLabel("Comment for the author").fill("Say which departments are in the pilot.");
  await b.getByRole("button", { name: "Confirm decision" }).click();
  await expect(b.getByRole("heading", { name: "Returned to the author" })).toBeVisible();

  await a.goto("/editor");
  await expect(a.getByText(/returned to you with a comment/)).toBeVisible();
  await a.goto(`/editor/proposals/${id}`);
  await expect(a.getByText("Say which departments are in the pilot.", { exact: true }).first()).toBeVisible();
  await a.getByRole("button", { name: "Change it and send it again" }).click();
  await expect(a.getByLabel("What happened")).toHaveValue("A first draft of the note.");
  await a.getByLabel("What happened").fill("The pilot runs in DWP, HMRC and the Home Office.");
  await a.getByRole("button", { name: "Send for checking again" }).click();
  await expect(a.getByRole("heading", { name: "Sent for checking again" })).toBeVisible();
});

test("concurrent approvals of the same proposal publish it exactly once", async ({ browser }) => {
  const a = await signedInPage(browser, alice);
  const id = await proposeStatusUpdate(a, `Raced approval ${uniqueSuffix()}.`, `https://www.gov.uk/race-${uniqueSuffix()}`);
  const reviewers = await Promise.all([signedInPage(browser, bob), signedInPage(browser, admin)]);
  for (const page of reviewers) {
    await page.goto(`/editor/proposals/${id}`);
    await page.getByLabel("Approve and publish").check();
  }
  await Promise.all(reviewers.map((page) => page.getByRole("button", { name: "Confirm decision" }).click()));
  const outcomes = await Promise.all(
    reviewers.map(async (page) => {
      await expect(page.getByRole("heading", { name: /Approved and published|Someone else acted on this proposal first/ })).toBeVisible();
      return (await page.getByRole("heading", { name: "Approved and published" }).count()) > 0 ? "published" : "too late";
    }),
  );
  expect(outcomes.sort()).toEqual(["published", "too late"]);
  const rows = await query<{ count: string }>("SELECT COUNT(*) FROM status_update WHERE proposal_id = $1", [id]);
  expect(Number(rows[0]!.count)).toBe(1);
  const approvals = await query<{ count: string }>("SELECT COUNT(*) FROM audit_event WHERE action = 'proposal.approve' AND entity_id = $1", [
    String(id),
  ]);
  expect(Number(approvals[0]!.count)).toBe(1);
});

test("a stale edit is refused to the second of two editors, showing what changed meanwhile", async ({ browser }) => {
  const [a, b] = await Promise.all([signedInPage(browser, alice), signedInPage(browser, bob)]);
  for (const page of [a, b]) await page.goto(`/editor/commitments/${COMMITMENT}/edit`);
  const original = await a.getByLabel("Title").inputValue();
  const originalSummary = await a.getByLabel("Summary").inputValue();

  const aliceTitle = `Simplify spending approvals for digital projects (${uniqueSuffix()})`;
  await a.getByLabel("Title").fill(aliceTitle);
  await a.getByRole("button", { name: "Save changes" }).click();
  await expect(a.getByRole("heading", { name: "Changes saved" })).toBeVisible();

  const bobSummary = "Bob's new summary, written without seeing Alice's change.";
  await b.getByLabel("Summary").fill(bobSummary);
  await submit(b, "Save changes");
  await expect(b.getByRole("alert", { name: "There is a problem" })).toContainText("Someone else changed this commitment after you opened it");
  const conflict = b.getByRole("region", { name: "This commitment was changed while you were editing it" });
  await expect(conflict).toContainText("Alice Author changed it");
  await expect(conflict.getByRole("row", { name: /Title/ })).toContainText(aliceTitle);
  await expect(conflict.getByRole("row", { name: /Title/ })).toContainText(original);
  // Bob's typing is kept; nothing of his was saved, and Alice's change stands.
  await expect(b.getByLabel("Summary")).toHaveValue(bobSummary);
  const [row] = await query<{ title: string; summary: string }>("SELECT title, summary FROM commitment WHERE slug = $1", [COMMITMENT]);
  expect(row!.title).toBe(aliceTitle);
  expect(row!.summary).not.toBe(bobSummary);

  // Saving again, now knowingly on top of Alice's version, works.
  await b.getByRole("button", { name: "Save changes" }).click();
  await expect(b.getByRole("heading", { name: "Changes saved" })).toBeVisible();
  const [after] = await query<{ title: string; summary: string }>("SELECT title, summary FROM commitment WHERE slug = $1", [COMMITMENT]);
  expect(after!.summary).toBe(bobSummary);

  // Put the seeded wording back, for the public pages' own tests.
  await b.goto(`/editor/commitments/${COMMITMENT}/edit`);
  await b.getByLabel("Title").fill(original);
  await b.getByLabel("Summary").fill(originalSummary);
  await b.getByRole("button", { name: "Save changes" }).click();
  await expect(b.getByRole("heading", { name: "Changes saved" })).toBeVisible();
});

test("a deadline revision is proposed, approved and shown on the public page with its reason", async ({ browser }) => {
  const a = await signedInPage(browser, alice);
  await a.goto(`/editor/commitments/${COMMITMENT}/deadline`);
  await a.getByLabel("New deadline, as published").fill("when it is ready");
  await a.getByLabel("Season").check();
  await a.getByLabel("Why the deadline changed").fill("Ministers extended the pilot to two more departments.");
  await a.getByLabel("Link to the source").fill(`https://www.gov.uk/deadline-${uniqueSuffix()}`);
  await a.getByLabel("Title of the source").fill("Pilot extended");
  await a.getByLabel("Who published it").fill("HM Treasury");
  await a.getByLabel("Date it was published").fill("2026-06-01");
  await submit(a, "Send for checking");
  // The resolver's explanation is the field's error; nothing was saved.
  await expect(a.getByRole("alert", { name: "There is a problem" })).toContainText('Could not read a season from label "when it is ready"');
  await expect(a.getByLabel("Why the deadline changed")).toHaveValue("Ministers extended the pilot to two more departments.");
  await a.getByLabel("New deadline, as published").fill("spring 2027");
  await a.getByRole("button", { name: "Send for checking" }).click();
  await expect(a.getByRole("heading", { name: "Sent for checking" })).toBeVisible();
  await expect(a.getByText("31 May 2027")).toBeVisible();
  const id = Number(a.url().match(/proposals\/(\d+)/)?.[1]);

  const b = await signedInPage(browser, admin);
  await b.goto(`/editor/proposals/${id}`);
  await b.getByLabel("Approve and publish").check();
  await b.getByRole("button", { name: "Confirm decision" }).click();
  await expect(b.getByRole("heading", { name: "Approved and published" })).toBeVisible();
  const reader = await browser.newPage();
  await reader.goto(`/commitments/${COMMITMENT}`);
  await expect(reader.getByText("Ministers extended the pilot to two more departments.")).toBeVisible();
});
