// Email-and-password sign-in (the first of its two steps), independent of next-auth so it can be
// tested directly. One message for an unknown address, a wrong password and a disabled account;
// failures are throttled (throttle.ts) before any password is hashed, and audited with the
// client's real address (src/server/front-door.ts).
import type { Db } from "../db";
import { recordAudit } from "../editor/audit";
import { burnVerifyTime, verifyPassword } from "./password";
import { checkThrottle, recordFailure, recordSuccess, type Attempt, type ThrottleState } from "./throttle";

export type SignInError = "invalid" | "slow_down" | "locked";
export type SignInResult =
  { ok: true; user: { id: number; email: string; name: string; sessionVersion: number } } | { ok: false; error: SignInError };

export const SIGN_IN_MESSAGES: Record<SignInError, string> = {
  invalid: "Enter a correct email address and password",
  slow_down: "There have been several failed attempts to sign in. Wait a minute, then try again.",
  locked: "There have been too many failed attempts to sign in with this email address from your network. Wait 15 minutes, then try again.",
};

/** Control characters (U+0000 included) never belong in an email address; PostgreSQL text cannot even hold U+0000. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Audits a check that failed: the failure itself for a real account, and any wait it started
 * (for an unknown email address, only that, against the address, so a flood of made-up
 * addresses cannot fill the log).
 */
export async function auditFailure(
  db: Db,
  what: { action: string; userId: number | null; address: string },
  after: ThrottleState & { engaged: string[] },
): Promise<void> {
  if (what.userId !== null)
    await recordAudit(db, { actorId: null, action: what.action, entityType: "user", entityId: what.userId, after: { address: what.address } });
  for (const scope of after.engaged) {
    const until = after.kind === "open" ? null : after.until.toISOString();
    const action = after.kind === "locked" ? "auth.lock" : "auth.slow_down";
    await recordAudit(db, {
      actorId: null,
      action,
      entityType: what.userId === null || scope === "address" ? "address" : "user",
      entityId: what.userId === null || scope === "address" ? what.address : what.userId,
      after: { scope, until, address: what.address, check: what.action },
    });
  }
}

export async function authorizeCredentials(
  db: Db,
  input: { email?: unknown; password?: unknown; address: string },
  now = new Date(),
): Promise<SignInResult> {
  const email = typeof input.email === "string" ? input.email.trim().toLowerCase() : "";
  const password = typeof input.password === "string" ? input.password : "";
  if (!email || !password || email.length > 254 || password.length > 1024 || CONTROL.test(email)) return { ok: false, error: "invalid" };

  const attempt: Attempt = { kind: "password", account: email, address: input.address };
  const before = await checkThrottle(db, attempt, now);
  if (before.kind !== "open") return { ok: false, error: before.kind };

  const user = await db.user.findUnique({ where: { email } });
  let valid = false;
  if (user?.passwordHash && !user.disabledAt) {
    valid = await verifyPassword(user.passwordHash, password);
  } else {
    await burnVerifyTime(password);
  }

  if (!valid || !user) {
    const after = await recordFailure(db, attempt, now);
    await auditFailure(db, { action: "auth.sign_in_failed", userId: user?.id ?? null, address: input.address }, after);
    return { ok: false, error: after.kind === "locked" ? "locked" : "invalid" };
  }

  await recordSuccess(db, attempt, now);
  await recordAudit(db, {
    actorId: user.id,
    action: "auth.sign_in",
    entityType: "user",
    entityId: user.id,
    after: { method: "password", step: "password", address: input.address },
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
