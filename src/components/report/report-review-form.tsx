"use client";
import { ActionForm, HiddenField, RadiosField, SubmitButton, TextAreaField } from "../editor/action-form";
import type { FormAction } from "../../schemas/form-state";

/** Accept (with the correction) or reject (with the reason) one report. */
export function ReportReviewForm({ action, reportId }: { action: FormAction; reportId: number }) {
  return (
    <ActionForm action={action} defaults={{ reportId: String(reportId) }} id={`review-${reportId}`}>
      <HiddenField name="reportId" />
      <RadiosField
        name="decision"
        legend="What do you want to do?"
        options={[
          { value: "accept", label: "Accept: the report is right", hint: "For a commitment, a proposal pre-filled from the report opens next." },
          { value: "reject", label: "Reject", hint: "For example, no published source supports it." },
        ]}
      />
      <TextAreaField
        name="note"
        label="The correction, or why you reject it"
        hint="To accept: what the tracker corrects, in a sentence; it is published on the Corrections page. To reject: the reason, kept in the record."
        rows={3}
      />
      <SubmitButton>Save decision</SubmitButton>
    </ActionForm>
  );
}
