"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { subscribe } from "@/server/subscriptions";
import { clientAddressOf } from "@/server/front-door";
import { nextFormState, valuesOf } from "@/server/editor/form-actions";
import type { FormState } from "@/schemas/form-state";

export async function subscribeAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const result = await subscribe(getDb(), values, clientAddressOf(await headers()));
  if (!result.ok) return nextFormState(prev, values, result.kind === "invalid" ? { errors: result.errors } : { message: result.message });
  redirect("/subscribe/check-email");
}
