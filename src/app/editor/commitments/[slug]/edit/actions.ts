"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { updateCommitment } from "@/server/editor/commitments";
import { commitmentConflictState, failureState, sessionUser, valuesOf } from "@/server/editor/form-actions";
import type { FormState } from "@/schemas/form-state";

export async function updateCommitmentAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const db = getDb();
  const result = await updateCommitment(db, await sessionUser(), values);
  if (result.ok) redirect(`/editor/proposals/${result.value.id}?notice=proposed`);
  if (result.kind === "conflict") return commitmentConflictState(db, prev, result, values);
  return failureState(prev, result, values);
}
