// The editor's table of proposals (dashboard, proposals list, a commitment's page).
import type { ProposalListItem } from "../../server/editor/queries";
import { formatDateTime } from "../../domain/dates";
import { DataTable, cellClass } from "../govuk/table";
import { EmptyState } from "./commitment-table";
import { ProposalStateTag, proposalTitle } from "./proposal-summary";

export function ProposalTable({
  id,
  rows,
  caption,
  empty,
  showAuthor = true,
}: {
  id: string;
  rows: ProposalListItem[];
  caption: string;
  empty: string;
  showAuthor?: boolean;
}) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <DataTable id={id} caption={caption} captionHidden head={["Proposal", "Commitment", ...(showAuthor ? ["Proposed by"] : []), "Proposed", "State"]}>
      {rows.map((p) => (
        <tr key={p.id}>
          <td className={cellClass}>
            <a href={`/editor/proposals/${p.id}`}>{proposalTitle(p)}</a>
          </td>
          <td className={cellClass}>{p.commitment.title}</td>
          {showAuthor && <td className={cellClass}>{p.author.name}</td>}
          <td className={cellClass}>{formatDateTime(p.createdAt)}</td>
          <td className={cellClass}>
            <ProposalStateTag state={p.state} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
