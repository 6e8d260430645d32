import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { formOptions, getEditorCommitment } from "@/server/editor/queries";
import { canEditCommitment } from "@/domain/permissions";
import { ActionForm, HiddenField, SubmitButton, TextAreaField } from "@/components/editor/action-form";
import { BaseSupportingFields, OptionalSourceFields } from "@/components/editor/edit-commitment-fields";
import { CommitmentFields } from "@/components/editor/commitment-fields";
import { Refused } from "@/components/editor/refused";
import { BackLink } from "@/components/govuk/back-link";
import { PageHeading } from "@/components/govuk/heading";
import { updateCommitmentAction } from "./actions";

export const metadata: Metadata = { title: "Edit a commitment" };

export default async function EditCommitmentPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/editor/commitments/${slug}/edit`);
  const db = getDb();
  const commitment = await getEditorCommitment(db, { slug });
  if (!commitment) notFound();
  const back = { href: `/editor/commitments/${slug}`, label: "Back to the commitment" };
  const allowed = canEditCommitment(user, commitment.ownership);
  if (!allowed.allowed) return <Refused title="You cannot edit this commitment" reason={allowed.reason} back={back} />;
  const options = await formOptions(db);
  return (
    <div className="md:w-3/4">
      <BackLink href={back.href}>{back.label}</BackLink>
      <PageHeading caption={commitment.title}>Edit title, summary and owners</PageHeading>
      <p className="mb-8">
        Your change is sent to a second editor, who checks it before it is published. Only the fields you change are proposed. A change of the title
        or summary is shown on the public page with the earlier wording and your reason. To change the status or the deadline, propose an update
        instead.
      </p>
      <ActionForm
        action={updateCommitmentAction}
        defaults={{
          commitmentId: String(commitment.id),
          version: String(commitment.version),
          title: commitment.title,
          summary: commitment.summary,
          area: commitment.area.slug,
          lead: commitment.lead?.slug ?? "",
          supporting: commitment.supporting.map((o) => o.slug),
          baseTitle: commitment.title,
          baseSummary: commitment.summary,
          baseArea: commitment.area.slug,
          baseLead: commitment.lead?.slug ?? "",
          baseSupporting: commitment.supporting.map((o) => o.slug),
        }}
      >
        <HiddenField name="commitmentId" />
        <HiddenField name="version" />
        <HiddenField name="baseTitle" />
        <HiddenField name="baseSummary" />
        <HiddenField name="baseArea" />
        <HiddenField name="baseLead" />
        <BaseSupportingFields slugs={commitment.supporting.map((o) => o.slug)} />
        <CommitmentFields areas={options.areas} organisations={options.organisations} />
        <TextAreaField name="reason" label="Why is it changing?" hint="Shown on the public page with the earlier wording." rows={3} />
        <OptionalSourceFields />
        <SubmitButton>Send for checking</SubmitButton>
      </ActionForm>
    </div>
  );
}
