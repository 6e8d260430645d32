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
import { getReportForProposal } from "@/server/reports";
import { InsetText } from "@/components/govuk/inset-text";

export const metadata: Metadata = { title: "Propose a status update" };

export default async function ProposeStatusUpdatePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ report?: string | string[] }>;
}) {
  const { slug } = await params;
  const user = await requireUser(`/editor/commitments/${slug}/status-update`);
  // Opened from an accepted report: what the reader said and the source they gave, to check and complete.
  const reportId = Number((await searchParams).report);
  const report = Number.isInteger(reportId) && reportId > 0 ? await getReportForProposal(getDb(), user, reportId) : null;
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
      {report && (
        <InsetText>
          <p>Pre-filled from report {report.id}, which a reader sent about this page. Check every field against the source before you send it.</p>
        </InsetText>
      )}
      <ActionForm
        action={proposeStatusUpdateAction}
        defaults={{
          commitmentId: String(commitment.id),
          ...(report ? { note: `A reader reported: ${report.what}`.slice(0, 2000), evidenceUrl: report.sourceUrl ?? "" } : {}),
        }}
      >
        <HiddenField name="commitmentId" />
        <StatusUpdateFields />
        <SubmitButton>Send for checking</SubmitButton>
      </ActionForm>
    </div>
  );
}
