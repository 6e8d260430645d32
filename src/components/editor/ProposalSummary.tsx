// What a proposal would publish, next to what is published now.
import { deadlineRevisionPayloadSchema, payloadConfirmed, statusUpdatePayloadSchema } from "../../schemas/editor";
import { precisionLabel } from "../../domain/deadline";
import type { CommitmentState } from "../../server/editor/queries";
import { StatusTag, SummaryList, longDate } from "./ui";

function SourceValue({ source }: { source: { url: string; title: string; publisher: string; publishedOn: string } }) {
  return (
    <>
      <a href={source.url} rel="noopener noreferrer nofollow" className="break-all">
        {source.title}
      </a>
      <span className="block text-secondary-ink">
        {source.publisher}, {longDate(source.publishedOn)}
      </span>
      <span className="block text-secondary-ink text-sm break-all">{source.url}</span>
    </>
  );
}

export function ProposalSummary({
  kind,
  payload,
  current,
}: {
  kind: "status_update" | "deadline_revision";
  payload: unknown;
  current: CommitmentState;
}) {
  if (kind === "status_update") {
    const parsed = statusUpdatePayloadSchema.safeParse(payload);
    if (!parsed.success) return <p>This proposal cannot be read.</p>;
    const p = parsed.data;
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
          {
            key: "When it happened",
            value: p.occurred
              ? `${p.occurred.label} (${precisionLabel(p.occurred.precision).toLowerCase()}: ${longDate(p.occurred.from)} to ${longDate(p.occurred.to)})`
              : "Not stated by the evidence",
          },
          {
            key: "Progress confirmed",
            value: (() => {
              const c = payloadConfirmed(p);
              return c.from === c.to
                ? longDate(c.from)
                : `${c.label} (${precisionLabel(c.precision).toLowerCase()}: ${longDate(c.from)} to ${longDate(c.to)})`;
            })(),
          },
          { key: "Evidence", value: <SourceValue source={p.evidence} /> },
        ]}
      />
    );
  }
  const parsed = deadlineRevisionPayloadSchema.safeParse(payload);
  if (!parsed.success) return <p>This proposal cannot be read.</p>;
  const p = parsed.data;
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
        { key: "Source", value: <SourceValue source={p.source} /> },
      ]}
    />
  );
}
