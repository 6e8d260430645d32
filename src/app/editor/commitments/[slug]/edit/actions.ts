"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { updateCommitment, COMMITMENT_FIELD_LABELS } from "@/server/editor/commitments";
import { formOptions } from "@/server/editor/queries";
import { failureState, publicDataChanged, sessionUser, valuesOf } from "@/server/editor/form-actions";
import type { FormState } from "@/schemas/form-state";

export async function updateCommitmentAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const db = getDb();
  const result = await updateCommitment(db, await sessionUser(), values);
  if (result.ok) {
    publicDataChanged();
    redirect(`/editor/commitments/${result.value.slug}?notice=saved`);
  }
  if (result.kind === "conflict" && result.current && result.currentVersion) {
    // Show what changed meanwhile next to what this editor submitted; the form keeps their
    // values but is now based on the current version, so saving again is a deliberate choice.
    const { areas, organisations } = await formOptions(db);
    const areaName = (slug: string) => areas.find((a) => a.slug === slug)?.title ?? slug;
    const orgName = (slug: string) => organisations.find((o) => o.slug === slug)?.name ?? slug;
    const submittedList = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
    const shown: Record<keyof typeof COMMITMENT_FIELD_LABELS, [string, string]> = {
      title: [result.current.title ?? "", String(values.title ?? "")],
      summary: [result.current.summary ?? "", String(values.summary ?? "")],
      area: [areaName(result.current.area ?? ""), areaName(String(values.area ?? ""))],
      lead: [orgName(result.current.lead ?? ""), orgName(String(values.lead ?? ""))],
      supporting: [
        (result.current.supporting ?? "").split(", ").filter(Boolean).map(orgName).join(", ") || "None",
        submittedList(values.supporting).filter((s) => s !== values.lead).map(orgName).sort().join(", ") || "None",
      ],
    };
    const rows = (Object.keys(shown) as (keyof typeof shown)[])
      .map((k) => ({ label: COMMITMENT_FIELD_LABELS[k], current: shown[k][0], submitted: shown[k][1] }))
      .filter((r) => r.current.trim() !== r.submitted.trim());
    return failureState(prev, result, { ...values, version: String(result.currentVersion) }, {
      conflict: { message: result.message, rows, changedBy: result.changedBy ?? null, changedAt: result.changedAt ?? null },
    });
  }
  return failureState(prev, result, values);
}
