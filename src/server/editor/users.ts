// Accounts: admins create and change them (and the command line `npm run user` does the same
// for the first admin); everyone can change their own password. A new account, or a reset, gets
// a one-time password that must be replaced at the next sign-in.
import type { Db } from "../db";
import type { Actor, Role } from "../../domain/permissions";
import { canChangeUser, canManageUsers } from "../../domain/permissions";
import { passwordChangeSchema, resetPasswordSchema, userCreateSchema, userUpdateSchema } from "../../schemas/editor";
import type { FieldError } from "../../schemas/errors";
import { burnVerifyTime, generateOneTimePassword, hashPassword, passwordProblem, verifyPassword } from "../auth/password";
import { checkThrottle, recordFailure, recordSuccess, type Attempt } from "../auth/throttle";
import { auditFailure, SIGN_IN_MESSAGES } from "../auth/credentials";
import { fromZod, invalid, invalidField, notFound, ok, refused, unauthenticated, catchRollBack, type Result } from "./result";
import { recordAudit } from "./audit";
import { isUniqueViolation, inTransaction, transaction, type Tx } from "./tx";

export type NewUser = { email: string; name: string; role: Role; organisations: string[] };

async function organisationIds(tx: Tx, slugs: string[], field = "organisations"): Promise<Result<number[]>> {
  const unique = [...new Set(slugs)];
  const rows = await tx.organisation.findMany({ where: { slug: { in: unique } }, select: { id: true, slug: true } });
  const missing = unique.filter((s) => !rows.some((r) => r.slug === s));
  if (missing.length) return invalidField(field, `There is no organisation called “${missing[0]}”`);
  return ok(rows.map((r) => r.id));
}

/**
 * Inserts an account inside the caller's transaction. With a password it must meet the policy;
 * without one, a one-time password is generated and returned (it is never stored in clear).
 */
export async function insertUser(
  tx: Tx,
  actorId: number | null,
  input: NewUser,
  password?: string,
  via: "web" | "cli" = "web",
): Promise<Result<{ id: number; oneTimePassword: string | null }>> {
  const errors: FieldError[] = [];
  if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    errors.push({ field: "email", message: "There is already an account with this email address" });
  }
  if (password !== undefined) {
    const problem = passwordProblem(password, [input.email.split("@")[0] ?? "", ...input.name.split(/\s+/)]);
    if (problem) errors.push({ field: "password", message: problem });
  }
  const orgs = await organisationIds(tx, input.organisations);
  if (!orgs.ok) return orgs;
  if (errors.length) return invalid(errors);
  const oneTimePassword = password === undefined ? generateOneTimePassword() : null;
  const user = await tx.user.create({
    data: {
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(password ?? oneTimePassword!),
      mustChangePassword: password === undefined,
      organisations: { create: orgs.value.map((organisationId) => ({ organisationId })) },
    },
  });
  await recordAudit(tx, {
    actorId,
    action: "user.create",
    entityType: "user",
    entityId: user.id,
    after: {
      email: input.email,
      name: input.name,
      role: input.role,
      organisations: [...input.organisations].sort(),
      via,
      oneTimePassword: password === undefined,
    },
  });
  return ok({ id: user.id, oneTimePassword });
}

export async function createUser(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<Result<{ id: number; email: string; oneTimePassword: string }>> {
  if (!actor) return unauthenticated;
  const allowed = canManageUsers(actor);
  if (!allowed.allowed) return refused(allowed, true);
  const parsed = userCreateSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  try {
    return await inTransaction(db, async (tx) => {
      const result = await insertUser(tx, actor.id, parsed.data);
      return result.ok ? ok({ id: result.value.id, email: parsed.data.email, oneTimePassword: result.value.oneTimePassword! }) : result;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return invalidField("email", "There is already an account with this email address");
    throw error;
  }
}

async function userSnapshot(tx: Tx, id: number) {
  const user = await tx.user.findUnique({ where: { id }, include: { organisations: { include: { organisation: { select: { slug: true } } } } } });
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabledAt !== null,
    organisations: user.organisations.map((o) => o.organisation.slug).sort(),
    sessionVersion: user.sessionVersion,
  };
}

export async function updateUser(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: number }>> {
  if (!actor) return unauthenticated;
  const manage = canManageUsers(actor);
  if (!manage.allowed) return refused(manage, true);
  const parsed = userUpdateSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  const { userId, name, role, organisations, disabled } = parsed.data;
  return catchRollBack(() =>
    transaction(db, async (tx) => {
      const before = await userSnapshot(tx, userId);
      if (!before) return notFound("There is no such user.");
      const allowed = canChangeUser(actor, userId, { role, disabled });
      if (!allowed.allowed) return invalidField(role !== before.role ? "role" : "disabled", allowed.reason);
      const orgs = await organisationIds(tx, organisations);
      if (!orgs.ok) return orgs;
      // Losing access (role, organisations, disabling) ends the person's current sessions.
      const narrowed = role !== before.role || disabled !== before.disabled || before.organisations.some((o) => !organisations.includes(o));
      await tx.user.update({
        where: { id: userId },
        data: {
          name,
          role,
          disabledAt: disabled ? (before.disabled ? undefined : new Date()) : null,
          sessionVersion: narrowed ? { increment: 1 } : undefined,
        },
      });
      await tx.userOrganisation.deleteMany({ where: { userId } });
      if (orgs.value.length) await tx.userOrganisation.createMany({ data: orgs.value.map((organisationId) => ({ userId, organisationId })) });
      const after = {
        ...before,
        name,
        role,
        disabled,
        organisations: [...organisations].sort(),
        sessionVersion: before.sessionVersion + (narrowed ? 1 : 0),
      };
      await recordAudit(tx, { actorId: actor.id, action: "user.update", entityType: "user", entityId: userId, before, after });
      return ok({ id: userId });
    }),
  );
}

export async function resetPassword(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<Result<{ id: number; email: string; oneTimePassword: string }>> {
  if (!actor) return unauthenticated;
  const manage = canManageUsers(actor);
  if (!manage.allowed) return refused(manage, true);
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return catchRollBack(() =>
    transaction(db, async (tx) => {
      const user = await tx.user.findUnique({ where: { id: parsed.data.userId } });
      if (!user) return notFound("There is no such user.");
      await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.reset_password",
        entityType: "user",
        entityId: user.id,
        after: { email: user.email, oneTimePassword: true },
      });
      return ok({ id: user.id, email: user.email, oneTimePassword });
    }),
  );
}

/**
 * Anyone signed in: their own password, after confirming the current one. That check is
 * throttled like signing in (same counters, from the client's address `context.address`) and
 * its failures are audited: a borrowed session cannot guess its way to the account.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor | null,
  input: unknown,
  context: { address: string } = { address: "unknown" },
  now = new Date(),
): Promise<Result<{ id: number; sessionVersion: number }>> {
  if (!actor) return unauthenticated;
  const parsed = passwordChangeSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user || user.disabledAt) return unauthenticated;
  const attempt: Attempt = { kind: "password", account: user.email, address: context.address };
  const held = await checkThrottle(db, attempt, now);
  if (held.kind !== "open") return invalidField("currentPassword", SIGN_IN_MESSAGES[held.kind]);
  const valid = user.passwordHash
    ? await verifyPassword(user.passwordHash, parsed.data.currentPassword)
    : (await burnVerifyTime(parsed.data.currentPassword), false);
  if (!valid) {
    const after = await recordFailure(db, attempt, now);
    await auditFailure(db, { action: "auth.current_password_failed", userId: user.id, address: context.address }, after);
    return invalidField("currentPassword", after.kind === "locked" ? SIGN_IN_MESSAGES.locked : "Your current password is not correct");
  }
  await recordSuccess(db, attempt, now);
  const problem = passwordProblem(parsed.data.newPassword, [user.email.split("@")[0] ?? "", ...user.name.split(/\s+/)]);
  if (problem) return invalidField("newPassword", problem);
  if (parsed.data.newPassword === parsed.data.currentPassword)
    return invalidField("newPassword", "Your new password must be different from your current one");
  const passwordHash = await hashPassword(parsed.data.newPassword);
  return transaction(db, async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, { actorId: actor.id, action: "user.change_password", entityType: "user", entityId: user.id });
    return ok({ id: user.id, sessionVersion: updated.sessionVersion });
  });
}
