import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { getEditorCommitment } from "@/server/editor/queries";
import { canPropose } from "@/domain/permissions";
import { statusLabel } from "@/domain/status";
import { ActionForm, HiddenField, SubmitButton } from "@/components/editor/action-form";
import { StatusUpdateFields } from "@/components/editor/proposal-fields";
import { Refused } from "@/components/editor/refused";
import { BackLink } from "@/components/govuk/back-link";
import { PageHeading } from "@/components/govuk/heading";
import { longDate } from "@/domain/dates";
import { proposeStatusUpdateAction } from "./actions";

export const metadata: Metadata = { title: "Propose a status update" };

export default async function ProposeStatusUpdatePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/editor/commitments/${slug}/status-update`);
  const commitment = await getEditorCommitment(getDb(), { slug });
  if (!commitment) notFound();
  const back = { href: `/editor/commitments/${slug}`, label: "Back to the commitment" };
  const allowed = canPropose(user, commitment.ownership);
  if (!allowed.allowed) return <Refused title="You cannot propose an update to this commitment" reason={allowed.reason} back={back} />;
  return (
    <div className="md:w-3/4">
      <BackLink href={back.href}>{back.label}</BackLink>
      <PageHeading caption={commitment.title}>Propose a status update</PageHeading>
      <p className="mb-2">
        The status now is <strong>{statusLabel(commitment.state.status)}</strong>
        {commitment.state.statusConfirmedOn ? `, confirmed on ${longDate(commitment.state.statusConfirmedOn)}` : ""}.
      </p>
      <p className="mb-8">A second editor or an admin checks your proposal before it is published.</p>
      <ActionForm action={proposeStatusUpdateAction} defaults={{ commitmentId: String(commitment.id) }}>
        <HiddenField name="commitmentId" />
        <StatusUpdateFields />
        <SubmitButton>Send for checking</SubmitButton>
      </ActionForm>
    </div>
  );
}
