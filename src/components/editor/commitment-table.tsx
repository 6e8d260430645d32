// The editor's table of commitments (dashboard and commitments list).
import type { EditorCommitmentRow } from "../../server/editor/queries";
import { longDate } from "../../domain/dates";
import { DataTable, cellClass } from "../govuk/table";
import { StatusTag } from "../govuk/tag";

/** What a list says when it has nothing in it. */
export function EmptyState({ children }: { children: React.ReactNode }) {
  return <p className="text-secondary-ink mb-6">{children}</p>;
}

export function CommitmentTable({
  id,
  rows,
  caption,
  empty,
  showConfirmed = false,
}: {
  id: string;
  rows: EditorCommitmentRow[];
  caption: string;
  empty: string;
  showConfirmed?: boolean;
}) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <DataTable id={id} caption={caption} captionHidden head={["Commitment", "Status", showConfirmed ? "Last confirmed" : "Due", "Waiting for check"]}>
      {rows.map((r) => (
        <tr key={r.id}>
          <td className={cellClass}>
            <a href={`/editor/commitments/${r.slug}`}>{r.title}</a>
            <span className="block text-secondary-ink text-sm">
              {r.areaTitle} · {r.leadName}
            </span>
          </td>
          <td className={cellClass}>
            <StatusTag code={r.status} />
            {r.overdue && <span className="block text-sm font-bold text-error mt-1">Overdue</span>}
          </td>
          <td className={cellClass}>
            {showConfirmed
              ? r.statusConfirmedOn
                ? longDate(r.statusConfirmedOn)
                : `Never (announced ${longDate(r.lastConfirmedOrAnnounced)})`
              : r.dueDate
                ? longDate(r.dueDate)
                : r.deadlineLabel
                  ? `${r.deadlineLabel} (no date)`
                  : "–"}
          </td>
          <td className={cellClass}>{r.pendingProposals > 0 ? r.pendingProposals : "–"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
