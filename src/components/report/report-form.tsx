"use client";
// The reader's report form: works as a plain HTML form without JavaScript (a server action).
import { ActionForm, HiddenField, HoneypotField, SubmitButton, TextAreaField, TextField } from "../editor/action-form";
import { REPORT_WHAT_MAX } from "../../domain/reports";
import type { FormAction } from "../../schemas/form-state";

export function ReportForm({ action, page }: { action: FormAction; page: string }) {
  return (
    <ActionForm action={action} defaults={{ page }}>
      <HiddenField name="page" />
      <TextAreaField
        name="what"
        label="What is wrong?"
        hint={`For example, a date, an owner or a status that a published source says differently. Up to ${REPORT_WHAT_MAX.toLocaleString("en-GB")} characters. Do not include personal information.`}
        rows={6}
      />
      <TextField
        name="sourceUrl"
        label="Link to a source that shows it (optional)"
        hint="A published page anyone can read, starting with https://"
        type="url"
        inputMode="url"
        spellCheck={false}
      />
      <TextField
        name="email"
        label="Your email address (optional)"
        hint="Only if you would like a reply. We use it for nothing else, and it is never published."
        type="email"
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
      />
      <HoneypotField />
      <SubmitButton>Send report</SubmitButton>
    </ActionForm>
  );
}
