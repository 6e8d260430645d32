// Editor sessions kept on the server (editor_session): the next-auth cookie only carries a random
// session token, and every request checks its record, so a session ends when the server says:
//  - signing out ends it at once (a copied cookie stops working with it);
//  - 8 hours after signing in, whatever the activity (absolute lifetime);
//  - after 60 minutes without a request (idle timeout);
//  - a half-finished sign-in (password given, no code yet) lasts 15 minutes;
//  - a password change or reset, disabling the account or narrowing its access ends them all
//    (the user's session version moves on);
//  - an editor can end their other sessions (/editor/account/sessions).
// Only the SHA-256 of the token is stored. Every rule takes `now`, so tests can move the clock.
import crypto from "node:crypto";
import type { Db } from "../db";
import { recordAudit } from "../editor/audit";

export const SESSION_RULES = { absoluteHours: 8, idleMinutes: 60, secondStepMinutes: 15 } as const;

export type SessionRecord = {
  id: bigint;
  userId: number;
  method: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** Null until the second step (an authenticator code or a recovery code) is passed. */
  secondFactorAt: Date | null;
  userAgent: string;
  address: string;
  pendingTotpSecret: string | null;
  unsavedRecoveryCodes: string | null;
};

export type NewSession = { userId: number; sessionVersion: number; method: "password" | "oidc"; userAgent: string; address: string };

const hashOf = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** "Firefox on Windows"-style: enough to recognise a session in the list, never the whole header. */
export function describeUserAgent(header: string | null | undefined): string {
  const ua = header ?? "";
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /Chrome\/|Chromium\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : /curl\//i.test(ua)
            ? "curl"
            : "A browser";
  const os = /Windows/.test(ua)
    ? " on Windows"
    : /Android/.test(ua)
      ? " on Android"
      : /iPhone|iPad/.test(ua)
        ? " on iOS"
        : /Mac OS X/.test(ua)
          ? " on macOS"
          : /Linux/.test(ua)
            ? " on Linux"
            : "";
  return `${browser}${os}`;
}

/** Starts a session after the first step (password, or the identity provider); returns the token for the cookie. */
export async function createSession(db: Db, session: NewSession, now = new Date()): Promise<{ token: string; id: bigint }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const row = await db.editorSession.create({
    data: {
      tokenHash: hashOf(token),
      userId: session.userId,
      sessionVersion: session.sessionVersion,
      method: session.method,
      createdAt: now,
      lastSeenAt: now,
      userAgent: session.userAgent.slice(0, 100),
      address: session.address.slice(0, 64),
    },
  });
  return { token, id: row.id };
}

type Row = {
  id: bigint;
  user_id: number;
  method: string;
  created_at: Date;
  last_seen_at: Date;
  second_factor_at: Date | null;
  user_agent: string;
  address: string;
  pending_totp_secret: string | null;
  unsaved_recovery_codes: string | null;
};

const record = (r: Row): SessionRecord => ({
  id: r.id,
  userId: r.user_id,
  method: r.method,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  secondFactorAt: r.second_factor_at,
  userAgent: r.user_agent,
  address: r.address,
  pendingTotpSecret: r.pending_totp_secret,
  unsavedRecoveryCodes: r.unsaved_recovery_codes,
});

/** The earliest a session may have begun, or been last used, to be alive at `now`. */
function limits(now: Date) {
  return {
    createdAfter: new Date(now.getTime() - SESSION_RULES.absoluteHours * 3_600_000),
    seenAfter: new Date(now.getTime() - SESSION_RULES.idleMinutes * 60_000),
    halfDoneAfter: new Date(now.getTime() - SESSION_RULES.secondStepMinutes * 60_000),
  };
}

/**
 * The live session the token belongs to, or null: not ended, within both lifetimes, its
 * account enabled and its session version current. With `touch`, it counts as activity (the
 * idle timeout starts again); the session endpoint reads without touching.
 */
export async function findSession(
  db: Db,
  token: string,
  now = new Date(),
  options: { touch: boolean } = { touch: true },
): Promise<SessionRecord | null> {
  if (!token || token.length > 100) return null;
  const { createdAfter, seenAfter, halfDoneAfter } = limits(now);
  const rows = await db.$queryRaw<Row[]>`
    WITH live AS (
      SELECT s.id FROM editor_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_hash = ${hashOf(token)} AND s.ended_at IS NULL
        AND s.created_at > ${createdAfter} AND s.last_seen_at > ${seenAfter}
        AND (s.second_factor_at IS NOT NULL OR s.created_at > ${halfDoneAfter})
        AND s.session_version = u.session_version AND u.disabled_at IS NULL
    )
    UPDATE editor_session s SET last_seen_at = CASE WHEN ${options.touch} THEN GREATEST(s.last_seen_at, ${now}) ELSE s.last_seen_at END
    FROM live WHERE s.id = live.id
    RETURNING s.id, s.user_id, s.method, s.created_at, s.last_seen_at, s.second_factor_at, s.user_agent, s.address,
      s.pending_totp_secret, s.unsaved_recovery_codes`;
  return rows[0] ? record(rows[0]) : null;
}

/** When the session will end at the latest (its absolute lifetime), for the session endpoint's "expires". */
export function sessionExpires(session: SessionRecord): Date {
  return new Date(session.createdAt.getTime() + SESSION_RULES.absoluteHours * 3_600_000);
}

export async function endSession(db: Db, token: string, reason: string, now = new Date()): Promise<SessionRecord | null> {
  const rows = await db.$queryRaw<Row[]>`
    UPDATE editor_session SET ended_at = ${now}, ended_reason = ${reason}
    WHERE token_hash = ${hashOf(token)} AND ended_at IS NULL
    RETURNING id, user_id, method, created_at, last_seen_at, second_factor_at, user_agent, address, pending_totp_secret, unsaved_recovery_codes`;
  return rows[0] ? record(rows[0]) : null;
}

/** Ends one of the user's sessions by its id (from the list of sessions); false if it was not theirs or not live. */
async function endSessionById(db: Db, userId: number, id: bigint, reason: string, now = new Date()): Promise<boolean> {
  const ended = await db.editorSession.updateMany({ where: { id, userId, endedAt: null }, data: { endedAt: now, endedReason: reason } });
  return ended.count === 1;
}

/** Ends every other session of the user; returns how many. */
async function endOtherSessions(db: Db, userId: number, keepId: bigint, reason: string, now = new Date()): Promise<number> {
  const ended = await db.editorSession.updateMany({
    where: { userId, endedAt: null, id: { not: keepId } },
    data: { endedAt: now, endedReason: reason },
  });
  return ended.count;
}

/** The user's live sessions, newest first. */
export async function listSessions(db: Db, userId: number, now = new Date()): Promise<SessionRecord[]> {
  const { createdAfter, seenAfter, halfDoneAfter } = limits(now);
  const rows = await db.$queryRaw<Row[]>`
    SELECT s.id, s.user_id, s.method, s.created_at, s.last_seen_at, s.second_factor_at, s.user_agent, s.address,
      s.pending_totp_secret, s.unsaved_recovery_codes
    FROM editor_session s JOIN app_user u ON u.id = s.user_id
    WHERE s.user_id = ${userId} AND s.ended_at IS NULL AND s.created_at > ${createdAfter} AND s.last_seen_at > ${seenAfter}
      AND (s.second_factor_at IS NOT NULL OR s.created_at > ${halfDoneAfter}) AND s.session_version = u.session_version
    ORDER BY s.created_at DESC`;
  return rows.map(record);
}

/**
 * An editor ends one of their other sessions (`which` is its id) or all of them; audited with the
 * address it was done from. Returns how many ended.
 */
export async function endOwnSessions(
  db: Db,
  current: { userId: number; sessionId: bigint },
  which: bigint | "others",
  address: string,
  now = new Date(),
): Promise<number> {
  const ended =
    which === "others"
      ? await endOtherSessions(db, current.userId, current.sessionId, "ended_by_user", now)
      : which !== current.sessionId && (await endSessionById(db, current.userId, which, "ended_by_user", now))
        ? 1
        : 0;
  if (ended > 0)
    await recordAudit(db, {
      actorId: current.userId,
      action: "auth.session_end",
      entityType: "user",
      entityId: current.userId,
      after: { sessions: which === "others" ? "all others" : String(which), ended, address },
    });
  return ended;
}
