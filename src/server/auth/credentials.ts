// Email-and-password sign-in, independent of next-auth so it can be tested directly. One
// message for an unknown address, a wrong password and a disabled account; repeated failures
// are slowed down, then locked (see throttle.ts).
import type { Db } from "../db";
import { recordAudit } from "../editor/audit";
import { burnVerifyTime, verifyPassword } from "./password";
import { checkThrottle, clearThrottle, recordFailure, throttleKeys } from "./throttle";

export type SignInError = "invalid" | "slow_down" | "locked";
export type SignInResult =
  { ok: true; user: { id: number; email: string; name: string; sessionVersion: number } } | { ok: false; error: SignInError };

export const SIGN_IN_MESSAGES: Record<SignInError, string> = {
  invalid: "Enter a correct email address and password",
  slow_down: "There have been several failed attempts to sign in with this email address. Wait a minute, then try again.",
  locked: "There have been too many failed attempts to sign in with this email address. Wait 15 minutes, then try again.",
};

/** The client's address, as reported by the proxy in front of the app (or "unknown"). */
export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip")?.trim() || "unknown";
}

export async function authorizeCredentials(
  db: Db,
  input: { email?: unknown; password?: unknown; address: string },
  now = new Date(),
): Promise<SignInResult> {
  const email = typeof input.email === "string" ? input.email.trim().toLowerCase() : "";
  const password = typeof input.password === "string" ? input.password : "";
  if (!email || !password || email.length > 254 || password.length > 1024) return { ok: false, error: "invalid" };

  const keys = throttleKeys(email, input.address);
  const before = await checkThrottle(db, keys, now);
  if (before.kind !== "open") return { ok: false, error: before.kind };

  const user = await db.user.findUnique({ where: { email } });
  let valid = false;
  if (user?.passwordHash && !user.disabledAt) {
    valid = await verifyPassword(user.passwordHash, password);
  } else {
    await burnVerifyTime(password);
  }

  if (!valid || !user) {
    const after = await recordFailure(db, keys, now);
    if (after.kind === "locked" && user) {
      await recordAudit(db, {
        actorId: null,
        action: "auth.lock",
        entityType: "user",
        entityId: user.id,
        after: { until: after.until.toISOString(), address: input.address },
      });
    }
    return { ok: false, error: after.kind === "locked" ? "locked" : "invalid" };
  }

  await clearThrottle(db, keys);
  await recordAudit(db, {
    actorId: user.id,
    action: "auth.sign_in",
    entityType: "user",
    entityId: user.id,
    after: { method: "password", address: input.address },
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
