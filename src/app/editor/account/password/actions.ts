"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddressOf } from "@/server/front-door";
import { getDb } from "@/server/db";
import { changeOwnPassword } from "@/server/editor/users";
import { failureState, sessionUser, valuesOf } from "@/server/editor/form-actions";
import type { FormState } from "@/schemas/form-state";

export async function changePasswordAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const result = await changeOwnPassword(getDb(), await sessionUser({ allowPasswordChange: true }), values, {
    address: clientAddressOf(await headers()),
  });
  if (!result.ok) return failureState(prev, result, values);
  // Changing the password ends every session, this one included.
  redirect("/editor/sign-in?passwordChanged=1");
}
