// Security of the editor back office through HTTP and the browser: headers on every response,
// sign-in messages, anonymous requests refused by the server (pages and server actions alike),
// user text escaped, unsafe links refused, and the forms working with JavaScript turned off.
import { test, expect, type APIResponse } from "@playwright/test";
import { createAccount, query, signIn, submit, uniqueSuffix, type Account } from "../helpers/e2e-editor";
import { COMMITMENT, OWNER_ORG } from "../helpers/editor-fixtures";

let carol: Account;

test.beforeAll(() => {
  carol = createAccount("carol.security@example.gov.uk", "editor", [OWNER_ORG], "Carol Careful");
});

function expectSecurityHeaders(response: APIResponse, label: string) {
  const h = response.headers();
  expect(h["strict-transport-security"], label).toMatch(/max-age=\d{7,}/);
  expect(h["x-content-type-options"], label).toBe("nosniff");
  expect(h["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
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
  const paths = [
    `/commitments?q=${"long+search+".repeat(40)}`,
    "/editor/sign-in",
    "/editor",
    "/api/health",
    "/api/v1/areas",
    "/api/auth/csrf",
    "/no-such-page",
  ];
  const nonces = new Set<string>();
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    const csp = expectSecurityHeaders(response, path);
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).toMatch(/base-uri 'self'/);
    expect(csp, path).toMatch(/form-action 'self'/);
    nonces.add(csp.match(/'nonce-([^']+)'/)![1]!);
  }
  expect(nonces.size).toBe(paths.length);

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

test("the session cookie is httpOnly and expires within 8 hours; signing out ends the session", async ({ page, context }) => {
  await signIn(page, carol);
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  expect(session!.expires * 1000 - Date.now()).toBeLessThanOrEqual(8 * 3600 * 1000 + 60_000);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You have signed out" })).toBeVisible();
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/editor\/sign-in/);
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
  await page.getByLabel("Date it was published").fill("2026-06-01");
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
  await page.getByLabel("Date it was published").fill("2026-06-01");
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
    await page.getByLabel("Date it was published").fill("2026-06-02");
    await page.getByRole("button", { name: "Send for checking" }).click();
    await expect(page.getByRole("heading", { name: "Sent for checking" })).toBeVisible();
  });
});
