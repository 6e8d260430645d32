"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { resubmitProposal } from "@/server/editor/proposals";
import { failureState, sessionUser, valuesOf } from "@/server/editor/form-actions";
import type { FormState } from "@/schemas/form-state";

export async function resubmitProposalAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const result = await resubmitProposal(getDb(), await sessionUser(), values);
  if (result.ok) redirect(`/editor/proposals/${result.value.id}?notice=resubmitted`);
  if (result.kind === "conflict") redirect(`/editor/proposals/${String(values.proposalId)}?notice=stale`);
  return failureState(prev, result, values);
}
