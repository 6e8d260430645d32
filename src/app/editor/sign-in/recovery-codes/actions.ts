"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getDb } from "@/server/db";
import { currentSession, signInUrl } from "@/server/auth/session";
import { forgetUnsavedRecoveryCodes } from "@/server/auth/two-step";
import { editorReturnPath } from "@/server/auth/return-path";
import { valuesOf } from "@/server/editor/form-actions";
import type { FormState } from "@/schemas/form-state";

/** "I have saved my recovery codes": they are never shown again, and the editor goes on. */
export async function savedRecoveryCodesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const callbackUrl = editorReturnPath(typeof values.callbackUrl === "string" ? values.callbackUrl : null);
  const current = await currentSession();
  if (!current) redirect(signInUrl(callbackUrl));
  await forgetUnsavedRecoveryCodes(getDb(), current.session);
  revalidatePath("/editor", "layout");
  redirect(callbackUrl);
}
