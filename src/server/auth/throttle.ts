// Slowing down repeated failed checks of something secret (a password at sign-in or on "Change
// password", a two-step code), kept in PostgreSQL (sign_in_throttle) so it holds across
// restarts and app instances. Built so that no stranger can turn it into a way of locking a
// real editor out:
//
//  - per client address (every account, every kind of check): 10 failures are free, then each
//    further one makes the address wait (15 s, doubling, at most 15 minutes). This is checked
//    before any password is hashed, so a flood of made-up email addresses from one address
//    costs one hash per attempt only until it is slowed down. IPv6 counts by /64.
//  - per account and address: 4 failures are free, then waits of 15 s doubling, and the 10th
//    locks that pair for 15 minutes. Only that pair: the editor elsewhere is not affected.
//  - per account, from every address: after many failures (50 for a password, 10 for a code)
//    attempts from addresses the account has never signed in from wait too (15 s doubling, at
//    most a minute for a password; 15 minutes for a code, which only someone holding the
//    password can be asked). An address the account has signed in from before is never held up
//    by failures elsewhere.
//
// Attempts refused because of a wait do not count as failures, so one address cannot push the
// account-wide count up. Counters start again after an hour without failures, a success clears
// its pair, and rows expire (cleanUpThrottle). Keys are hashes: no email or address is stored in
// clear. The same rules apply whether or not an email address belongs to an account.
import crypto from "node:crypto";
import type { Db } from "../db";
import { throttleAddress } from "../../domain/network";

export type ThrottleKind = "password" | "code";

/** What is being checked: a password or a code, for whom, from where. */
export type Attempt = { kind: ThrottleKind; account: string; address: string };

export const THROTTLE_RULES = {
  firstDelaySeconds: 15,
  resetAfterMinutes: 60,
  address: { freeFailures: 10, maxDelaySeconds: 15 * 60 },
  pair: { freeFailures: 4, lockAfter: 10, lockMinutes: 15 },
  account: {
    password: { freeFailures: 50, maxDelaySeconds: 60 },
    code: { freeFailures: 10, maxDelaySeconds: 15 * 60 },
  },
  /** Addresses an account signed in from are remembered this long. */
  knownAddressDays: 90,
} as const;

export type ThrottleScope = "address" | "pair" | "account";
export type ThrottleState = { kind: "open" } | { kind: "slow_down" | "locked"; until: Date; scope: ThrottleScope };

const digest = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

type Keys = { address: string | null; pair: string; account: string; known: string };

function keysOf(attempt: Attempt): Keys {
  const who = attempt.account.trim().toLowerCase();
  // Without the production server in front, every client is "unknown": a shared count would let anyone slow everyone.
  const address = attempt.address === "unknown" ? null : throttleAddress(attempt.address);
  return {
    address: address === null ? null : `ip:${digest(address)}`,
    pair: `pair:${digest(`${attempt.kind}\n${who}\n${attempt.address}`)}`,
    account: `acct:${digest(`${attempt.kind}\n${who}`)}`,
    known: `known:${digest(`${who}\n${attempt.address}`)}`,
  };
}

/** How long a key must wait after its n-th failure in a row (0: it need not), and whether that is a lock. */
export function waitAfter(failures: number, scope: ThrottleScope, kind: ThrottleKind): { seconds: number; lock: boolean } {
  const r = THROTTLE_RULES;
  const doubling = (free: number, max: number) => (failures > free ? Math.min(max, r.firstDelaySeconds * 2 ** Math.min(20, failures - free - 1)) : 0);
  if (scope === "pair") {
    if (failures >= r.pair.lockAfter) return { seconds: r.pair.lockMinutes * 60, lock: true };
    return { seconds: doubling(r.pair.freeFailures, Infinity), lock: false };
  }
  if (scope === "address") return { seconds: doubling(r.address.freeFailures, r.address.maxDelaySeconds), lock: false };
  const rule = r.account[kind];
  return { seconds: doubling(rule.freeFailures, rule.maxDelaySeconds), lock: false };
}

type Row = { key: string; failures: number; locked_until: Date | null };

function stateOf(rows: Row[], keys: Keys, known: boolean, now: Date): ThrottleState {
  let state: ThrottleState = { kind: "open" };
  for (const row of rows) {
    if (!row.locked_until || row.locked_until <= now) continue;
    const scope: ThrottleScope = row.key === keys.pair ? "pair" : row.key === keys.account ? "account" : "address";
    if (scope === "account" && known) continue;
    const kind = scope === "pair" && row.failures >= THROTTLE_RULES.pair.lockAfter ? "locked" : "slow_down";
    const candidate: ThrottleState = { kind, until: row.locked_until, scope };
    if (state.kind === "open" || (kind === "locked" && state.kind === "slow_down") || (kind === state.kind && row.locked_until > state.until))
      state = candidate;
  }
  return state;
}

async function isKnown(db: Db, keys: Keys, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_RULES.knownAddressDays * 86_400_000);
  const rows = await db.$queryRaw<
    { one: number }[]
  >`SELECT 1 AS one FROM sign_in_known_address WHERE key = ${keys.known} AND last_success > ${since}`;
  return rows.length > 0;
}

/** May this attempt go ahead? Read before any password is hashed. */
export async function checkThrottle(db: Db, attempt: Attempt, now = new Date()): Promise<ThrottleState> {
  const keys = keysOf(attempt);
  const wanted = [keys.pair, keys.account, ...(keys.address ? [keys.address] : [])];
  const rows = await db.$queryRaw<Row[]>`SELECT key, failures, locked_until FROM sign_in_throttle WHERE key = ANY(${wanted})`;
  const accountHeld = rows.some((r) => r.key === keys.account && r.locked_until && r.locked_until > now);
  return stateOf(rows, keys, accountHeld ? await isKnown(db, keys, now) : false, now);
}

let lastCleanUp = 0;

/** Deletes counters an hour past their last failure (and no longer waiting), and addresses not used for 90 days. */
export async function cleanUpThrottle(db: Db, now = new Date()): Promise<void> {
  const resetBefore = new Date(now.getTime() - THROTTLE_RULES.resetAfterMinutes * 60_000);
  await db.$executeRaw`DELETE FROM sign_in_throttle WHERE last_failure < ${resetBefore} AND (locked_until IS NULL OR locked_until <= ${now})`;
  await db.$executeRaw`DELETE FROM sign_in_known_address WHERE last_success < ${new Date(now.getTime() - THROTTLE_RULES.knownAddressDays * 86_400_000)}`;
}

/**
 * Counts a failed attempt against each of its keys (atomically, so parallel attempts all count)
 * and returns what the next attempt will meet, with `engaged` naming a wait this failure started.
 */
export async function recordFailure(db: Db, attempt: Attempt, now = new Date()): Promise<ThrottleState & { engaged: ThrottleScope[] }> {
  const keys = keysOf(attempt);
  const resetBefore = new Date(now.getTime() - THROTTLE_RULES.resetAfterMinutes * 60_000);
  const rows: Row[] = [];
  const engaged: ThrottleScope[] = [];
  const scopes: [ThrottleScope, string][] = [
    ["pair", keys.pair],
    ["account", keys.account],
    ...(keys.address ? [["address", keys.address] as [ThrottleScope, string]] : []),
  ];
  for (const [scope, key] of scopes) {
    const [row] = await db.$queryRaw<{ failures: number }[]>`
      INSERT INTO sign_in_throttle (key, failures, last_failure, locked_until) VALUES (${key}, 1, ${now}, NULL)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE
          WHEN sign_in_throttle.last_failure < ${resetBefore} AND (sign_in_throttle.locked_until IS NULL OR sign_in_throttle.locked_until <= ${now}) THEN 1
          ELSE sign_in_throttle.failures + 1 END,
        last_failure = ${now}
      RETURNING failures`;
    const failures = row?.failures ?? 1;
    const wait = waitAfter(failures, scope, attempt.kind);
    let lockedUntil: Date | null = null;
    if (wait.seconds > 0) {
      lockedUntil = new Date(now.getTime() + wait.seconds * 1000);
      await db.$executeRaw`UPDATE sign_in_throttle SET locked_until = GREATEST(COALESCE(locked_until, ${lockedUntil}), ${lockedUntil}) WHERE key = ${key}`;
      if (waitAfter(failures - 1, scope, attempt.kind).seconds === 0 || (wait.lock && !waitAfter(failures - 1, scope, attempt.kind).lock))
        engaged.push(scope);
    }
    rows.push({ key, failures, locked_until: lockedUntil });
  }
  if (now.getTime() - lastCleanUp > 5 * 60_000) {
    lastCleanUp = now.getTime();
    await cleanUpThrottle(db, now);
  }
  const known = rows.some((r) => r.key === keys.account && r.locked_until) ? await isKnown(db, keys, now) : false;
  return { ...stateOf(rows, keys, known, new Date(now.getTime() - 1)), engaged };
}

/** A success: its pair starts again, and the address is remembered as one this account uses. */
export async function recordSuccess(db: Db, attempt: Attempt, now = new Date()): Promise<void> {
  const keys = keysOf(attempt);
  await db.$executeRaw`DELETE FROM sign_in_throttle WHERE key = ${keys.pair}`;
  if (attempt.address === "unknown") return;
  await db.$executeRaw`
    INSERT INTO sign_in_known_address (key, last_success) VALUES (${keys.known}, ${now})
    ON CONFLICT (key) DO UPDATE SET last_success = GREATEST(sign_in_known_address.last_success, ${now})`;
}
