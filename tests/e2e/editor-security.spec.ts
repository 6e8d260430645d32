// Security of the editor back office through HTTP and the browser: headers on every response,
// sign-in messages, anonymous requests refused by the server (pages and server actions alike),
// user text escaped, unsafe links refused, and the forms working with JavaScript turned off.
import { test, expect, type APIResponse } from "@playwright/test";
import { createAccount, query, signIn, submit, uniqueSuffix, type Account } from "../helpers/e2e-editor";
import { COMMITMENT, OWNER_ORG } from "../helpers/editor-fixtures";
import { codeAt } from "../helpers/totp";

let carol: Account;

test.beforeAll(() => {
  carol = createAccount("carol.security@example.gov.uk", "editor", [OWNER_ORG], "Carol Careful");
});

function expectSecurityHeaders(response: APIResponse, label: string) {
  const h = response.headers();
  // The e2e app is served over plain http, where HSTS means nothing (it is sent only over https).
  expect(h["strict-transport-security"], label).toBeUndefined();
  expect(h["x-content-type-options"], label).toBe("nosniff");
  expect(h["referrer-policy"], label).toBe(label.startsWith("/editor") ? "same-origin" : "strict-origin-when-cross-origin");
  expect(h["cross-origin-resource-policy"], label).toMatch(/^(same-origin|cross-origin)$/);
  expect(h["permissions-policy"], label).toMatch(/camera=\(\)/);
  expect(h["x-frame-options"], label).toBe("DENY");
  const csp = h["content-security-policy"];
  expect(csp, label).toBeTruthy();
  expect(csp, label).toMatch(/frame-ancestors 'none'/);
  expect(csp, label).toMatch(/object-src 'none'|default-src 'none'/);
  const scriptSrc = csp!.match(/script-src ([^;]*)/)?.[1] ?? "";
  expect(scriptSrc, label).not.toMatch(/unsafe-inline|unsafe-eval/);
  return csp!;
}

test("every kind of response carries the security headers, with a fresh nonce per request", async ({ request }) => {
  const paths = [`/commitments?q=${"long+search+".repeat(40)}`, "/editor/sign-in", "/editor", "/no-such-page"];
  const nonces = new Set<string>();
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    const csp = expectSecurityHeaders(response, path);
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).toMatch(/base-uri 'none'/);
    expect(csp, path).toMatch(/form-action 'self'/);
    expect(csp, path).not.toMatch(/unsafe-inline/);
    expect(csp, path).toMatch(/report-uri \/api\/csp-report/);
    nonces.add(csp.match(/'nonce-([^']+)'/)![1]!);
  }
  expect(nonces.size).toBe(paths.length);

  // Data (the API, feeds, downloads, next-auth's JSON) gets a policy under which nothing runs, with no nonce to replay.
  for (const path of ["/api/health", "/api/v1/areas", "/api/auth/csrf", "/api/v1/commitments.csv"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const csp = expectSecurityHeaders(response, path);
    expect(csp, path).toMatch(/^default-src 'none'; frame-ancestors 'none'; sandbox/);
    expect(csp, path).not.toMatch(/nonce-/);
  }

  // Pages served whole from the cache cannot carry a fresh nonce: they are served without
  // scripts, under a policy that allows none.
  for (const path of [
    "/",
    "/commitments",
    `/commitments/${COMMITMENT}`,
    "/methodology",
    "/commitments?status=delivered",
    `/commitments/${COMMITMENT}?as_of=2026-06-01`,
  ]) {
    const csp = expectSecurityHeaders(await request.get(path), path);
    expect(csp, path).toMatch(/script-src 'none';/);
    expect(csp, path).not.toMatch(/nonce-/);
  }

  // Build assets get a fixed policy that allows nothing to run in their own context.
  const html = await (await request.get("/editor/sign-in")).text();
  const asset = html.match(/\/_next\/static\/[^"']+\.(?:js|css)/)?.[0];
  expect(asset).toBeTruthy();
  expectSecurityHeaders(await request.get(asset!), asset!);
});

test("the page's scripts carry the nonce of its Content-Security-Policy, and run without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/editor/sign-in");
  const nonce = response!.headers()["content-security-policy"]!.match(/'nonce-([^']+)'/)![1];
  const scripts = await page.locator("script").evaluateAll((elements) => elements.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const n of scripts) expect(n).toBe(nonce);
  await signIn(page, carol);
  await page.goto(`/editor/commitments/${COMMITMENT}/status-update`);
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

test("bad requests to the sign-in routes and the front door get a clear 4xx, never a 5xx (security review F6, F7, F10, F19)", async ({ request }) => {
  // next-auth's client logger no longer writes what anyone sends into the server log.
  expect((await request.post("/api/auth/_log", { form: { code: "FORGED\n[db] Database unavailable", level: "error" } })).status()).toBe(204);
  // A sign-in form is never 20 KB.
  const big = await request.post("/api/auth/callback/credentials", { form: { email: "a@b.example", password: "x".repeat(20_000) } });
  expect(big.status()).toBe(413);
  // A server action from another site, or with no Origin: 403.
  for (const origin of ["https://evil.example", undefined]) {
    const response = await request.post("/editor/account/password", {
      headers: { "Next-Action": "0".repeat(40), ...(origin ? { Origin: origin } : {}) },
      data: "[]",
    });
    expect(response.status(), String(origin)).toBe(403);
  }
  expect((await request.fetch("/", { method: "TRACE" })).status()).toBe(405);
  expect((await request.get("/commitments?q=a%00b")).status()).toBe(400);
  expect((await request.get("/api/v1/commitments?q=a%00b")).status()).toBe(400);
  // The benchmark's page is only in the benchmark's build.
  expect((await request.get("/benchmark-baseline")).status()).toBe(404);
  // Violation reports are taken (and logged in a few quoted fields), not echoed.
  const report = await request.post("/api/csp-report", {
    headers: { "Content-Type": "application/csp-report" },
    data: JSON.stringify({ "csp-report": { "effective-directive": "img-src", "document-uri": "http://127.0.0.1/x" } }),
  });
  expect(report.status()).toBe(204);
});

test("signing in: an unknown address and a wrong password get the same message", async ({ page }) => {
  const messages: string[] = [];
  for (const [email, password] of [
    ["nobody-here@example.gov.uk", "plum tractor velvet harbour"],
    [carol.email, "not the right password"],
  ]) {
    await page.goto("/editor/sign-in");
    await page.getByLabel("Email address").fill(email!);
    await page.getByLabel("Password", { exact: true }).fill(password!);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
    messages.push((await page.getByRole("alert", { name: "There is a problem" }).innerText()).trim());
  }
  expect(messages[0]).toContain("Enter a correct email address and password");
  expect(messages[1]).toBe(messages[0]);
});

test("the session cookie is httpOnly and expires within 8 hours; signing out ends the session, and a copy of the cookie fails at once", async ({
  page,
  context,
  browser,
}) => {
  await signIn(page, carol);
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  expect(session!.expires * 1000 - Date.now()).toBeLessThanOrEqual(8 * 3600 * 1000 + 60_000);
  // The cookie carries a session token, not who signed in.
  expect(session!.value).not.toContain(carol.email);

  // Someone copies the cookie into another browser: it works while the session lives…
  const thief = await browser.newContext();
  await thief.addCookies([session!]);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/editor");
  await expect(thiefPage).toHaveURL(/\/editor$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You have signed out" })).toBeVisible();
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/editor\/sign-in/);
  // …and not a moment after signing out.
  await thiefPage.goto("/editor");
  await expect(thiefPage).toHaveURL(/\/editor\/sign-in/);
  expect(await (await thiefPage.request.get("/api/auth/session")).json()).toEqual({});
  await thief.close();
});

test("a new editor made with the command line sets up two-step verification and signs in at 127.0.0.1, with a recovery code once", async ({
  page,
}) => {
  const email = `new.editor.${uniqueSuffix()}@example.gov.uk`;
  const account = createAccount(email, "editor", ["government-digital-service"], "Nia New");
  await page.goto("/editor/sign-in?callbackUrl=%2Feditor");
  // No public address is configured for the browser tests' app: sign-in works at the address it was reached at.
  expect(new URL(page.url()).hostname).toBe("127.0.0.1");
  await expect(page.getByText("Signing in works at")).toHaveCount(0);
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/editor\/sign-in\/two-step/);
  await expect(page.getByRole("heading", { name: "Set up two-step verification" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  // Nothing of the editor's is reachable before the second step.
  await page.goto("/editor/commitments");
  await expect(page).toHaveURL(/\/editor\/sign-in\/two-step/);
  await page.getByText("I cannot scan the QR code").click();
  const key = (await page.getByTestId("totp-key").textContent())!;
  expect(key.replace(/\s/g, "")).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code from your authenticator app").fill("000000");
  await submit(page, "Continue");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("The code is not correct");
  await page.getByLabel("Code from your authenticator app").fill(codeAt(key));
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page).toHaveURL(/\/editor\/sign-in\/recovery-codes/);
  const codes = await page.getByTestId("recovery-codes").locator("li").allInnerTexts();
  expect(codes).toHaveLength(10);
  await page.getByRole("button", { name: "I have saved my recovery codes", exact: true }).click();
  // Back where they were going when asked for the second step.
  await expect(page).toHaveURL(/\/editor\/commitments$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You have signed out" })).toBeVisible();

  // Without the phone: a recovery code, which then never works again.
  for (const expected of ["works", "used"]) {
    await page.goto("/editor/sign-in?callbackUrl=%2Feditor");
    await page.getByLabel("Email address").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Enter the code from your authenticator app" })).toBeVisible();
    await page.getByLabel("Code", { exact: true }).fill(codes[0]!);
    if (expected === "works") {
      await page.getByRole("button", { name: "Continue", exact: true }).click();
      await expect(page).toHaveURL(/\/editor$/);
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page.getByRole("heading", { name: "You have signed out" })).toBeVisible();
    } else {
      await submit(page, "Continue");
      await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("The code is not correct");
    }
  }
  const events = await query<{ action: string }>(
    "SELECT action FROM audit_event WHERE entity_type = 'user' AND entity_id = (SELECT id::text FROM app_user WHERE email = $1) ORDER BY id",
    [email],
  );
  expect(events.map((e) => e.action)).toEqual(
    expect.arrayContaining(["auth.two_step_enrol", "auth.recovery_code_used", "auth.sign_out", "auth.two_step_failed"]),
  );
});

test("an editor sees where they are signed in and ends their other sessions", async ({ browser }) => {
  const account = createAccount(`sam.sessions.${uniqueSuffix()}@example.gov.uk`, "editor", ["government-digital-service"], "Sam Sessions");
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  try {
    const laptopPage = await laptop.newPage();
    const phonePage = await phone.newPage();
    await signIn(laptopPage, account);
    await signIn(phonePage, account);
    await laptopPage.getByRole("link", { name: "Your sessions" }).click();
    const rows = laptopPage.locator("#sessions tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(laptopPage.getByText("This session", { exact: true })).toHaveCount(1);
    await submit(laptopPage, "End all other sessions");
    await expect(laptopPage.getByRole("heading", { name: "1 session has ended" })).toBeVisible();
    await expect(rows).toHaveCount(1);
    // The other browser is signed out at its next request; this one is not.
    await phonePage.goto("/editor");
    await expect(phonePage).toHaveURL(/\/editor\/sign-in/);
    await laptopPage.goto("/editor");
    await expect(laptopPage).toHaveURL(/\/editor$/);
  } finally {
    await laptop.close();
    await phone.close();
  }
});

test("anonymous visitors are sent to sign in, and admin pages are hidden from editors", async ({ page, request }) => {
  for (const path of [
    "/editor",
    "/editor/commitments",
    `/editor/commitments/${COMMITMENT}/status-update`,
    "/editor/import",
    "/editor/users",
    "/editor/audit",
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toMatch(/^\/editor\/sign-in\?callbackUrl=/);
  }
  await signIn(page, carol);
  for (const path of ["/editor/users", "/editor/audit", "/editor/users/new"]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
  }
});

test("a server action submitted without a session is refused by the server and writes nothing", async ({ page, context }) => {
  await signIn(page, carol);
  await page.goto(`/editor/commitments/${COMMITMENT}/status-update`);
  await page.getByLabel("In progress").check();
  await page.getByLabel("What happened").fill("Posted after the session was lost.");
  await page.getByLabel("Date progress was confirmed").fill("2026-06-01");
  await page.getByLabel("Link to the evidence").fill(`https://www.gov.uk/anonymous-${uniqueSuffix()}`);
  await page.getByLabel("Title of the evidence").fill("Anonymous");
  await page.getByLabel("Who published it").fill("Nobody");
  await page.getByRole("group", { name: "Date it was published" }).getByLabel("Day").fill("2026-06-01");
  const before = await query<{ count: string }>("SELECT COUNT(*) FROM proposal");
  await context.clearCookies();
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/status-update")),
    page.getByRole("button", { name: "Send for checking" }).click(),
  ]);
  expect(response.status()).toBeLessThan(500);
  await expect(page).toHaveURL(/\/editor\/sign-in/);
  const after = await query<{ count: string }>("SELECT COUNT(*) FROM proposal");
  expect(after[0]!.count).toBe(before[0]!.count);
});

test("user text is shown escaped, and javascript: or data: evidence links are refused", async ({ page }) => {
  await signIn(page, carol);
  await page.goto(`/editor/commitments/${COMMITMENT}/status-update`);
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs++;
    await d.dismiss();
  });
  const note = `<img src=x onerror="alert(1)"><script>alert(2)</script> ${uniqueSuffix()}`;
  await page.getByLabel("In progress").check();
  await page.getByLabel("What happened").fill(note);
  await page.getByLabel("Date progress was confirmed").fill("2026-06-01");
  await page.getByLabel("Link to the evidence").fill("javascript:alert(document.cookie)");
  await page.getByLabel("Title of the evidence").fill("<b>bold</b>");
  await page.getByLabel("Who published it").fill("Somebody");
  await page.getByRole("group", { name: "Date it was published" }).getByLabel("Day").fill("2026-06-01");
  await submit(page, "Send for checking");
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("There is a problem");
  await summary.getByRole("link", { name: /starts with http:\/\/ or https:\/\// }).click();
  await expect(page.getByLabel("Link to the evidence")).toBeFocused();
  await expect(page.getByLabel("What happened")).toHaveValue(note);

  await page.getByLabel("Link to the evidence").fill("data:text/html,<script>alert(3)</script>");
  await submit(page, "Send for checking");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("starts with http:// or https://");

  await page.getByLabel("Link to the evidence").fill('https://www.gov.uk/escaped?q=<x>&y="z"');
  await page.getByRole("button", { name: "Send for checking" }).click();
  await expect(page.getByRole("heading", { name: "Sent for checking" })).toBeVisible();
  // Shown as text, never as markup.
  await expect(page.getByText(note)).toBeVisible();
  await expect(page.getByText("<b>bold</b>")).toBeVisible();
  expect(await page.locator("main img[src=x]").count()).toBe(0);
  expect(dialogs).toBe(0);
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("an editor signs in, sees errors for a bad form, and proposes an update", async ({ page }) => {
    await signIn(page, carol);
    await page.goto(`/editor/commitments/${COMMITMENT}/status-update`);
    await page.getByLabel("What happened").fill("Kept after a failed submission without JavaScript.");
    await page.getByRole("button", { name: "Send for checking" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText("Select the status");
    await expect(summary).toContainText("Enter the link to the evidence");
    await expect(summary.getByRole("link", { name: "Select the status" })).toHaveAttribute("href", "#status");
    await expect(page.getByLabel("What happened")).toHaveValue("Kept after a failed submission without JavaScript.");

    await page.getByLabel("Delivered", { exact: true }).check();
    await page.getByLabel("Date progress was confirmed").fill("2026-06-02");
    await page.getByLabel("Link to the evidence").fill(`https://www.gov.uk/no-js-${uniqueSuffix()}`);
    await page.getByLabel("Title of the evidence").fill("Delivered");
    await page.getByLabel("Who published it").fill("Cabinet Office");
    await page.getByRole("group", { name: "Date it was published" }).getByLabel("Day").fill("2026-06-02");
    await page.getByRole("button", { name: "Send for checking" }).click();
    await expect(page.getByRole("heading", { name: "Sent for checking" })).toBeVisible();
  });
});
