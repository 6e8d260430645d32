// The signed-in editor for pages and server actions. The session cookie only carries the token of
// a server-side session (sessions.ts); each request finds its record (still live, and counted as
// activity) and reads the user — role, organisations, whether the account is still enabled —
// from the database. A session is fully signed in once the second step is passed (two-step.ts).
import { cache } from "react";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import crypto from "node:crypto";
import { getDb } from "../db";
import { isAdmin } from "../../domain/permissions";
import { loadActor, type EditorUser } from "../editor/actor";
import { SIGN_IN_PATH, secureCookies } from "./options";
import { findSession, type SessionRecord } from "./sessions";
import { sessionSecret } from "./secret";

const TWO_STEP_PATH = "/editor/sign-in/two-step";
export const RECOVERY_CODES_PATH = "/editor/sign-in/recovery-codes";

const SESSION_COOKIE = secureCookies ? "__Secure-next-auth.session-token" : "next-auth.session-token";

export type CurrentSession = { session: SessionRecord; user: EditorUser; token: string };

/** This request's live session (fully signed in or not), once per request. */
export const currentSession = cache(async (): Promise<CurrentSession | null> => {
  const cookie = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!cookie) return null;
  let token: unknown;
  try {
    token = (await decode({ token: cookie, secret: sessionSecret() }))?.sid;
  } catch {
    return null;
  }
  if (typeof token !== "string") return null;
  const session = await findSession(getDb(), token);
  if (!session) return null;
  const user = await loadActor(getDb(), session.userId);
  return user ? { session, user, token } : null;
});

/** The fully signed-in editor (password and second step), or null. */
export async function currentUser(): Promise<EditorUser | null> {
  const current = await currentSession();
  return current?.session.secondFactorAt ? current.user : null;
}

export function signInUrl(callbackPath: string): string {
  return `${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(callbackPath)}`;
}

/**
 * For pages: the signed-in user, or a redirect to the step of signing in still to do (the
 * password, the two-step code, saving new recovery codes), which comes back here. Someone
 * holding a one-time password is sent to choose their own first.
 */
export async function requireUser(callbackPath: string, options: { allowPasswordChange?: boolean } = {}): Promise<EditorUser> {
  const current = await currentSession();
  if (!current) redirect(signInUrl(callbackPath));
  const back = `callbackUrl=${encodeURIComponent(callbackPath)}`;
  if (!current.session.secondFactorAt) redirect(`${TWO_STEP_PATH}?${back}`);
  if (current.session.unsavedRecoveryCodes) redirect(`${RECOVERY_CODES_PATH}?${back}`);
  if (current.user.mustChangePassword && !options.allowPasswordChange) redirect("/editor/account/password");
  return current.user;
}

/** For admin-only pages: a signed-in editor who is not an admin gets a 404, not a hint. */
export async function requireAdmin(callbackPath: string): Promise<EditorUser> {
  const user = await requireUser(callbackPath);
  if (!isAdmin(user)) notFound();
  return user;
}

const CSRF_COOKIE = secureCookies ? "__Host-next-auth.csrf-token" : "next-auth.csrf-token";

/**
 * next-auth's CSRF token for the plain HTML forms that post to /api/auth (sign in, sign out),
 * read from its double-submit cookie. Null when the browser has no valid cookie yet: the page
 * then sends the browser through /api/auth/signin once, which sets it.
 */
export async function csrfToken(): Promise<string | null> {
  const value = (await cookies()).get(CSRF_COOKIE)?.value;
  if (!value) return null;
  const [token, hash] = value.split("|");
  if (!token || !hash) return null;
  const expected = crypto.createHash("sha256").update(`${token}${sessionSecret()}`).digest("hex");
  return expected === hash ? token : null;
}
