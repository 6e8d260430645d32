import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { formOptions, getEditorCommitment } from "@/server/editor/queries";
import { canEditCommitment } from "@/domain/permissions";
import { ActionForm, HiddenField, SubmitButton } from "@/components/editor/action-form";
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
        Changes are published as soon as you save them, and recorded in the audit log. To change the status or the deadline, propose an update
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
        }}
      >
        <HiddenField name="commitmentId" />
        <HiddenField name="version" />
        <CommitmentFields areas={options.areas} organisations={options.organisations} />
        <SubmitButton>Save changes</SubmitButton>
      </ActionForm>
    </div>
  );
}
