"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getDb } from "@/server/db";
import { currentSession, RECOVERY_CODES_PATH, signInUrl } from "@/server/auth/session";
import { confirmEnrolment, isEnrolled, passSecondStep, STEP_MESSAGES } from "@/server/auth/two-step";
import { editorReturnPath } from "@/server/auth/return-path";
import { clientAddressOf } from "@/server/front-door";
import { nextFormState, valuesOf } from "@/server/editor/form-actions";
import type { FormState } from "@/schemas/form-state";

/** The second step of signing in: set up an authenticator app (first time), or enter its code or a recovery code. */
export async function twoStepAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const callbackUrl = editorReturnPath(typeof values.callbackUrl === "string" ? values.callbackUrl : null);
  const current = await currentSession();
  if (!current) redirect(signInUrl(callbackUrl));
  if (current.session.secondFactorAt) redirect(callbackUrl);
  const db = getDb();
  const context = { address: clientAddressOf(await headers()) };
  const code = typeof values.code === "string" ? values.code : "";
  const enrolled = await isEnrolled(db, current.session.userId);
  const result = enrolled ? await passSecondStep(db, current.session, code, context) : await confirmEnrolment(db, current.session, code, context);
  if (!result.ok)
    return nextFormState(prev, { callbackUrl: values.callbackUrl ?? "" }, { errors: [{ field: "code", message: STEP_MESSAGES[result.error] }] });
  // The editor's menu (in the layout, which a redirect from an action would otherwise keep) now shows them signed in.
  revalidatePath("/editor", "layout");
  redirect(enrolled ? callbackUrl : `${RECOVERY_CODES_PATH}?${new URLSearchParams({ callbackUrl })}`);
}
