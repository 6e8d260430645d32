// Two-step verification for every editor: after the password (or the identity provider), a code
// from an authenticator app (TOTP, RFC 6238: 6 digits, 30-second steps, SHA-1, as every app
// supports) or one of ten single-use recovery codes.
//  - Enrolment, at the first sign-in: a new secret is shown as a QR code and as a key to type,
//    and kept (encrypted) on the half-signed-in session until a first code confirms it.
//  - A code is accepted for the step before and after the current one (clock drift), and never
//    twice: the last step used is stored, and only a later one is accepted.
//  - Recovery codes are shown once after enrolment and stored as SHA-256 hashes; each works once.
//  - Checks are throttled like passwords (throttle.ts, kind "code") and audited.
//  - An admin can reset a person's two-step verification (audited); they set it up again at
//    their next sign-in, and their sessions end.
import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";
import type { Db } from "../db";
import type { Actor } from "../../domain/permissions";
import { canManageUsers } from "../../domain/permissions";
import { recordAudit } from "../editor/audit";
import { transaction } from "../editor/tx";
import { fromZod, notFound, ok, refused, unauthenticated, type Result } from "../editor/result";
import { resetPasswordSchema as resetTwoStepSchema } from "../../schemas/editor";
import { seal, unseal } from "./sealed";
import { checkThrottle, recordFailure, recordSuccess, type Attempt } from "./throttle";
import { auditFailure } from "./credentials";
import type { SessionRecord } from "./sessions";

const TOTP_ISSUER = "Roadmap Tracker";
const PERIOD = 30;
const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export type StepError = "missing" | "invalid" | "reused" | "slow_down" | "locked" | "unreadable" | "already_enrolled";

export const STEP_MESSAGES: Record<StepError, string> = {
  missing: "Enter the 6-digit code from your authenticator app",
  invalid: "The code is not correct. Enter the code your authenticator app shows now, or one of your recovery codes",
  reused: "That code has already been used. Wait for your authenticator app to show a new code, then enter it",
  slow_down: "There have been several wrong codes. Wait a minute, then try again",
  locked: "There have been too many wrong codes. Wait 15 minutes, then try again",
  unreadable: "Your two-step verification cannot be checked. Ask an admin of the tracker to reset it",
  already_enrolled: "Two-step verification has already been set up for your account. Sign in again",
};

export type StepContext = { address: string };
export type StepResult<T = undefined> = { ok: true; value: T } | { ok: false; error: StepError };

/** A new authenticator secret: 160 random bits, written in base32 (what the QR code and the key to type carry). */
function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address the QR code holds. */
export function totpUri(secret: string, email: string): string {
  return new TOTP({ issuer: TOTP_ISSUER, label: email, secret: Secret.fromBase32(secret), period: PERIOD }).toString();
}

/** The base32 key in groups of four, easier to type. */
export function groupedKey(secret: string): string {
  return secret.match(/.{1,4}/g)!.join(" ");
}

/** The time-step `code` belongs to (within one step of now), or null. */
function matchingStep(secret: string, code: string, now: Date): number | null {
  const delta = TOTP.validate({ token: code, secret: Secret.fromBase32(secret), period: PERIOD, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp: now.getTime() }) + delta;
}

const normalise = (code: string) => code.toLowerCase().replace(/[\s-]+/g, "");
const hashCode = (code: string) => crypto.createHash("sha256").update(normalise(code)).digest("hex");

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 16 }, () => RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)]).join("");
    return chars.match(/.{4}/g)!.join("-");
  });
}

const attemptOf = (userId: number, context: StepContext): Attempt => ({ kind: "code", account: `user:${userId}`, address: context.address });
const isTotpCode = (code: string) => /^\d{6}$/.test(code.replace(/\s+/g, ""));

async function failed(db: Db, userId: number, context: StepContext, error: StepError, now: Date): Promise<StepResult<never>> {
  const after = await recordFailure(db, attemptOf(userId, context), now);
  await auditFailure(db, { action: "auth.two_step_failed", userId, address: context.address }, after);
  return { ok: false, error: after.kind === "locked" ? "locked" : error };
}

/** The secret to show for enrolment: the one already on this half-signed-in session, or a new one kept there. */
export async function enrolmentSecret(db: Db, session: SessionRecord): Promise<string> {
  const kept = session.pendingTotpSecret ? unseal(session.pendingTotpSecret) : null;
  if (kept) return kept;
  const secret = newTotpSecret();
  await db.editorSession.update({ where: { id: session.id }, data: { pendingTotpSecret: seal(secret) } });
  return secret;
}

/**
 * Confirms enrolment with a first code: the secret becomes the account's, ten recovery codes are
 * made (kept on the session, encrypted, until the editor has seen them), and the session is
 * fully signed in.
 */
export async function confirmEnrolment(db: Db, session: SessionRecord, code: string, context: StepContext, now = new Date()): Promise<StepResult> {
  const attempt = attemptOf(session.userId, context);
  const held = await checkThrottle(db, attempt, now);
  if (held.kind !== "open") return { ok: false, error: held.kind };
  const typed = code.replace(/\s+/g, "");
  if (!typed) return { ok: false, error: "missing" };
  const secret = session.pendingTotpSecret ? unseal(session.pendingTotpSecret) : null;
  if (!secret) return { ok: false, error: "unreadable" };
  const step = isTotpCode(typed) ? matchingStep(secret, typed, now) : null;
  if (step === null) return failed(db, session.userId, context, "invalid", now);
  const codes = newRecoveryCodes();
  const enrolled = await transaction(db, async (tx) => {
    const set = await tx.user.updateMany({
      where: { id: session.userId, totpSecret: null },
      data: { totpSecret: seal(secret), totpLastStep: step, totpEnrolledAt: now },
    });
    if (set.count !== 1) return false;
    await tx.recoveryCode.deleteMany({ where: { userId: session.userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: session.userId, codeHash: hashCode(c), createdAt: now })) });
    await tx.editorSession.update({
      where: { id: session.id },
      data: { secondFactorAt: now, pendingTotpSecret: null, unsavedRecoveryCodes: seal(JSON.stringify(codes)) },
    });
    await recordAudit(tx, {
      actorId: session.userId,
      action: "auth.two_step_enrol",
      entityType: "user",
      entityId: session.userId,
      after: { method: "totp", recoveryCodes: codes.length, address: context.address },
    });
    return true;
  });
  if (!enrolled) return { ok: false, error: "already_enrolled" };
  await recordSuccess(db, attempt, now);
  return { ok: true, value: undefined };
}

/** The second step of a sign-in: a code from the authenticator app, or an unused recovery code. */
export async function passSecondStep(
  db: Db,
  session: SessionRecord,
  code: string,
  context: StepContext,
  now = new Date(),
): Promise<StepResult<{ method: "totp" | "recovery_code"; recoveryCodesLeft?: number }>> {
  const attempt = attemptOf(session.userId, context);
  const held = await checkThrottle(db, attempt, now);
  if (held.kind !== "open") return { ok: false, error: held.kind };
  const typed = code.trim();
  if (!typed) return { ok: false, error: "missing" };
  const user = await db.user.findUnique({ where: { id: session.userId }, select: { totpSecret: true } });
  const secret = user?.totpSecret ? unseal(user.totpSecret) : null;
  if (!secret) return { ok: false, error: "unreadable" };

  let method: "totp" | "recovery_code";
  let recoveryCodesLeft: number | undefined;
  if (isTotpCode(typed)) {
    const step = matchingStep(secret, typed.replace(/\s+/g, ""), now);
    if (step === null) return failed(db, session.userId, context, "invalid", now);
    // Only a later step than the last one used: a code seen over someone's shoulder is worthless.
    const taken = await db.$executeRaw`
      UPDATE app_user SET totp_last_step = ${step} WHERE id = ${session.userId} AND (totp_last_step IS NULL OR totp_last_step < ${step})`;
    if (taken !== 1) return failed(db, session.userId, context, "reused", now);
    method = "totp";
  } else {
    const used = await db.recoveryCode.updateMany({
      where: { userId: session.userId, codeHash: hashCode(typed), usedAt: null },
      data: { usedAt: now },
    });
    if (used.count !== 1) return failed(db, session.userId, context, "invalid", now);
    method = "recovery_code";
    recoveryCodesLeft = await db.recoveryCode.count({ where: { userId: session.userId, usedAt: null } });
  }
  await db.editorSession.update({ where: { id: session.id }, data: { secondFactorAt: now } });
  await recordSuccess(db, attempt, now);
  await recordAudit(db, {
    actorId: session.userId,
    action: method === "totp" ? "auth.two_step" : "auth.recovery_code_used",
    entityType: "user",
    entityId: session.userId,
    after: { method, address: context.address, ...(recoveryCodesLeft !== undefined ? { recoveryCodesLeft } : {}) },
  });
  return { ok: true, value: { method, recoveryCodesLeft } };
}

/** The recovery codes waiting to be shown on this session (right after enrolment), or null. */
export function unsavedRecoveryCodes(session: SessionRecord): string[] | null {
  const plain = session.unsavedRecoveryCodes ? unseal(session.unsavedRecoveryCodes) : null;
  return plain ? (JSON.parse(plain) as string[]) : null;
}

/** The editor has saved their recovery codes: they are never shown again. */
export async function forgetUnsavedRecoveryCodes(db: Db, session: SessionRecord): Promise<void> {
  await db.editorSession.update({ where: { id: session.id }, data: { unsavedRecoveryCodes: null } });
}

/**
 * A person's two-step verification starts again: secret and recovery codes gone, sessions ended,
 * audited (actorId null: the command line). They set it up at their next sign-in. False when
 * there is no such user.
 */
export async function clearTwoStep(db: Db, userId: number, actorId: number | null): Promise<{ email: string } | null> {
  return transaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) return null;
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: null, totpLastStep: null, totpEnrolledAt: null, sessionVersion: { increment: 1 } },
    });
    const codes = await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, {
      actorId,
      action: "user.reset_two_step",
      entityType: "user",
      entityId: user.id,
      before: { enrolled: user.totpSecret !== null, recoveryCodes: codes.count },
      after: { enrolled: false, email: user.email, ...(actorId === null ? { via: "cli" } : {}) },
    });
    return { email: user.email };
  });
}

/** Admins: reset a person's two-step verification (clearTwoStep). */
export async function resetTwoStep(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: number; email: string }>> {
  if (!actor) return unauthenticated;
  const manage = canManageUsers(actor);
  if (!manage.allowed) return refused(manage, true);
  const parsed = resetTwoStepSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  const cleared = await clearTwoStep(db, parsed.data.userId, actor.id);
  return cleared ? ok({ id: parsed.data.userId, email: cleared.email }) : notFound("There is no such user.");
}

/** Has the user set up an authenticator app? */
export async function isEnrolled(db: Db, userId: number): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true } });
  return Boolean(user?.totpSecret);
}
