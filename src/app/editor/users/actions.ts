"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { createUser, resetPassword, updateUser } from "@/server/editor/users";
import { resetTwoStep } from "@/server/auth/two-step";
import { failureState, nextFormState, sessionUser, valuesOf } from "@/server/editor/form-actions";
import type { FormState } from "@/schemas/form-state";

export async function createUserAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const result = await createUser(getDb(), await sessionUser(), values);
  if (!result.ok) return failureState(prev, result, values);
  return nextFormState(
    prev,
    { organisations: [] },
    {
      notice: {
        title: `Account created for ${result.value.email}`,
        lines: [
          "Give them this one-time password in a secure way. It is shown only once; they must choose their own password when they first sign in.",
        ],
        secret: result.value.oneTimePassword,
      },
    },
  );
}

export async function updateUserAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const result = await updateUser(getDb(), await sessionUser(), values);
  if (!result.ok) return failureState(prev, result, values);
  redirect(`/editor/users?notice=saved&user=${result.value.id}`);
}

export async function resetPasswordAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const result = await resetPassword(getDb(), await sessionUser(), values);
  if (!result.ok) return failureState(prev, result, values);
  return nextFormState(prev, values, {
    notice: {
      title: `New one-time password for ${result.value.email}`,
      lines: [
        "Their current sessions have ended. Give them this password in a secure way; it is shown only once and they must replace it when they sign in.",
      ],
      secret: result.value.oneTimePassword,
    },
  });
}

export async function resetTwoStepAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const result = await resetTwoStep(getDb(), await sessionUser(), values);
  if (!result.ok) return failureState(prev, result, values);
  return nextFormState(prev, values, {
    notice: {
      title: `Two-step verification reset for ${result.value.email}`,
      lines: ["Their sessions have ended. They set up an authenticator app again, with new recovery codes, when they next sign in."],
    },
  });
}
