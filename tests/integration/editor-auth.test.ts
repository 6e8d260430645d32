// Accounts and sign-in against PostgreSQL: argon2id hashes, the password policy, one message
// for every failed sign-in, throttling that survives a restart, sessions ended by resets and
// disabling, and the `npm run user` command line.
import { describe, it, expect, beforeAll } from "vitest";
import { spawnSync } from "node:child_process";
import { useTestDatabase } from "../helpers/test-database";
import { createPrismaClient, type Db } from "../../src/server/db";
import { authorizeCredentials } from "../../src/server/auth/credentials";
import { generateOneTimePassword, hashPassword, passwordCore, passwordProblem, verifyPassword } from "../../src/server/auth/password";
import { checkThrottle, cleanUpThrottle, waitAfter, THROTTLE_RULES } from "../../src/server/auth/throttle";
import { loadActor } from "../../src/server/editor/actor";
import { resetPassword, updateUser, changeOwnPassword } from "../../src/server/editor/users";
import { OWNER_ORG, PASSWORD, createUser } from "../helpers/editor-fixtures";
import { childEnv } from "../../src/runtime/env";

const database = useTestDatabase();
let db: Db;
let url: string;

beforeAll(async () => {
  const t = await database.get();
  db = t.db;
  url = t.url;
});

describe("passwords", () => {
  it("are hashed with argon2id and verified", async () => {
    const hash = await hashPassword("lantern orchard kettle mosaic");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "lantern orchard kettle mosaic")).toBe(true);
    expect(await verifyPassword(hash, "lantern orchard kettle mosaiC")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });

  it("follow NCSC guidance: 12 characters or more, no common passwords, no composition rules", () => {
    expect(passwordProblem("short")).toMatch(/12 characters or more/);
    expect(passwordProblem("elevenchars")).toMatch(/12 characters or more/);
    // Long passphrases of lower-case words, with no digits or symbols, are fine.
    expect(passwordProblem("lantern orchard kettle mosaic")).toBeNull();
    expect(passwordProblem("purple elephants dance")).toBeNull();
    for (const common of [
      "password1234",
      "Password123456!",
      "P@ssw0rd2026!!",
      "qwertyuiop123",
      "123456789012",
      "aaaaaaaaaaaa",
      "abcabcabcabc",
      "September2026!",
      "letmeinletmein",
      "iloveyou1234",
      "1q2w3e4r5t6y",
      "correct horse battery staple",
    ]) {
      expect(passwordProblem(common), common).toMatch(/too easy to guess/);
    }
    expect(passwordProblem("olive.owner.rocks.2026", ["olive", "owner"])).toMatch(/name or email/);
    // Short names count too (security review F17), but a real passphrase that happens to contain them is fine.
    expect(passwordProblem("Sec Moj Sec Moj 1", ["sec.moj", "Sec", "Moj"])).toMatch(/name or email/);
    expect(passwordProblem("Ed Ed Ed Ed Ed Ed 12", ["ed", "Ed"])).toMatch(/name or email/);
    expect(passwordProblem("edited lantern orchard mosaic", ["ed", "Ed"])).toBeNull();
    expect(passwordProblem("x".repeat(257))).toMatch(/256 characters or fewer/);
    expect(passwordCore("P@ssw0rd!!2026")).toBe("password");
  });

  it("one-time passwords are long, random and pass the policy", () => {
    const a = generateOneTimePassword();
    expect(a).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect(generateOneTimePassword()).not.toBe(a);
    expect(passwordProblem(a)).toBeNull();
  });
});

describe("signing in with email and password", () => {
  it("signs in with the right password (any case of email) and records it in the audit log", async () => {
    const user = await createUser(db, "signin@example.gov.uk", "editor", [OWNER_ORG]);
    const result = await authorizeCredentials(db, { email: "  SignIn@Example.gov.uk ", password: PASSWORD, address: "192.0.2.1" });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, email: "signin@example.gov.uk" } });
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in", actorId: user.id } })).toBe(1);
  });

  it("gives the same answer for an unknown address, a wrong password and a disabled account", async () => {
    const user = await createUser(db, "disabled@example.gov.uk", "editor", [OWNER_ORG]);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await createUser(db, "wrong@example.gov.uk", "editor", [OWNER_ORG]);
    const unknown = await authorizeCredentials(db, { email: "nobody@example.gov.uk", password: PASSWORD, address: "192.0.2.2" });
    const wrong = await authorizeCredentials(db, { email: "wrong@example.gov.uk", password: "not the password", address: "192.0.2.2" });
    const disabled = await authorizeCredentials(db, { email: "disabled@example.gov.uk", password: PASSWORD, address: "192.0.2.2" });
    expect(unknown).toEqual({ ok: false, error: "invalid" });
    expect(wrong).toEqual(unknown);
    expect(disabled).toEqual(unknown);
    expect(await authorizeCredentials(db, { email: "", password: "", address: "x" })).toEqual(unknown);
  });

  it("slows down, then locks, repeated failures for an account and address — kept in the database across restarts", async () => {
    await createUser(db, "throttled@example.gov.uk", "editor", [OWNER_ORG]);
    const address = "198.51.100.7";
    const t0 = new Date("2026-11-01T10:00:00Z");
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const attempt = (password: string, when: Date, client: Db = db) =>
      authorizeCredentials(client, { email: "throttled@example.gov.uk", password, address }, when);
    const rules = THROTTLE_RULES.pair;

    // Four failures are free.
    for (let i = 0; i < rules.freeFailures; i++) expect(await attempt("bad guess", at(i))).toEqual({ ok: false, error: "invalid" });
    // The fifth makes the pair wait 15 seconds: even the right password is refused meanwhile.
    expect(await attempt("bad guess", at(10))).toEqual({ ok: false, error: "invalid" });
    expect(await attempt(PASSWORD, at(11))).toEqual({ ok: false, error: "slow_down" });
    // Another address is not held up by this one's failures.
    expect((await authorizeCredentials(db, { email: "throttled@example.gov.uk", password: PASSWORD, address: "203.0.113.9" }, at(12))).ok).toBe(true);

    // Failures 6 to 9, each after the previous wait, then the 10th locks for 15 minutes.
    let t = 30;
    for (let failures = 6; failures <= 9; failures++) {
      expect(await attempt("bad guess", at(t))).toEqual({ ok: false, error: "invalid" });
      t += waitAfter(failures, "pair", "password").seconds + 1;
    }
    expect(await attempt("bad guess", at(t))).toEqual({ ok: false, error: "locked" });

    // A restart (a new client, as another app instance would have) still sees the lock.
    const restarted = createPrismaClient(url);
    try {
      expect(await attempt(PASSWORD, at(t + 60), restarted)).toEqual({ ok: false, error: "locked" });
      expect(await attempt(PASSWORD, at(t + 14 * 60), restarted)).toEqual({ ok: false, error: "locked" });
      // After 15 minutes the right password works, and clears the pair's counter.
      expect((await attempt(PASSWORD, at(t + 15 * 60 + 1), restarted)).ok).toBe(true);
      expect(await checkThrottle(restarted, { kind: "password", account: "throttled@example.gov.uk", address }, at(t + 15 * 60 + 2))).toEqual({
        kind: "open",
      });
    } finally {
      await restarted.$disconnect();
    }
    expect(await db.auditEvent.count({ where: { action: "auth.lock" } })).toBeGreaterThanOrEqual(1);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed" } })).toBeGreaterThanOrEqual(10);
  });

  it("throttles unknown email addresses exactly like real ones (so the responses reveal nothing)", async () => {
    const t0 = new Date("2026-11-02T10:00:00Z");
    let last;
    for (let i = 0; i < THROTTLE_RULES.pair.freeFailures + 1; i++)
      last = await authorizeCredentials(db, { email: "ghost@example.gov.uk", password: "guess", address: "192.0.2.50" }, new Date(t0.getTime() + i));
    expect(last).toEqual({ ok: false, error: "invalid" });
    expect(
      await authorizeCredentials(db, { email: "ghost@example.gov.uk", password: "guess", address: "192.0.2.50" }, new Date(t0.getTime() + 1000)),
    ).toEqual({ ok: false, error: "slow_down" });
    // Keys are hashes: no email address or IP address is stored in clear.
    const keys = await db.signInThrottle.findMany();
    expect(keys.every((k) => !k.key.includes("@") && !k.key.includes("192.0.2"))).toBe(true);
  });

  it("100 failed attempts from one address do not stop the editor from another", async () => {
    await createUser(db, "target@example.gov.uk", "editor", [OWNER_ORG]);
    const t0 = new Date("2026-11-04T10:00:00Z");
    // An attacker keeps trying, each time as soon as the wait allows (refused attempts are not failures).
    let now = t0.getTime();
    for (let i = 0; i < 100; i++) {
      const result = await authorizeCredentials(
        db,
        { email: "target@example.gov.uk", password: `guess ${i}`, address: "198.51.100.66" },
        new Date(now),
      );
      expect(result.ok).toBe(false);
      now += 16 * 60_000;
    }
    // The editor, from their own network, at any moment: straight in.
    expect((await authorizeCredentials(db, { email: "target@example.gov.uk", password: PASSWORD, address: "203.0.113.40" }, new Date(now))).ok).toBe(
      true,
    );
  });

  it("failures spread over many addresses slow down only addresses the account never signed in from, for a minute at most", async () => {
    await createUser(db, "spread@example.gov.uk", "editor", [OWNER_ORG]);
    const t0 = new Date("2026-11-03T10:00:00Z");
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    // The editor signed in from their office last week.
    expect(
      (await authorizeCredentials(db, { email: "spread@example.gov.uk", password: PASSWORD, address: "203.0.113.50" }, at(-7 * 86_400))).ok,
    ).toBe(true);
    for (let i = 0; i < 100; i++)
      await authorizeCredentials(db, { email: "spread@example.gov.uk", password: "guess", address: `10.0.${Math.floor(i / 4)}.${i % 4}` }, at(i));
    // A new address meets the account-wide slow-down, which never lasts more than a minute…
    expect(await authorizeCredentials(db, { email: "spread@example.gov.uk", password: PASSWORD, address: "10.9.9.9" }, at(101))).toEqual({
      ok: false,
      error: "slow_down",
    });
    expect((await authorizeCredentials(db, { email: "spread@example.gov.uk", password: PASSWORD, address: "10.9.9.9" }, at(100 + 61))).ok).toBe(true);
    // …and the office is never held up.
    expect((await authorizeCredentials(db, { email: "spread@example.gov.uk", password: PASSWORD, address: "203.0.113.50" }, at(102))).ok).toBe(true);
  });

  it("slows down a flood of made-up email addresses from one address before hashing any more passwords", async () => {
    const t0 = new Date("2026-11-05T10:00:00Z");
    const address = "198.51.100.88";
    for (let i = 0; i < THROTTLE_RULES.address.freeFailures + 1; i++)
      expect(await authorizeCredentials(db, { email: `made-up-${i}@example.com`, password: "guess", address }, new Date(t0.getTime() + i))).toEqual({
        ok: false,
        error: "invalid",
      });
    expect(await authorizeCredentials(db, { email: "another-one@example.com", password: "guess", address }, new Date(t0.getTime() + 100))).toEqual({
      ok: false,
      error: "slow_down",
    });
    // Made-up addresses leave no trace in the audit log but the slow-down itself.
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed", entityType: "address" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "auth.slow_down", entityType: "address" } })).toBeGreaterThanOrEqual(1);
  });

  it("expired throttle rows are cleaned up", async () => {
    const t0 = new Date("2026-11-06T10:00:00Z");
    await authorizeCredentials(db, { email: "old@example.com", password: "guess", address: "192.0.2.201" }, t0);
    const before = await db.signInThrottle.count();
    await cleanUpThrottle(db, new Date(t0.getTime() + 2 * 3600_000));
    expect(await db.signInThrottle.count()).toBeLessThan(before);
  });

  it("refuses control characters in the email address with the usual message (no database error in the address bar)", async () => {
    expect(await authorizeCredentials(db, { email: "a\u0000b@example.gov.uk", password: "whatever-long-pass", address: "192.0.2.3" })).toEqual({
      ok: false,
      error: "invalid",
    });
  });
});

describe("sessions", () => {
  it("a session stops working when the account is disabled, its password is reset or its access narrowed", async () => {
    const admin = await createUser(db, "session-admin@example.gov.uk", "admin", []);
    const user = await createUser(db, "session@example.gov.uk", "editor", [OWNER_ORG]);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await loadActor(db, user.id, row.sessionVersion)).not.toBeNull();

    await resetPassword(db, admin, { userId: user.id });
    expect(await loadActor(db, user.id, row.sessionVersion)).toBeNull();
    const afterReset = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(afterReset.mustChangePassword).toBe(true);

    await updateUser(db, admin, { userId: String(user.id), name: user.name, role: "editor", organisations: ["hm-treasury"], disabled: "no" });
    expect(await loadActor(db, user.id, afterReset.sessionVersion)).toBeNull();
    const narrowed = await db.user.findUniqueOrThrow({ where: { id: user.id } });

    await updateUser(db, admin, { userId: String(user.id), name: "x", role: "editor", organisations: ["hm-treasury"], disabled: "yes" });
    expect(await loadActor(db, user.id)).toBeNull();
    expect(await loadActor(db, user.id, narrowed.sessionVersion)).toBeNull();
  });

  it("changing one's own password clears the one-time flag", async () => {
    const user = await createUser(db, "otp@example.gov.uk", "editor", [OWNER_ORG]);
    await db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    const result = await changeOwnPassword(db, user, {
      currentPassword: PASSWORD,
      newPassword: "violet canal biscuit meadow",
      confirmPassword: "violet canal biscuit meadow",
    });
    expect(result.ok).toBe(true);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.mustChangePassword).toBe(false);
    expect(await verifyPassword(row.passwordHash!, "violet canal biscuit meadow")).toBe(true);
  });
});

describe("changing one's password", () => {
  it("throttles and audits wrong current passwords (security review F9), from that address only", async () => {
    const user = await createUser(db, "guess-current@example.gov.uk", "editor", [OWNER_ORG]);
    const t0 = new Date("2026-11-07T10:00:00Z");
    const change = (currentPassword: string, address: string, seconds: number) =>
      changeOwnPassword(
        db,
        user,
        { currentPassword, newPassword: "violet canal biscuit meadow", confirmPassword: "violet canal biscuit meadow" },
        { address },
        new Date(t0.getTime() + seconds * 1000),
      );
    for (let i = 0; i < THROTTLE_RULES.pair.freeFailures + 1; i++)
      expect(await change(`wrong ${i}`, "198.51.100.30", i)).toMatchObject({
        ok: false,
        errors: [{ field: "currentPassword", message: "Your current password is not correct" }],
      });
    expect(await change(PASSWORD, "198.51.100.30", 6)).toMatchObject({
      ok: false,
      errors: [{ field: "currentPassword", message: expect.stringMatching(/Wait a minute/) }],
    });
    expect(await db.auditEvent.count({ where: { action: "auth.current_password_failed", entityId: String(user.id) } })).toBe(5);
    expect((await change(PASSWORD, "203.0.113.31", 7)).ok).toBe(true);
  });
});

describe("npm run user", () => {
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/ops/user.ts", ...args], {
      env: childEnv({ DATABASE_URL: url }),
      input: input ?? "",
      encoding: "utf8",
      timeout: 60_000,
    });

  it("creates an admin with a password piped on standard input", async () => {
    const out = run(["add", "--email", "First.Admin@example.gov.uk", "--role", "admin"], "quiet harbour lantern fig\n");
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/Created admin first.admin@example.gov.uk \(First Admin\) with the password from standard input/);
    const user = await db.user.findUniqueOrThrow({ where: { email: "first.admin@example.gov.uk" } });
    expect(user).toMatchObject({ role: "admin", mustChangePassword: false, name: "First Admin" });
    expect(await verifyPassword(user.passwordHash!, "quiet harbour lantern fig")).toBe(true);
    expect((await authorizeCredentials(db, { email: "first.admin@example.gov.uk", password: "quiet harbour lantern fig", address: "x" })).ok).toBe(
      true,
    );
    expect(await db.auditEvent.count({ where: { action: "user.create", entityId: String(user.id), actorId: null } })).toBe(1);
  });

  it("creates an editor with a printed one-time password when nothing is piped", async () => {
    const out = run([
      "add",
      "--email",
      "cli-editor@example.gov.uk",
      "--role",
      "editor",
      "--organisation",
      OWNER_ORG,
      "--organisation",
      "hm-treasury",
      "--name",
      "Cli Editor",
    ]);
    expect(out.status, out.stderr).toBe(0);
    const otp = out.stdout.match(/One-time password: (\S+)/)?.[1];
    expect(otp).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const user = await db.user.findUniqueOrThrow({ where: { email: "cli-editor@example.gov.uk" }, include: { organisations: true } });
    expect(user.mustChangePassword).toBe(true);
    expect(user.organisations).toHaveLength(2);
    expect(await verifyPassword(user.passwordHash!, otp!)).toBe(true);
  });

  it("refuses bad input with one clear message and creates nothing", async () => {
    const count = await db.user.count();
    const weak = run(["add", "--email", "weak@example.gov.uk", "--role", "admin"], "password1234");
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/too easy to guess/);
    // A control character is refused (security review F14).
    expect(run(["add", "--email", "tab@example.gov.uk", "--role", "admin"], "quiet harbour\tlantern fig\n").stderr).toMatch(/control characters/);
    const noOrg = run(["add", "--email", "no-org@example.gov.uk", "--role", "editor"]);
    expect(noOrg.status).toBe(1);
    expect(noOrg.stderr).toMatch(/--organisation: Select at least one organisation/);
    const badOrg = run(["add", "--email", "bad-org@example.gov.uk", "--role", "editor", "--organisation", "no-such-org"]);
    expect(badOrg.status).toBe(1);
    expect(badOrg.stderr).toMatch(/no organisation called “no-such-org”/);
    const duplicate = run(["add", "--email", "first.admin@example.gov.uk", "--role", "admin"], "another good passphrase");
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toMatch(/already an account/);
    expect(run(["frobnicate"]).stderr).toMatch(/Usage:/);
    expect(await db.user.count()).toBe(count);
  });

  it("resets a person's two-step verification (a sole admin who lost their phone)", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "first.admin@example.gov.uk" } });
    await db.user.update({ where: { id: user.id }, data: { totpSecret: "v1.x.y.z", totpLastStep: 1 } });
    const out = run(["reset-two-step", "--email", "first.admin@example.gov.uk"]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/Two-step verification reset for first.admin@example.gov.uk/);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ totpSecret: null, totpLastStep: null, sessionVersion: user.sessionVersion + 1 });
    expect(await db.auditEvent.count({ where: { action: "user.reset_two_step", entityId: String(user.id), actorId: null } })).toBe(1);
  });

  it("takes the first line of standard input as the password, and says the rest was ignored (security review F14)", async () => {
    const out = run(["add", "--email", "two-lines@example.gov.uk", "--role", "admin"], "first-line-passphrase-one\nsecond-line\n");
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/Only the first line of standard input was used/);
    const user = await db.user.findUniqueOrThrow({ where: { email: "two-lines@example.gov.uk" } });
    expect(await verifyPassword(user.passwordHash!, "first-line-passphrase-one")).toBe(true);
    // Trailing spaces are part of a password; a blank line after it is not.
    const blank = run(["add", "--email", "blank-line@example.gov.uk", "--role", "admin"], "quiet harbour lantern fig\n\n");
    expect(blank.stderr).not.toMatch(/Only the first line/);
    const second = await db.user.findUniqueOrThrow({ where: { email: "blank-line@example.gov.uk" } });
    expect(await verifyPassword(second.passwordHash!, "quiet harbour lantern fig")).toBe(true);
  });

  it("resets a password and lists accounts", async () => {
    const reset = run(["reset-password", "--email", "first.admin@example.gov.uk"]);
    expect(reset.status, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(/New one-time password for first.admin@example.gov.uk: [a-z2-9-]{23}/);
    const list = run(["list"]);
    expect(list.stdout).toMatch(/first.admin@example.gov.uk\tadmin\tactive/);
  });
});
