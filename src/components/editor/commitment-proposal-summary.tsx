// What a proposal for a new commitment, or for an edit of one, will publish: field by field, the
// published value next to the one the proposal publishes (issue 12: the reviewer sees exactly
// what will be published).
import type { CommitmentCreatePayload, CommitmentEditPayload, CommitmentImportPayload, CommitmentSnapshot } from "../../schemas/editor";
import { precisionLabel } from "../../domain/deadline";
import { longDate } from "../../domain/dates";
import { DataTable } from "../govuk/table";
import { SummaryList } from "../govuk/summary-list";
import { SourceLink } from "../govuk/source-link";

export type Names = { areas: Record<string, string>; organisations: Record<string, string> };

const LABELS: Record<keyof CommitmentSnapshot, string> = {
  title: "Title",
  summary: "Summary",
  area: "Area",
  lead: "Lead organisation",
  supporting: "Supporting organisations",
};

function shown(key: keyof CommitmentSnapshot, value: CommitmentSnapshot[keyof CommitmentSnapshot] | undefined, names: Names): string {
  if (value === undefined) return "";
  if (key === "area") return names.areas[value as string] ?? String(value);
  if (key === "lead") return value ? (names.organisations[value as string] ?? String(value)) : "Not named in published sources";
  if (key === "supporting") return (value as string[]).map((s) => names.organisations[s] ?? s).join(", ") || "None";
  return String(value);
}

const cell = "align-top border-b border-border py-2 pr-2 md:pr-4 whitespace-pre-wrap";

export function CommitmentEditSummary({
  payload,
  current,
  names,
}: {
  payload: CommitmentEditPayload;
  current: CommitmentSnapshot | null;
  names: Names;
}) {
  const keys = (Object.keys(LABELS) as (keyof CommitmentSnapshot)[]).filter((k) => payload.changes[k] !== undefined);
  return (
    <>
      <DataTable id="proposed-changes" caption="What will change" head={["Field", "Published now", "Will be published"]}>
        {keys.map((k) => (
          <tr key={k}>
            <th scope="row" className={`${cell} text-left font-bold`}>
              {LABELS[k]}
            </th>
            <td className={cell}>{shown(k, current ? current[k] : payload.base[k], names)}</td>
            <td className={cell}>{shown(k, payload.changes[k], names)}</td>
          </tr>
        ))}
      </DataTable>
      <p className="mb-6">Every other field stays as it is published now.</p>
      <SummaryList
        rows={[
          { key: "Reason for the change", value: payload.reason },
          {
            key: "Source",
            value: payload.source ? <SourceLink source={payload.source} showUrl /> : "None given (a change of the tracker’s own wording)",
          },
        ]}
      />
    </>
  );
}

export function CommitmentCreateSummary({ payload, names }: { payload: CommitmentCreatePayload; names: Names }) {
  return (
    <SummaryList
      rows={[
        { key: "Title", value: payload.title },
        { key: "Summary", value: payload.summary },
        { key: "Web address", value: `/commitments/${payload.slug}` },
        { key: "Area", value: shown("area", payload.area, names) },
        { key: "Lead organisation", value: shown("lead", payload.lead, names) },
        { key: "Supporting organisations", value: shown("supporting", payload.supporting, names) },
        { key: "Announced", value: longDate(payload.announcedOn) },
        {
          key: "Deadline",
          value: `${payload.deadline.label} (${precisionLabel(payload.deadline.precision).toLowerCase()}${payload.deadline.dueDate ? `, due ${longDate(payload.deadline.dueDate)}` : ", no due date"})`,
        },
        { key: "Announced in", value: <SourceLink source={payload.source} showUrl /> },
      ]}
    />
  );
}

/** A CSV file of new commitments, reviewed as a whole: every row as it will be published, none of which is published yet. */
export function CommitmentImportSummary({ payload, names }: { payload: CommitmentImportPayload; names: Names }) {
  return (
    <>
      <p className="mb-4">
        Approving publishes all {payload.rows.length} commitments at once; returning it publishes none. Every field is new: none of these commitments
        is published yet.
      </p>
      <DataTable
        id="import-rows"
        caption="What will be published, row by row"
        head={["Row", "Title and summary", "Web address", "Area", "Owners", "Announced", "Deadline", "Source"]}
      >
        {payload.rows.map((row) => (
          <tr key={row.line}>
            <th scope="row" className={`${cell} text-left font-bold`}>
              {row.line}
            </th>
            <td className={cell}>
              <span className="font-bold block">{row.title}</span>
              {row.summary}
            </td>
            <td className={cell}>/commitments/{row.slug}</td>
            <td className={cell}>{shown("area", row.area, names)}</td>
            <td className={cell}>
              Lead: {shown("lead", row.lead, names)}
              <span className="block">Supporting: {shown("supporting", row.supporting, names)}</span>
            </td>
            <td className={cell}>{longDate(row.announcedOn)}</td>
            <td className={cell}>
              {row.deadline.label} ({precisionLabel(row.deadline.precision).toLowerCase()}
              {row.deadline.dueDate ? `, due ${longDate(row.deadline.dueDate)}` : ", no due date"})
            </td>
            <td className={cell}>
              <SourceLink source={row.source} showUrl />
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
