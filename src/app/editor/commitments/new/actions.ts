"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { createCommitment } from "@/server/editor/commitments";
import { failureState, sessionUser, valuesOf } from "@/server/editor/form-actions";
import type { FormState } from "@/schemas/form-state";

export async function createCommitmentAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const result = await createCommitment(getDb(), await sessionUser(), values);
  if (!result.ok) return failureState(prev, result, values);
  redirect(`/editor/proposals/${result.value.id}?notice=proposed`);
}
