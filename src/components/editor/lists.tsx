// Tables of commitments and proposals for the editor's dashboard and lists.
import type { EditorCommitmentRow, ProposalListItem } from "../../server/editor/queries";
import { describeProposal } from "../../server/editor/proposals";
import { EmptyState, ProposalStateTag, StatusTag, dateTime, longDate } from "./ui";

export function CommitmentTable({ rows, caption, empty, showConfirmed = false }: { rows: EditorCommitmentRow[]; caption: string; empty: string; showConfirmed?: boolean }) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <div className="overflow-x-auto mb-8" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-base">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink text-left">
            <th scope="col" className="py-2 pr-4">Commitment</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            <th scope="col" className="py-2 pr-4">{showConfirmed ? "Last confirmed" : "Due"}</th>
            <th scope="col" className="py-2">Waiting for check</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-border align-top">
              <td className="py-2 pr-4">
                <a href={`/editor/commitments/${r.slug}`}>{r.title}</a>
                <span className="block text-secondary-ink text-sm">
                  {r.areaTitle} · {r.leadName}
                </span>
              </td>
              <td className="py-2 pr-4">
                <StatusTag code={r.status} />
                {r.overdue && <span className="block text-sm font-bold text-error mt-1">Overdue</span>}
              </td>
              <td className="py-2 pr-4">
                {showConfirmed ? (r.statusConfirmedOn ? longDate(r.statusConfirmedOn) : `Never (announced ${longDate(r.lastConfirmedOrAnnounced)})`) : r.dueDate ? longDate(r.dueDate) : r.deadlineLabel ? `${r.deadlineLabel} (no date)` : "–"}
              </td>
              <td className="py-2">{r.pendingProposals > 0 ? r.pendingProposals : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProposalTable({ rows, caption, empty, showAuthor = true }: { rows: ProposalListItem[]; caption: string; empty: string; showAuthor?: boolean }) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <div className="overflow-x-auto mb-8" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-base">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink text-left">
            <th scope="col" className="py-2 pr-4">Proposal</th>
            <th scope="col" className="py-2 pr-4">Commitment</th>
            {showAuthor && <th scope="col" className="py-2 pr-4">Proposed by</th>}
            <th scope="col" className="py-2 pr-4">Proposed</th>
            <th scope="col" className="py-2">State</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} className="border-b border-border align-top">
              <td className="py-2 pr-4">
                <a href={`/editor/proposals/${p.id}`}>{describeProposal(p.kind, p.payload)}</a>
              </td>
              <td className="py-2 pr-4">{p.commitment.title}</td>
              {showAuthor && <td className="py-2 pr-4">{p.author.name}</td>}
              <td className="py-2 pr-4">{dateTime(p.createdAt)}</td>
              <td className="py-2">
                <ProposalStateTag state={p.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
