// The editor's dashboard: changes waiting for my check, my own proposals, my commitments, and
// those not confirmed recently (src/domain/attention.ts).
import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { listEditorCommitments, myProposals, reviewQueue } from "@/server/editor/queries";
import { STALE_AFTER_DAYS } from "@/domain/attention";
import { CommitmentTable } from "@/components/editor/commitment-table";
import { ProposalTable } from "@/components/editor/proposal-table";
import { ButtonLink } from "@/components/govuk/button";
import { PageHeading } from "@/components/govuk/heading";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/editor");
  const db = getDb();
  const scope = user.role === "admin" ? "all" : "mine";
  const [queue, mine, commitments, stale] = await Promise.all([
    reviewQueue(db, user),
    myProposals(db, user),
    listEditorCommitments(db, user, { scope }),
    listEditorCommitments(db, user, { scope, staleOnly: true }),
  ]);
  const returned = mine.open.filter((p) => p.state === "returned");
  return (
    <>
      <PageHeading caption={user.name}>Dashboard</PageHeading>
      <ButtonLink href="/editor/commitments">Find a commitment to update</ButtonLink>

      <h2 className="text-2xl font-bold mb-2" id="awaiting-review">
        Waiting for your check ({queue.length})
      </h2>
      <p className="text-secondary-ink mb-4">Proposals by other editors. Nothing is published until a second editor or an admin checks it.</p>
      <ProposalTable id="awaiting-review-table" rows={queue} caption="Proposals waiting for your check" empty="Nothing is waiting for your check." />

      <h2 className="text-2xl font-bold mb-2" id="my-proposals">
        Your proposals ({mine.open.length})
      </h2>
      {returned.length > 0 && (
        <p className="font-bold mb-4">
          {returned.length === 1 ? "1 proposal was" : `${returned.length} proposals were`} returned to you with a comment.
        </p>
      )}
      <ProposalTable
        id="my-proposals-table"
        rows={mine.open}
        caption="Your proposals waiting for a check or returned to you"
        empty="You have no proposals waiting for a check."
        showAuthor={false}
      />

      <h2 className="text-2xl font-bold mb-2" id="not-confirmed">
        Not confirmed for more than {STALE_AFTER_DAYS} days ({stale.length})
      </h2>
      <p className="text-secondary-ink mb-4">
        Open commitments whose progress has not been confirmed for more than {STALE_AFTER_DAYS} days, the longest first. Their public pages say so
        too.
      </p>
      <CommitmentTable
        id="not-confirmed-table"
        rows={stale}
        caption={`Commitments not confirmed for more than ${STALE_AFTER_DAYS} days`}
        empty="Every open commitment has been confirmed recently."
        showConfirmed
      />

      <h2 className="text-2xl font-bold mb-2" id="my-commitments">
        {scope === "all" ? "All commitments" : "Your organisations’ commitments"} ({commitments.length})
      </h2>
      <CommitmentTable
        id="my-commitments-table"
        rows={commitments}
        caption={scope === "all" ? "All commitments" : "Your organisations’ commitments"}
        empty="Your organisations do not own or support any commitments yet."
      />
    </>
  );
}
