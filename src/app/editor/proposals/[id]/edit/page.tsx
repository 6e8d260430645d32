// The author changes a returned proposal and sends it for checking again.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { getProposal } from "@/server/editor/queries";
import { canResubmit } from "@/domain/permissions";
import { deadlineRevisionPayloadSchema, statusUpdatePayloadSchema, type FormValues } from "@/schemas/editor";
import { ActionForm, HiddenField, SubmitButton } from "@/components/editor/Form";
import { DeadlineRevisionFields, StatusUpdateFields } from "@/components/editor/proposal-fields";
import { Refused } from "@/components/editor/Refused";
import { BackLink, PageHeading } from "@/components/editor/ui";
import { resubmitProposalAction } from "./actions";

export const metadata: Metadata = { title: "Change a proposal" };

function defaultsOf(kind: "status_update" | "deadline_revision", payload: unknown): FormValues {
  if (kind === "status_update") {
    const p = statusUpdatePayloadSchema.safeParse(payload);
    if (!p.success) return {};
    const { status, note, confirmedOn, confirmed, occurred, evidence } = p.data;
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
  const p = deadlineRevisionPayloadSchema.safeParse(payload);
  if (!p.success) return {};
  const { label, precision, reason, effectiveOn, source } = p.data;
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
  const id = Number(rawId);
  const user = await requireUser(`/editor/proposals/${rawId}/edit`);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const proposal = await getProposal(getDb(), id);
  if (!proposal) notFound();
  const back = { href: `/editor/proposals/${id}`, label: "Back to the proposal" };
  const allowed = canResubmit(user, { authorId: proposal.author.id, state: proposal.state, commitment: proposal.ownership });
  if (!allowed.allowed) return <Refused title="You cannot change this proposal" reason={allowed.reason} back={back} />;
  return (
    <div className="md:w-3/4">
      <BackLink href={back.href}>{back.label}</BackLink>
      <PageHeading caption={proposal.commitment.title}>
        {proposal.kind === "status_update" ? "Change your status update" : "Change your new deadline"}
      </PageHeading>
      {proposal.reviewComment && (
        <div className="border-l-[10px] border-border pl-4 py-2 mb-8">
          <h2 className="font-bold">Comment from {proposal.reviewer?.name ?? "the reviewer"}</h2>
          <p className="whitespace-pre-wrap">{proposal.reviewComment}</p>
        </div>
      )}
      <ActionForm
        action={resubmitProposalAction}
        defaults={{ proposalId: String(proposal.id), version: String(proposal.version), ...defaultsOf(proposal.kind, proposal.payload) }}
      >
        <HiddenField name="proposalId" />
        <HiddenField name="version" />
        {proposal.kind === "status_update" ? <StatusUpdateFields /> : <DeadlineRevisionFields />}
        <SubmitButton>Send for checking again</SubmitButton>
      </ActionForm>
    </div>
  );
}
