// One commitment, as editors see it: its current state, what they can do, and its proposals.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { getEditorCommitment, listProposals } from "@/server/editor/queries";
import { getUncheckedSince } from "@/server/queries/commitment-detail";
import { UncheckedMark } from "@/components/unchecked-mark";
import { canWorkOn } from "@/domain/permissions";
import { precisionLabel } from "@/domain/deadline";
import { ProposalTable } from "@/components/editor/proposal-table";
import { BackLink } from "@/components/govuk/back-link";
import { ButtonLink } from "@/components/govuk/button";
import { ImportantBanner } from "@/components/govuk/notification-banner";
import { PageHeading } from "@/components/govuk/heading";
import { StatusTag } from "@/components/govuk/tag";
import { SummaryList } from "@/components/govuk/summary-list";
import { formatDateTime, longDate } from "@/domain/dates";
import { LEAD_NOT_NAMED } from "@/domain/ownership";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: `Commitment ${slug}` };
}

export default async function EditorCommitmentPage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/editor/commitments/${slug}`);
  const db = getDb();
  const commitment = await getEditorCommitment(db, { slug });
  if (!commitment) notFound();
  const [proposals, uncheckedSince] = await Promise.all([listProposals(db, { commitmentId: commitment.id, take: 50 }), getUncheckedSince(db, slug)]);
  const unchecked = proposals.filter((p) => p.forced && !p.forced.checked);
  const open = proposals.filter((p) => p.state === "pending" || p.state === "returned");
  const decided = proposals.filter((p) => p.state === "approved" || p.state === "withdrawn").slice(0, 10);
  const mayWork = canWorkOn(user, commitment.ownership).allowed;
  const s = commitment.state;
  return (
    <>
      <BackLink href="/editor/commitments">All commitments</BackLink>
      <PageHeading caption={commitment.area.title}>{commitment.title}</PageHeading>
      <UncheckedMark since={uncheckedSince} />
      {unchecked.length > 0 && (
        <p className="mb-6">
          Check it:{" "}
          {unchecked.map((p, i) => (
            <span key={p.id}>
              {i > 0 && ", "}
              <a href={`/editor/proposals/${p.id}`}>proposal {p.id}</a>
            </span>
          ))}
          .
        </p>
      )}
      {!mayWork && (
        <ImportantBanner heading="You can read this commitment but not change it">
          <p>Only editors of the organisations that own or support it can propose changes.</p>
        </ImportantBanner>
      )}
      <SummaryList
        rows={[
          {
            key: "Status",
            value: (
              <>
                <StatusTag code={s.status} />
                {s.statusConfirmedOn ? ` confirmed on ${longDate(s.statusConfirmedOn)}` : " (no update yet)"}
              </>
            ),
          },
          {
            key: "Deadline",
            value: s.deadlineLabel
              ? `${s.deadlineLabel} (${s.deadlinePrecision ? precisionLabel(s.deadlinePrecision).toLowerCase() : ""}${s.dueDate ? `, due ${longDate(s.dueDate)}` : ", no due date"})${s.overdue ? " – overdue" : ""}`
              : "None",
          },
          { key: "Lead organisation", value: commitment.lead?.name ?? LEAD_NOT_NAMED },
          { key: "Supporting organisations", value: commitment.supporting.length ? commitment.supporting.map((o) => o.name).join(", ") : "None" },
          { key: "Summary", value: commitment.summary },
          { key: "Announced", value: longDate(commitment.announcedOn) },
          { key: "Last edited", value: `${formatDateTime(commitment.updatedAt)} (version ${commitment.version})` },
        ]}
      />
      {mayWork && (
        <div className="mb-4">
          <ButtonLink href={`/editor/commitments/${slug}/status-update`}>Propose a status update</ButtonLink>
          <ButtonLink href={`/editor/commitments/${slug}/deadline`} variant="secondary">
            Propose a new deadline
          </ButtonLink>
          <ButtonLink href={`/editor/commitments/${slug}/edit`} variant="secondary">
            Edit title, summary or owners
          </ButtonLink>
        </div>
      )}
      <p className="mb-8">
        <a href={`/commitments/${slug}`}>See the public page for this commitment</a>
      </p>
      <h2 className="text-2xl font-bold mb-2">Proposals waiting for a check or returned</h2>
      <ProposalTable
        id="open-proposals"
        rows={open}
        caption="Open proposals for this commitment"
        empty="There are no open proposals for this commitment."
      />
      <h2 className="text-2xl font-bold mb-2">Recent decisions</h2>
      <ProposalTable
        id="decided-proposals"
        rows={decided}
        caption="Recently published or withdrawn proposals"
        empty="No proposals for this commitment have been published or withdrawn yet."
      />
    </>
  );
}
