"use client";
// "Get emails about …": works as a plain HTML form without JavaScript (a server action), like the report form.
import { ActionForm, HiddenField, HoneypotField, RadiosField, SubmitButton, TextField } from "../editor/action-form";
import { FREQUENCY_LABELS, SUBSCRIPTION_FREQUENCIES } from "../../domain/subscriptions";
import type { FormAction } from "../../schemas/form-state";

export function SubscribeForm({ action, scope, slug }: { action: FormAction; scope: string; slug: string }) {
  return (
    <ActionForm action={action} defaults={{ scope, slug, frequency: "immediate" }}>
      <HiddenField name="scope" />
      <HiddenField name="slug" />
      <RadiosField
        name="frequency"
        legend="How often do you want emails?"
        options={SUBSCRIPTION_FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))}
      />
      <TextField
        name="email"
        label="Email address"
        hint="We send a link to confirm it. Nothing else is sent until you use that link."
        type="email"
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
      />
      <HoneypotField />
      <SubmitButton>Subscribe</SubmitButton>
    </ActionForm>
  );
}
