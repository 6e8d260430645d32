// Slowing down, then locking, repeated failed sign-ins. Kept in PostgreSQL (sign_in_throttle)
// so it holds across restarts and across app instances behind a load balancer.
//
// Two counters per attempt, both keyed by a hash (no addresses are stored in clear):
//  - account + address: 4 failures are free; the 5th to 9th each make that pair wait (15 s,
//    30 s, 1 min, 2 min, 4 min); the 10th locks it for 15 minutes.
//  - account alone (any address): 50 failures lock the account for 15 minutes, a backstop
//    against guessing spread over many addresses.
// Counters start again after an hour without failures, and a successful sign-in clears them.
// The same rules apply whether or not the email address belongs to an account, so the
// responses never reveal which addresses exist.
import crypto from "node:crypto";
import type { Db } from "../db";

export const THROTTLE_RULES = {
  freeFailures: 4,
  lockAfter: 10,
  firstDelaySeconds: 15,
  lockMinutes: 15,
  accountLockAfter: 50,
  resetAfterMinutes: 60,
} as const;

export type ThrottleState = { kind: "open" } | { kind: "slow_down"; until: Date } | { kind: "locked"; until: Date };
export type ThrottleKeys = { address: string; account: string };

const digest = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

export function throttleKeys(email: string, address: string): ThrottleKeys {
  const who = email.trim().toLowerCase();
  return { address: `addr:${digest(`${who}\n${address}`)}`, account: `acct:${digest(who)}` };
}

/** How long a key must wait after its n-th failure in a row (0 when it need not wait). */
export function lockSeconds(failures: number, scope: "address" | "account"): number {
  const r = THROTTLE_RULES;
  if (scope === "account") return failures >= r.accountLockAfter ? r.lockMinutes * 60 : 0;
  if (failures >= r.lockAfter) return r.lockMinutes * 60;
  if (failures > r.freeFailures) return r.firstDelaySeconds * 2 ** (failures - r.freeFailures - 1);
  return 0;
}

function stateOf(rows: { key: string; failures: number; locked_until: Date | null }[], keys: ThrottleKeys, now: Date): ThrottleState {
  let state: ThrottleState = { kind: "open" };
  for (const row of rows) {
    if (!row.locked_until || row.locked_until <= now) continue;
    const hard = row.key === keys.account || row.failures >= THROTTLE_RULES.lockAfter;
    const candidate: ThrottleState = hard ? { kind: "locked", until: row.locked_until } : { kind: "slow_down", until: row.locked_until };
    if (
      state.kind === "open" ||
      (candidate.kind === "locked" && state.kind === "slow_down") ||
      (candidate.kind === state.kind && candidate.until > state.until)
    )
      state = candidate;
  }
  return state;
}

export async function checkThrottle(db: Db, keys: ThrottleKeys, now = new Date()): Promise<ThrottleState> {
  const rows = await db.$queryRaw<{ key: string; failures: number; locked_until: Date | null }[]>`
    SELECT key, failures, locked_until FROM sign_in_throttle WHERE key IN (${keys.address}, ${keys.account})`;
  return stateOf(rows, keys, now);
}

/** Counts a failed attempt against both keys (atomically, so parallel attempts all count). */
export async function recordFailure(db: Db, keys: ThrottleKeys, now = new Date()): Promise<ThrottleState> {
  const resetBefore = new Date(now.getTime() - THROTTLE_RULES.resetAfterMinutes * 60_000);
  const rows: { key: string; failures: number; locked_until: Date | null }[] = [];
  for (const [scope, key] of [
    ["address", keys.address],
    ["account", keys.account],
  ] as const) {
    const [row] = await db.$queryRaw<{ failures: number }[]>`
      INSERT INTO sign_in_throttle (key, failures, last_failure, locked_until) VALUES (${key}, 1, ${now}, NULL)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE
          WHEN sign_in_throttle.last_failure < ${resetBefore} AND (sign_in_throttle.locked_until IS NULL OR sign_in_throttle.locked_until <= ${now}) THEN 1
          ELSE sign_in_throttle.failures + 1 END,
        last_failure = ${now}
      RETURNING failures`;
    const failures = row?.failures ?? 1;
    const seconds = lockSeconds(failures, scope);
    let lockedUntil: Date | null = null;
    if (seconds > 0) {
      lockedUntil = new Date(now.getTime() + seconds * 1000);
      await db.$executeRaw`UPDATE sign_in_throttle SET locked_until = GREATEST(COALESCE(locked_until, ${lockedUntil}), ${lockedUntil}) WHERE key = ${key}`;
    }
    rows.push({ key, failures, locked_until: lockedUntil });
  }
  return stateOf(rows, keys, new Date(now.getTime() - 1));
}

export async function clearThrottle(db: Db, keys: ThrottleKeys): Promise<void> {
  await db.$executeRaw`DELETE FROM sign_in_throttle WHERE key IN (${keys.address}, ${keys.account})`;
}
