// Shared by the editor's server actions (src/app/editor/**/actions.ts), which stay thin: read
// the session, call a mutation of src/server/editor with the form's values, then either
// redirect on success or hand the failure back to the form as a FormState.
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { currentUser, signInUrl } from "../auth/session";
import { editorReturnPath } from "../auth/return-path";
import { expirePublicData } from "../cache-tags";
import type { EditorUser } from "./actor";
import type { Failure } from "./result";
import type { FormState } from "../../schemas/form-state";
import { formValues, type FormValues } from "../../schemas/editor";

/**
 * The signed-in user, or null. Mutations refuse null themselves; actions then send people to
 * sign in. Someone still holding a one-time password can do nothing but change it.
 */
export async function sessionUser(options: { allowPasswordChange?: boolean } = {}): Promise<EditorUser | null> {
  const user = await currentUser();
  if (user?.mustChangePassword && !options.allowPasswordChange) return null;
  return user;
}

/** The editor page the form was posted from (to come back to after signing in). */
async function returnPath(): Promise<string> {
  return editorReturnPath((await headers()).get("referer"));
}

export function valuesOf(formData: FormData): FormValues {
  return formValues(formData.entries());
}

/** Password fields are never sent back to the browser. */
const SECRET_FIELDS = ["password", "currentPassword", "newPassword", "confirmPassword"];

export async function failureState(prev: FormState, failure: Failure, values: FormValues, extra: Partial<FormState> = {}): Promise<FormState> {
  if (failure.kind === "unauthenticated") redirect(signInUrl(await returnPath()));
  const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELDS.includes(k)));
  const base: FormState = { seq: prev.seq + 1, errors: [], values: kept, ...extra };
  switch (failure.kind) {
    case "invalid":
      return { ...base, errors: failure.errors };
    case "conflict":
      return { ...base, message: failure.message };
    default:
      return { ...base, message: failure.message };
  }
}

/** After publishing (or changing what the public sees): public pages refresh at once. */
export function publicDataChanged(): void {
  expirePublicData();
}
