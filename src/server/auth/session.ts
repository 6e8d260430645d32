// The signed-in editor for pages and server actions. The session cookie only says who signed in
// (user id and session version); everything else — role, organisations, whether the account is
// still enabled — is read from the database on every request.
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import crypto from "node:crypto";
import { appConfig } from "../../runtime/env";
import { getDb } from "../db";
import { isAdmin } from "../../domain/permissions";
import { loadActor, type EditorUser } from "../editor/actor";
import { authOptions, SIGN_IN_PATH, secureCookies } from "./options";

export async function currentUser(): Promise<EditorUser | null> {
  let session: { uid?: number; sv?: number } | null;
  try {
    session = (await getServerSession(authOptions)) as { uid?: number; sv?: number } | null;
  } catch {
    session = null;
  }
  if (!session?.uid) return null;
  return loadActor(getDb(), session.uid, session.sv);
}

export function signInUrl(callbackPath: string): string {
  return `${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(callbackPath)}`;
}

/**
 * For pages: the signed-in user, or a redirect to the sign-in page that comes back here. Someone
 * holding a one-time password is sent to choose their own first.
 */
export async function requireUser(callbackPath: string, options: { allowPasswordChange?: boolean } = {}): Promise<EditorUser> {
  const user = await currentUser();
  if (!user) redirect(signInUrl(callbackPath));
  if (user.mustChangePassword && !options.allowPasswordChange) redirect("/editor/account/password");
  return user;
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
  const expected = crypto
    .createHash("sha256")
    .update(`${token}${appConfig().NEXTAUTH_SECRET ?? ""}`)
    .digest("hex");
  return expected === hash ? token : null;
}
