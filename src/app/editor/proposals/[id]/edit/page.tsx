// The author changes a returned proposal and sends it for checking again.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { loadProposalEditPage } from "@/server/editor/pages";
import type { ProposalContent } from "@/server/editor/queries";
import type { FormValues } from "@/schemas/editor";
import { ActionForm, HiddenField, SubmitButton } from "@/components/editor/action-form";
import { DeadlineRevisionFields, StatusUpdateFields } from "@/components/editor/proposal-fields";
import { Refused } from "@/components/editor/refused";
import { BackLink } from "@/components/govuk/back-link";
import { PageHeading } from "@/components/govuk/heading";
import { InsetText } from "@/components/govuk/inset-text";
import { resubmitProposalAction } from "./actions";

export const metadata: Metadata = { title: "Change a proposal" };

/** The form's fields as the proposal has them: its dates in the words the evidence used. */
function defaultsOf(proposal: ProposalContent): FormValues {
  if (!proposal.payload) return {};
  if (proposal.kind === "status_update") {
    const { status, note, confirmedOn, confirmed, occurred, evidence } = proposal.payload;
    return {
      status,
      note,
      occurred: occurred?.label ?? "",
      confirmedOn: confirmed?.label ?? confirmedOn,
      evidenceUrl: evidence.url,
      evidenceTitle: evidence.title,
      evidencePublisher: evidence.publisher,
      evidencePublishedOn: evidence.publishedOn,
    };
  }
  if (proposal.kind !== "deadline_revision") return {};
  const { label, precision, reason, effectiveOn, source } = proposal.payload;
  return {
    label,
    precision,
    reason,
    effectiveOn: effectiveOn ?? "",
    sourceUrl: source.url,
    sourceTitle: source.title,
    sourcePublisher: source.publisher,
    sourcePublishedOn: source.publishedOn,
  };
}

export default async function EditProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const user = await requireUser(`/editor/proposals/${rawId}/edit`);
  const data = await loadProposalEditPage(getDb(), user, rawId);
  if (data.kind === "not-found") notFound();
  const { proposal, decision } = data;
  const back = { href: `/editor/proposals/${proposal.id}`, label: "Back to the proposal" };
  if (!decision.allowed) return <Refused title="You cannot change this proposal" reason={decision.reason} back={back} />;
  return (
    <div className="md:w-3/4">
      <BackLink href={back.href}>{back.label}</BackLink>
      <PageHeading caption={proposal.commitment.title}>
        {proposal.kind === "status_update" ? "Change your status update" : "Change your new deadline"}
      </PageHeading>
      {proposal.reviewComment && (
        <InsetText>
          <h2 className="font-bold">Comment from {proposal.reviewer?.name ?? "the reviewer"}</h2>
          <p className="whitespace-pre-wrap">{proposal.reviewComment}</p>
        </InsetText>
      )}
      <ActionForm
        action={resubmitProposalAction}
        defaults={{ proposalId: String(proposal.id), version: String(proposal.version), ...defaultsOf(proposal) }}
      >
        <HiddenField name="proposalId" />
        <HiddenField name="version" />
        {proposal.kind === "status_update" ? <StatusUpdateFields /> : <DeadlineRevisionFields />}
        <SubmitButton>Send for checking again</SubmitButton>
      </ActionForm>
    </div>
  );
}
