// Proposals: waiting for my check, my own, and the latest decisions I can see.
import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { myProposals, reviewQueue } from "@/server/editor/queries";
import { ProposalTable } from "@/components/editor/proposal-table";
import { PageHeading } from "@/components/govuk/heading";

export const metadata: Metadata = { title: "Proposals" };

export default async function ProposalsPage() {
  const user = await requireUser("/editor/proposals");
  const db = getDb();
  const [queue, mine] = await Promise.all([reviewQueue(db, user), myProposals(db, user)]);
  return (
    <>
      <PageHeading>Proposals</PageHeading>
      <h2 className="text-2xl font-bold mb-2">Waiting for your check ({queue.length})</h2>
      <ProposalTable id="awaiting-review-table" rows={queue} caption="Waiting for your check" empty="Nothing is waiting for your check." />
      <h2 className="text-2xl font-bold mb-2">Your open proposals ({mine.open.length})</h2>
      <ProposalTable
        id="open-proposals-table"
        rows={mine.open}
        caption="Your open proposals"
        empty="You have no open proposals."
        showAuthor={false}
      />
      <h2 className="text-2xl font-bold mb-2">Your recent proposals</h2>
      <ProposalTable
        id="recent-proposals-table"
        rows={mine.recent}
        caption="Your proposals published or withdrawn in the last 30 days"
        empty="None in the last 30 days."
        showAuthor={false}
      />
    </>
  );
}
