import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { getEditorCommitment } from "@/server/editor/queries";
import { canPropose } from "@/domain/permissions";
import { ActionForm, HiddenField, SubmitButton } from "@/components/editor/action-form";
import { DeadlineRevisionFields } from "@/components/editor/proposal-fields";
import { Refused } from "@/components/editor/refused";
import { BackLink } from "@/components/govuk/back-link";
import { PageHeading } from "@/components/govuk/heading";
import { longDate } from "@/domain/dates";
import { proposeDeadlineRevisionAction } from "./actions";

export const metadata: Metadata = { title: "Propose a new deadline" };

export default async function ProposeDeadlinePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/editor/commitments/${slug}/deadline`);
  const commitment = await getEditorCommitment(getDb(), { slug });
  if (!commitment) notFound();
  const back = { href: `/editor/commitments/${slug}`, label: "Back to the commitment" };
  const allowed = canPropose(user, commitment.ownership);
  if (!allowed.allowed) return <Refused title="You cannot propose a new deadline for this commitment" reason={allowed.reason} back={back} />;
  const s = commitment.state;
  return (
    <div className="md:w-3/4">
      <BackLink href={back.href}>{back.label}</BackLink>
      <PageHeading caption={commitment.title}>Propose a new deadline</PageHeading>
      <p className="mb-2">
        The deadline now is <strong>{s.deadlineLabel ?? "not set"}</strong>
        {s.dueDate ? ` (due ${longDate(s.dueDate)})` : ""}. The old deadline stays in the commitment’s public history.
      </p>
      <p className="mb-8">A second editor or an admin checks your proposal before it is published.</p>
      <ActionForm action={proposeDeadlineRevisionAction} defaults={{ commitmentId: String(commitment.id) }}>
        <HiddenField name="commitmentId" />
        <DeadlineRevisionFields />
        <SubmitButton>Send for checking</SubmitButton>
      </ActionForm>
    </div>
  );
}
