"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { checkForcedPublication, forcePublishProposal, reviewProposal, withdrawProposal } from "@/server/editor/proposals";
import { failureState, sessionUser, valuesOf } from "@/server/editor/form-actions";
import type { FormState } from "@/schemas/form-state";

export async function reviewProposalAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const result = await reviewProposal(getDb(), await sessionUser(), values);
  if (result.ok) redirect(`/editor/proposals/${result.value.id}?notice=${result.value.decision === "approve" ? "approved" : "returned"}`);
  // Someone else decided first (or the author changed it): show the proposal as it is now.
  if (result.kind === "conflict") redirect(`/editor/proposals/${String(values.proposalId)}?notice=stale`);
  return failureState(prev, result, values);
}

export async function withdrawProposalAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const result = await withdrawProposal(getDb(), await sessionUser(), values);
  if (result.ok) redirect(`/editor/proposals/${result.value.id}?notice=withdrawn`);
  if (result.kind === "conflict") redirect(`/editor/proposals/${String(values.proposalId)}?notice=stale`);
  return failureState(prev, result, values);
}

export async function forcePublishAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const result = await forcePublishProposal(getDb(), await sessionUser(), values);
  if (result.ok) redirect(`/editor/proposals/${result.value.id}?notice=forced`);
  if (result.kind === "conflict") redirect(`/editor/proposals/${String(values.proposalId)}?notice=stale`);
  return failureState(prev, result, values);
}

export async function checkForcedAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const result = await checkForcedPublication(getDb(), await sessionUser(), values);
  if (result.ok) redirect(`/editor/proposals/${result.value.id}?notice=checked`);
  if (result.kind === "conflict") redirect(`/editor/proposals/${String(values.proposalId)}?notice=stale`);
  return failureState(prev, result, values);
}
