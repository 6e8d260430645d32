// Two-step verification and server-side sessions against PostgreSQL, with the clock moved by
// hand: enrolment (a first code confirms it), wrong and reused codes, recovery codes that work
// once, an admin's reset, and sessions that end (sign-out, 8 hours after sign-in, 60 minutes idle,
// a half-finished sign-in after 15 minutes, ended by the editor from another session).
import { describe, it, expect, beforeAll } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import type { Db } from "../../src/server/db";
import { OWNER_ORG, createUser } from "../helpers/editor-fixtures";
import { codeAt, codeForStep, stepAt } from "../helpers/totp";
import {
  createSession,
  endOwnSessions,
  endSession,
  findSession,
  listSessions,
  SESSION_RULES,
  type SessionRecord,
} from "../../src/server/auth/sessions";
import {
  confirmEnrolment,
  enrolmentSecret,
  forgetUnsavedRecoveryCodes,
  isEnrolled,
  passSecondStep,
  resetTwoStep,
  unsavedRecoveryCodes,
} from "../../src/server/auth/two-step";
import { unseal } from "../../src/server/auth/sealed";
import { resetPassword } from "../../src/server/editor/users";

const database = useTestDatabase();
let db: Db;

beforeAll(async () => {
  db = (await database.get()).db;
});

const T0 = new Date("2026-11-10T09:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const context = { address: "192.0.2.10" };

async function firstStep(userId: number, now: Date, address = context.address) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const { token } = await createSession(
    db,
    { userId, sessionVersion: user.sessionVersion, method: "password", userAgent: "Firefox on Linux", address },
    now,
  );
  return token;
}

const live = async (token: string, now: Date) => (await findSession(db, token, now)) as SessionRecord;

/** A user with two-step verification set up at T0; returns the secret and their recovery codes. */
async function enrolled(email: string) {
  const user = await createUser(db, email, "editor", [OWNER_ORG]);
  const token = await firstStep(user.id, T0);
  const secret = await enrolmentSecret(db, await live(token, T0));
  expect(await confirmEnrolment(db, await live(token, T0), codeAt(secret, T0), context, T0)).toEqual({ ok: true, value: undefined });
  const codes = unsavedRecoveryCodes(await live(token, T0))!;
  return { user, secret, codes, token };
}

describe("two-step verification", () => {
  it("enrols with a first code: the secret is stored encrypted, ten recovery codes are shown once and stored hashed", async () => {
    const user = await createUser(db, "enrol@example.gov.uk", "editor", [OWNER_ORG]);
    const token = await firstStep(user.id, T0);
    const halfDone = await live(token, T0);
    expect(halfDone.secondFactorAt).toBeNull();
    // The same secret is shown again on reload, until a code confirms it.
    const secret = await enrolmentSecret(db, halfDone);
    expect(await enrolmentSecret(db, await live(token, T0))).toBe(secret);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    expect(await confirmEnrolment(db, await live(token, at(1)), "123", context, at(1))).toEqual({ ok: false, error: "invalid" });
    expect(await isEnrolled(db, user.id)).toBe(false);
    expect(await confirmEnrolment(db, await live(token, at(2)), codeAt(secret, at(2)), context, at(2))).toEqual({ ok: true, value: undefined });
    expect(await isEnrolled(db, user.id)).toBe(true);

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpSecret).not.toContain(secret);
    expect(unseal(row.totpSecret!)).toBe(secret);
    const session = await live(token, at(3));
    expect(session.secondFactorAt).not.toBeNull();
    const codes = unsavedRecoveryCodes(session)!;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    expect(stored.every((c) => codes.every((code) => !c.codeHash.includes(code)))).toBe(true);
    // Once saved, never shown again.
    await forgetUnsavedRecoveryCodes(db, session);
    expect(unsavedRecoveryCodes(await live(token, at(4)))).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.two_step_enrol", entityId: String(user.id) } })).toBe(1);
  });

  it("asks for a code at every sign-in: a wrong code fails, the right one passes, and no code is accepted twice", async () => {
    const { user, secret } = await enrolled("codes@example.gov.uk");
    const now = at(120);
    const token = await firstStep(user.id, now);
    expect(await passSecondStep(db, await live(token, now), "000000", context, now)).toMatchObject({ ok: false, error: "invalid" });
    expect(await passSecondStep(db, await live(token, now), "", context, now)).toEqual({ ok: false, error: "missing" });
    expect((await live(token, now)).secondFactorAt).toBeNull();
    const code = codeAt(secret, now);
    expect(await passSecondStep(db, await live(token, now), code, context, now)).toEqual({ ok: true, value: { method: "totp" } });
    expect((await live(token, now)).secondFactorAt).not.toBeNull();

    // The same code again, within its window, on another session: refused.
    const other = await firstStep(user.id, at(125));
    expect(await passSecondStep(db, await live(other, at(125)), code, context, at(125))).toEqual({ ok: false, error: "reused" });
    // An earlier step's code, still inside the drift window, is refused too: only later steps count.
    expect(await passSecondStep(db, await live(other, at(125)), codeForStep(secret, stepAt(now) - 1), context, at(125))).toEqual({
      ok: false,
      error: "reused",
    });
    // The next step's code works.
    expect((await passSecondStep(db, await live(other, at(150)), codeAt(secret, at(150)), context, at(150))).ok).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "auth.two_step_failed", entityId: String(user.id) } })).toBe(3);
  });

  it("a recovery code works once", async () => {
    const { user, codes } = await enrolled("recovery@example.gov.uk");
    const first = await firstStep(user.id, at(60));
    expect(await passSecondStep(db, await live(first, at(60)), codes[3]!.toUpperCase(), context, at(60))).toEqual({
      ok: true,
      value: { method: "recovery_code", recoveryCodesLeft: 9 },
    });
    const second = await firstStep(user.id, at(90));
    expect(await passSecondStep(db, await live(second, at(90)), codes[3]!, context, at(90))).toMatchObject({ ok: false, error: "invalid" });
    expect(await db.auditEvent.count({ where: { action: "auth.recovery_code_used", entityId: String(user.id) } })).toBe(1);
  });

  it("wrong codes are throttled, from that address only", async () => {
    const { user, secret } = await enrolled("guess-codes@example.gov.uk");
    const guesser = { address: "192.0.2.99" };
    const token = await firstStep(user.id, at(60), guesser.address);
    let last;
    for (let i = 0; i < 5; i++) last = await passSecondStep(db, await live(token, at(60 + i)), "000000", guesser, at(60 + i));
    expect(last).toMatchObject({ ok: false, error: "invalid" });
    expect(await passSecondStep(db, await live(token, at(66)), codeAt(secret, at(66)), guesser, at(66))).toEqual({ ok: false, error: "slow_down" });
    // The editor on another network is not held up.
    const elsewhere = await firstStep(user.id, at(67), "203.0.113.77");
    expect((await passSecondStep(db, await live(elsewhere, at(67)), codeAt(secret, at(67)), { address: "203.0.113.77" }, at(67))).ok).toBe(true);
  });

  it("an admin resets a person's two-step verification (audited): their sessions end and they enrol again", async () => {
    const admin = await createUser(db, "reset-admin@example.gov.uk", "admin", []);
    const { user, token } = await enrolled("lost-phone@example.gov.uk");
    expect(await findSession(db, token, at(10))).not.toBeNull();
    expect((await resetTwoStep(db, user, { userId: String(user.id) })).ok).toBe(false);
    expect(await resetTwoStep(db, admin, { userId: String(user.id) })).toEqual({ ok: true, value: { id: user.id, email: user.email } });
    expect(await findSession(db, token, at(11))).toBeNull();
    expect(await isEnrolled(db, user.id)).toBe(false);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "user.reset_two_step", entityId: String(user.id), actorId: admin.id } })).toBe(1);
    // The next sign-in enrols again, with a new secret.
    const again = await firstStep(user.id, at(20));
    const secret = await enrolmentSecret(db, await live(again, at(20)));
    expect((await confirmEnrolment(db, await live(again, at(20)), codeAt(secret, at(20)), context, at(20))).ok).toBe(true);
  });
});

describe("server-side sessions", () => {
  it("signing out ends the session at once: the same token no longer works", async () => {
    const { token } = await enrolled("sign-out@example.gov.uk");
    expect(await findSession(db, token, at(5))).not.toBeNull();
    expect(await endSession(db, token, "signed_out", at(6))).not.toBeNull();
    expect(await findSession(db, token, at(7))).toBeNull();
    const row = await db.editorSession.findFirstOrThrow({ where: { endedReason: "signed_out" } });
    // Only a hash of the token is stored.
    expect(row.tokenHash).not.toBe(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ends 8 hours after sign-in however active it is, and after 60 minutes without a request", async () => {
    const { token } = await enrolled("lifetime@example.gov.uk");
    // Active every 50 minutes: alive until the 8 hours are up.
    for (let minutes = 50; minutes < SESSION_RULES.absoluteHours * 60; minutes += 50)
      expect(await findSession(db, token, at(minutes * 60)), `${minutes}`).not.toBeNull();
    expect(await findSession(db, token, at(SESSION_RULES.absoluteHours * 3600 + 1))).toBeNull();

    const { token: idle } = await enrolled("idle@example.gov.uk");
    expect(await findSession(db, idle, at(59 * 60))).not.toBeNull();
    expect(await findSession(db, idle, at(59 * 60 + SESSION_RULES.idleMinutes * 60 + 1))).toBeNull();
  });

  it("reading the session without touching it (GET /api/auth/session) does not extend it", async () => {
    const { token } = await enrolled("read-only@example.gov.uk");
    expect(await findSession(db, token, at(50 * 60), { touch: false })).not.toBeNull();
    expect(await findSession(db, token, at(61 * 60), { touch: false })).toBeNull();
  });

  it("a half-finished sign-in (password, no code) lasts 15 minutes", async () => {
    const user = await createUser(db, "half@example.gov.uk", "editor", [OWNER_ORG]);
    const token = await firstStep(user.id, T0);
    expect(await findSession(db, token, at(14 * 60))).not.toBeNull();
    expect(await findSession(db, token, at(15 * 60 + 1))).toBeNull();
  });

  it("a password reset ends every session", async () => {
    const admin = await createUser(db, "pw-admin@example.gov.uk", "admin", []);
    const { user, token } = await enrolled("pw-reset@example.gov.uk");
    await resetPassword(db, admin, { userId: user.id });
    expect(await findSession(db, token, at(5))).toBeNull();
  });

  it("an editor sees their sessions and ends the others, not someone else's (audited)", async () => {
    const { user, token, secret } = await enrolled("many@example.gov.uk");
    const { user: stranger, token: strangerToken } = await enrolled("stranger@example.gov.uk");
    const laptop = await firstStep(user.id, at(60), "198.51.100.4");
    await passSecondStep(db, await live(laptop, at(60)), codeAt(secret, at(60)), { address: "198.51.100.4" }, at(60));
    const current = await live(token, at(70));
    const sessions = await listSessions(db, user.id, at(70));
    expect(sessions.map((s) => s.address).sort()).toEqual(["192.0.2.10", "198.51.100.4"]);
    expect(sessions.every((s) => s.userAgent === "Firefox on Linux")).toBe(true);

    // Someone else's session id, or one's own current session: nothing ends.
    const strangerSession = await live(strangerToken, at(70));
    expect(await endOwnSessions(db, { userId: user.id, sessionId: current.id }, strangerSession.id, "x", at(71))).toBe(0);
    expect(await endOwnSessions(db, { userId: user.id, sessionId: current.id }, current.id, "x", at(71))).toBe(0);
    expect(await findSession(db, strangerToken, at(72))).not.toBeNull();

    expect(await endOwnSessions(db, { userId: user.id, sessionId: current.id }, "others", "192.0.2.10", at(73))).toBe(1);
    expect(await findSession(db, laptop, at(74))).toBeNull();
    expect(await findSession(db, token, at(74))).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.session_end", entityId: String(user.id) } })).toBe(1);
    expect(stranger.id).not.toBe(user.id);
  });
});
