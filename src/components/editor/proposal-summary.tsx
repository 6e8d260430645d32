// Proposals as editors see them: a one-line title, their state as a tag, and what a proposal
// would publish next to what is published now. Payloads arrive parsed (src/server/editor/queries.ts).
import { payloadConfirmed, type CommitmentSnapshot, type DatedPayload } from "../../schemas/editor";
import { CommitmentCreateSummary, CommitmentEditSummary, CommitmentImportSummary, type Names } from "./commitment-proposal-summary";
import { precisionLabel } from "../../domain/deadline";
import { statusLabel } from "../../domain/status";
import { longDate } from "../../domain/dates";
import type { ProposalState } from "../../domain/permissions";
import type { CurrentStateRow, ProposalContent } from "../../server/editor/queries";
import { StatusTag, Tag } from "../govuk/tag";
import { SummaryList } from "../govuk/summary-list";
import { SourceLink } from "../govuk/source-link";

/** One line describing a proposal, for lists and its page's heading. */
export function proposalTitle(p: ProposalContent): string {
  if (p.kind === "commitment_create") return p.payload ? `New commitment: “${p.payload.title}”` : "New commitment";
  if (p.kind === "commitment_edit") return "Change to the commitment’s wording or owners";
  if (p.kind === "commitment_import") return p.payload ? `Import of ${p.payload.rows.length} new commitments` : "Import of new commitments";
  if (p.kind === "status_update") return p.payload ? `Status update: ${statusLabel(p.payload.status)}` : "Status update";
  return p.payload ? `Deadline revision: “${p.payload.label}”` : "Deadline revision";
}

const STATE_TAGS = {
  pending: { tone: "blue", label: "Waiting for check" },
  returned: { tone: "orange", label: "Returned" },
  approved: { tone: "green", label: "Published" },
  withdrawn: { tone: "grey", label: "Withdrawn" },
} as const;

export function ProposalStateTag({ state }: { state: ProposalState }) {
  return <Tag tone={STATE_TAGS[state].tone}>{STATE_TAGS[state].label}</Tag>;
}

/** A date as the evidence words it, with the period it stands for: "June 2026 (month: 1 June 2026 to 30 June 2026)"; a day as itself. */
function periodText(d: DatedPayload): string {
  return d.from === d.to ? longDate(d.from) : `${d.label} (${precisionLabel(d.precision).toLowerCase()}: ${longDate(d.from)} to ${longDate(d.to)})`;
}

export function ProposalSummary({
  proposal,
  current,
  commitment,
  names,
}: {
  proposal: ProposalContent;
  current: CurrentStateRow | null;
  commitment: CommitmentSnapshot | null;
  names: Names;
}) {
  if (!proposal.payload) return <p>This proposal cannot be read.</p>;
  if (proposal.kind === "commitment_create") return <CommitmentCreateSummary payload={proposal.payload} names={names} />;
  if (proposal.kind === "commitment_edit") return <CommitmentEditSummary payload={proposal.payload} current={commitment} names={names} />;
  if (proposal.kind === "commitment_import") return <CommitmentImportSummary payload={proposal.payload} names={names} />;
  if (!current) return <p>This proposal cannot be read.</p>;
  if (proposal.kind === "status_update") {
    const p = proposal.payload;
    return (
      <SummaryList
        rows={[
          {
            key: "Status now",
            value: (
              <>
                <StatusTag code={current.status} />
                {current.statusConfirmedOn ? ` since ${longDate(current.statusConfirmedOn)}` : ""}
              </>
            ),
          },
          { key: "Proposed status", value: <StatusTag code={p.status} /> },
          { key: "What happened", value: p.note },
          { key: "When it happened", value: p.occurred ? periodText(p.occurred) : "Not stated by the evidence" },
          { key: "Progress confirmed", value: periodText(payloadConfirmed(p)) },
          { key: "Evidence", value: <SourceLink source={p.evidence} showUrl /> },
        ]}
      />
    );
  }
  const p = proposal.payload;
  return (
    <SummaryList
      rows={[
        {
          key: "Deadline now",
          value: current.deadlineLabel
            ? `${current.deadlineLabel}${current.dueDate ? ` (due ${longDate(current.dueDate)})` : " (no due date)"}`
            : "None",
        },
        { key: "Proposed deadline", value: `${p.label} (${precisionLabel(p.precision).toLowerCase()})` },
        { key: "Due date", value: p.dueDate ? longDate(p.dueDate) : "No due date (open)" },
        { key: "Reason", value: p.reason },
        { key: "Takes effect", value: p.effectiveOn ? longDate(p.effectiveOn) : "On the day it is published" },
        { key: "Source", value: <SourceLink source={p.source} showUrl /> },
      ]}
    />
  );
}
