"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { reviewReport } from "@/server/reports";
import { failureState, sessionUser, valuesOf } from "@/server/editor/form-actions";
import type { FormState } from "@/schemas/form-state";

export async function reviewReportAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const result = await reviewReport(getDb(), await sessionUser(), values);
  if (!result.ok) return failureState(prev, result, values);
  // Accepted about a commitment: on to a proposal pre-filled from the report.
  if (result.value.decision === "accept" && result.value.commitmentSlug) {
    redirect(`/editor/commitments/${result.value.commitmentSlug}/status-update?report=${result.value.id}`);
  }
  redirect(`/editor/reports?notice=${result.value.decision === "accept" ? "accepted" : "rejected"}`);
}
