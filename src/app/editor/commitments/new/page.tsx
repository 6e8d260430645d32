import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { formOptions } from "@/server/editor/queries";
import { PRECISIONS, precisionLabel } from "@/domain/deadline";
import { ActionForm, DateField, RadiosField, SubmitButton, TextField } from "@/components/editor/action-form";
import { CommitmentFields } from "@/components/editor/commitment-fields";
import { EvidenceFields } from "@/components/editor/proposal-fields";
import { BackLink } from "@/components/govuk/back-link";
import { PageHeading } from "@/components/govuk/heading";
import { createCommitmentAction } from "./actions";

export const metadata: Metadata = { title: "Create a commitment" };

export default async function NewCommitmentPage() {
  const user = await requireUser("/editor/commitments/new");
  const options = await formOptions(getDb());
  const mine = user.organisations[0]?.slug;
  return (
    <div className="md:w-3/4">
      <BackLink href="/editor/commitments">All commitments</BackLink>
      <PageHeading>Create a commitment</PageHeading>
      <p className="mb-8">
        {user.role === "admin" ? "" : "One of your organisations must be the lead. "}A second editor checks the commitment before it is published; its
        first deadline is the one published with it.
      </p>
      <ActionForm action={createCommitmentAction} defaults={{ lead: user.role === "admin" ? "" : (mine ?? "") }}>
        <CommitmentFields areas={options.areas} organisations={options.organisations} />
        <TextField
          name="slug"
          label="Web address name (optional)"
          hint="Lower-case words joined by hyphens, used in the commitment’s web address. Leave empty to make one from the title. It cannot be changed later."
          width="medium"
          spellCheck={false}
        />
        <DateField name="announcedOn" label="Date it was announced" />
        <TextField
          name="deadlineLabel"
          label="Deadline, as published"
          hint="In the words government used, for example “by the end of 2026”, or “no deadline published”."
          width="medium"
        />
        <RadiosField
          name="deadlinePrecision"
          legend="How precise is the deadline?"
          options={PRECISIONS.map((p) => ({ value: p, label: precisionLabel(p) }))}
        />
        <EvidenceFields prefix="source" legend="Where it was announced" />
        <SubmitButton>Send for checking</SubmitButton>
      </ActionForm>
    </div>
  );
}
