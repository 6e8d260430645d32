// Issue 17: no secret, password, token or email address in any log line. Runs after every other
// spec (playwright.config.ts, project "after-everything") and reads every line the e2e server has
// written in this run (tests/helpers/e2e-server.ts keeps them, access lines included): none holds
// the accounts' password, any account's email address or two-step secret, the session token or
// recovery codes of an editor who signs in here, or anything shaped like an email address.
import fs from "node:fs";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { createAccount, E2E_APP, query, signIn, uniqueSuffix } from "../helpers/e2e-editor";
import { OWNER_ORG, PASSWORD } from "../helpers/editor-fixtures";
import { serverLogPath } from "../helpers/e2e-server-log";
import { authSecret } from "../../src/runtime/secret";
import { appConfig } from "../../src/runtime/env";
import { unseal } from "../../src/server/auth/sealed";

const LOG = serverLogPath(E2E_APP.dataDir);
/**
 * Anything shaped like an email address (the logger masks them as "[email]"): a domain ending in
 * a name, so the launcher's "postgres:****@127.0.0.1" (a database address) is not one.
 */
const EMAIL_SHAPE = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z][A-Za-z0-9-]*\b/;

/** The secrets `text` contains, by name (never the secret itself, which would end up in the report). */
function found(text: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets)
    .filter(([, secret]) => secret.length > 0 && text.includes(secret))
    .map(([name]) => name);
}

test("no line the server wrote in this run holds a password, token, secret or email address", async ({ page }) => {
  const suffix = uniqueSuffix();
  const account = createAccount(`lena.logs.${suffix}@example.gov.uk`, "editor", [OWNER_ORG], "Lena Logs");
  const setUp = await signIn(page, account);
  expect(setUp, "a new account sets up two-step verification").not.toBeNull();
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session?.value).toBeTruthy();

  // A few signed-in requests, the session token in their cookie; the last one marks the end.
  await page.goto("/editor");
  expect((await page.request.get("/api/auth/session")).ok()).toBe(true);
  await page.goto(`/editor/sign-in?callbackUrl=${encodeURIComponent(`/editor?email=${account.email}`)}`);
  const marker = `/log-check-${suffix}`;
  expect((await page.request.get(marker)).status()).toBe(404);
  await expect.poll(() => fs.existsSync(LOG) && fs.readFileSync(LOG, "utf8").includes(marker)).toBe(true);

  const log = fs.readFileSync(LOG, "utf8");
  // Every line of the run, not just this spec's: the file starts with the launcher's first line,
  // and holds access lines (info level).
  expect(log.startsWith("Database: ")).toBe(true);
  expect(log).toContain('"msg":"request"');

  const secret = authSecret({ NEXTAUTH_SECRET: appConfig().NEXTAUTH_SECRET, dataDir: path.resolve(E2E_APP.dataDir) });
  const users = await query<{ email: string; totp_secret: string | null }>("SELECT email, totp_secret FROM app_user");
  expect(users.map((u) => u.email)).toContain(account.email);
  const secrets: Record<string, string> = {
    "the accounts' password": PASSWORD,
    "the session token": session!.value,
    "the new two-step key": setUp!.totpKey.replace(/\s+/g, ""),
  };
  setUp!.recoveryCodes.forEach((code, i) => (secrets[`recovery code ${i + 1}`] = code));
  for (const user of users) {
    secrets[`the email address of account ${users.indexOf(user) + 1}`] = user.email;
    const totp = user.totp_secret ? unseal(user.totp_secret, secret) : null;
    if (totp) secrets[`the two-step secret of account ${users.indexOf(user) + 1}`] = totp;
  }
  expect(setUp!.recoveryCodes.length).toBeGreaterThan(0);
  expect(found(log, secrets)).toEqual([]);
  const shaped = log.split("\n").filter((line) => EMAIL_SHAPE.test(line)).length;
  expect(shaped, "lines with something shaped like an email address").toBe(0);
});
