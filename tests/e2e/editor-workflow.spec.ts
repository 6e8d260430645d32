// The editor journeys in Chromium against the production build: one editor proposes, a second
// approves, the public pages show it at once; two simultaneous approvals publish once; edits of a
// commitment are checked too, merge field by field and show a real conflict; a force-published
// change is marked until a second editor checks it.
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
  await page.getByRole("group", { name: "Date it was published" }).getByLabel("Day").fill(new Date().toISOString().slice(0, 10));
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

/** Fills the edit form's reason and sends it for checking; returns the proposal's id. */
async function sendEdit(page: Page, reason = "Clearer wording for the public."): Promise<number> {
  await page.getByLabel("Why is it changing?").fill(reason);
  await page.getByRole("button", { name: "Send for checking" }).click();
  await expect(page.getByRole("heading", { name: "Sent for checking" })).toBeVisible();
  return Number(page.url().match(/\/editor\/proposals\/(\d+)/)?.[1]);
}

async function approveAs(page: Page, id: number) {
  await page.goto(`/editor/proposals/${id}`);
  await page.getByLabel("Approve and publish").check();
  await page.getByRole("button", { name: "Confirm decision" }).click();
  await expect(page.getByRole("heading", { name: "Approved and published" })).toBeVisible();
}

const wording = async () =>
  (await query<{ title: string; summary: string }>("SELECT title, summary FROM commitment WHERE slug = $1", [COMMITMENT]))[0]!;

/** Puts the seeded wording back (a checked proposal like any other), for the public pages' own tests. */
async function restoreWording(author: Page, reviewer: Page, original: { title: string; summary: string }) {
  await author.goto(`/editor/commitments/${COMMITMENT}/edit`);
  await author.getByLabel("Title", { exact: true }).fill(original.title);
  await author.getByLabel("Summary").fill(original.summary);
  await approveAs(reviewer, await sendEdit(author, "Back to the seeded wording."));
  expect(await wording()).toEqual(original);
}

test("edits are checked by a second editor; two editors changing different fields both keep their change, and a real conflict is shown", async ({
  browser,
}) => {
  const [a, b, reviewer] = await Promise.all([signedInPage(browser, alice), signedInPage(browser, bob), signedInPage(browser, admin)]);
  const bStale = await b.context().newPage();
  for (const page of [a, b, bStale]) await page.goto(`/editor/commitments/${COMMITMENT}/edit`);
  const original = await wording();

  // Alice changes the title, Bob the summary, in forms opened at the same time. Neither is public until checked.
  const aliceTitle = `Simplify spending approvals for digital projects (${uniqueSuffix()})`;
  await a.getByLabel("Title", { exact: true }).fill(aliceTitle);
  const aliceId = await sendEdit(a);
  const bobSummary = `Bob's new summary, written without seeing Alice's change (${uniqueSuffix()}).`;
  await b.getByLabel("Summary").fill(bobSummary);
  const bobId = await sendEdit(b);
  expect(await wording()).toEqual(original);

  // The reviewer sees exactly what will change, field by field.
  await reviewer.goto(`/editor/proposals/${bobId}`);
  const table = reviewer.getByRole("table", { name: "What will change" });
  await expect(table.getByRole("row", { name: /Summary/ })).toContainText(original.summary);
  await expect(table.getByRole("row", { name: /Summary/ })).toContainText(bobSummary);
  await expect(table.getByRole("row", { name: /Title/ })).toHaveCount(0);
  await approveAs(reviewer, aliceId);
  await approveAs(reviewer, bobId);
  // Both changes stand: Bob's form still held the old title, but only his summary was proposed (ux review §3.5).
  expect(await wording()).toEqual({ title: aliceTitle, summary: bobSummary });

  // A change to the same field someone changed meanwhile is refused, showing what is published now.
  await bStale.getByLabel("Title", { exact: true }).fill("Bob's title, from a form opened before Alice's change");
  await bStale.getByLabel("Why is it changing?").fill("Another wording.");
  await submit(bStale, "Send for checking");
  await expect(bStale.getByRole("alert", { name: "There is a problem" })).toContainText("This commitment was changed after you opened it: title");
  const conflict = bStale.getByRole("region", { name: "This commitment was changed while you were editing it" });
  await expect(conflict).toContainText("Last published by Ada Admin");
  await expect(conflict.getByRole("row", { name: /Title/ })).toContainText(aliceTitle);
  await expect(conflict.getByRole("row", { name: /Summary/ })).toHaveCount(0);
  await expect(bStale.getByLabel("Title", { exact: true })).toHaveValue("Bob's title, from a form opened before Alice's change");
  expect((await wording()).title).toBe(aliceTitle);

  // The public page says the wording changed, with the earlier text.
  const reader = await browser.newPage();
  await reader.goto(`/commitments/${COMMITMENT}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(aliceTitle);
  await expect(reader.locator("#wording-changes")).toContainText(original.title);

  await restoreWording(a, reviewer, original);
});

test("an admin force-publishes a change: it is marked “Not yet checked by a second editor” until another editor checks it", async ({
  browser,
  request,
}) => {
  const [a, b, boss] = await Promise.all([signedInPage(browser, alice), signedInPage(browser, bob), signedInPage(browser, admin)]);
  const original = await wording();
  await a.goto(`/editor/commitments/${COMMITMENT}/edit`);
  const urgent = `An urgent correction of the summary (${uniqueSuffix()}).`;
  await a.getByLabel("Summary").fill(urgent);
  const id = await sendEdit(a, "The summary misstated who is in the pilot.");

  await boss.goto(`/editor/proposals/${id}`);
  await boss.getByRole("button", { name: "Publish now without a second editor" }).click();
  await expect(boss.getByRole("heading", { name: "Published without a second editor" })).toBeVisible();
  await expect(boss.getByText("Not yet checked by a second editor", { exact: false }).first()).toBeVisible();

  const reader = await browser.newPage();
  await reader.goto(`/commitments/${COMMITMENT}`);
  await expect(reader.getByText(urgent)).toBeVisible();
  await expect(reader.locator("#not-yet-checked")).toContainText("Not yet checked by a second editor");
  const api = await (await request.get(`/api/v1/commitments/${COMMITMENT}`)).json();
  expect(api.data.secondEditorCheck.checked).toBe(false);
  const forcedVersion = api.meta.version as number;

  // Neither the admin who published it nor its author can check it; Bob, of a supporting organisation, can.
  await a.goto(`/editor/proposals/${id}`);
  await expect(a.getByRole("button", { name: "Confirm it is right" })).toHaveCount(0);
  await boss.goto(`/editor/proposals/${id}`);
  await expect(boss.getByRole("button", { name: "Confirm it is right" })).toHaveCount(0);
  await b.goto(`/editor/commitments/${COMMITMENT}`);
  await expect(b.locator("#not-yet-checked")).toBeVisible();
  await b.goto(`/editor/proposals/${id}`);
  await b.getByRole("button", { name: "Confirm it is right" }).click();
  await expect(b.getByRole("heading", { name: "Checked" })).toBeVisible();

  await reader.goto(`/commitments/${COMMITMENT}`);
  await expect(reader.getByText(urgent)).toBeVisible();
  await expect(reader.locator("#not-yet-checked")).toHaveCount(0);
  expect((await (await request.get(`/api/v1/commitments/${COMMITMENT}`)).json()).data.secondEditorCheck.checked).toBe(true);
  // The version that published it unchecked still says so: citable versions never change.
  expect((await (await request.get(`/api/v1/commitments/${COMMITMENT}?version=${forcedVersion}`)).json()).data.secondEditorCheck.checked).toBe(false);

  await restoreWording(a, b, original);
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
  await a.getByRole("group", { name: "Date it was published" }).getByLabel("Day").fill("2026-06-01");
  await submit(a, "Send for checking");
  // The resolver's explanation is the field's error; nothing was saved.
  await expect(a.getByRole("alert", { name: "There is a problem" })).toContainText("The new deadline “when it is ready” cannot be read as a season");
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

test("a CSV file of new commitments is reviewed as one proposal, row by row, and nothing is public until it is approved", async ({ browser }) => {
  const a = await signedInPage(browser, alice);
  const suffix = uniqueSuffix();
  await a.goto("/editor/import");
  await a.getByLabel("New commitments").check();
  await a
    .getByLabel("Or paste the CSV")
    .fill(
      [
        "slug,title,summary,area,lead,supporting,announced_on,deadline_label,deadline_precision,source_url,source_title,source_publisher,source_published_on",
        `csv-e2e-one-${suffix},A first imported commitment,Imported from a file.,digital-and-data-infrastructure,${OWNER_ORG},,2026-02-01,summer 2026,season,https://www.gov.uk/csv-e2e-one,Announced,GDS,2026-02-01`,
        `csv-e2e-two-${suffix},A second imported commitment,Also imported.,digital-and-data-infrastructure,${OWNER_ORG},hm-treasury,2026-02-01,by the end of 2026,year,https://www.gov.uk/csv-e2e-two,Announced,GDS,2026-02-01`,
      ].join("\n"),
    );
  await submit(a, "Preview");
  await a.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(a.getByRole("heading", { name: "Imported 2 commitments for checking" })).toBeVisible();
  const links = a.getByRole("link", { name: "Proposed for checking" });
  await expect(links).toHaveCount(2);
  const hrefs = new Set(await links.evaluateAll((els) => els.map((el) => el.getAttribute("href"))));
  expect(hrefs.size).toBe(1);
  const href = [...hrefs][0]!;

  const reader = await browser.newPage();
  expect((await reader.goto(`/commitments/csv-e2e-one-${suffix}`))?.status()).toBe(404);

  // The reviewer sees the whole file as one proposal: every row, as it would be published.
  const b = await signedInPage(browser, admin);
  await b.goto(href);
  await expect(b.getByRole("heading", { level: 1, name: "Import of 2 new commitments" })).toBeVisible();
  const table = b.getByRole("table", { name: "What will be published, row by row" });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("row", { name: /^2 / })).toContainText("A first imported commitment");
  await expect(table.getByRole("row", { name: /^3 / })).toContainText("HM Treasury");
  await expect(b.getByRole("button", { name: "Publish now without a second editor" })).toHaveCount(0);
  // Returned as a whole: nothing of it is published (approving it publishes every row at one version; see the integration tests).
  await b.getByLabel("Return it to the author").check();
  await b.getByLabel("Comment for the author").fill("Row 3 needs its own source.");
  await b.getByRole("button", { name: "Confirm decision" }).click();
  await expect(b.getByRole("heading", { name: "Returned to the author" })).toBeVisible();
  expect((await reader.goto(`/commitments/csv-e2e-two-${suffix}`))?.status()).toBe(404);
  const [count] = await query<{ n: string }>("SELECT COUNT(*) AS n FROM commitment WHERE slug LIKE $1", [`csv-e2e-%-${suffix}`]);
  expect(Number(count!.n)).toBe(0);
});
