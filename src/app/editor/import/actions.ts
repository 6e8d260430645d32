"use server";
import { getDb } from "@/server/db";
import { importFormState } from "@/server/editor/import-form";
import { sessionUser, valuesOf } from "@/server/editor/form-actions";
import type { FormState } from "@/schemas/form-state";

export async function importAction(prev: FormState, formData: FormData): Promise<FormState> {
  const { state } = await importFormState(getDb(), await sessionUser(), prev, valuesOf(formData), formData.get("file"));
  return state;
}
