import { DataTable, cellClass } from "./govuk/table";
import { Details } from "./govuk/details";
import { buildHref, type QueryValues } from "../domain/links";
import { SCORECARD_DEFINITIONS, defaultOrder, type ScorecardRow, type ScorecardSort, type SortOrder } from "../domain/scorecard";
import { longDate } from "../domain/dates";

const ORDER_WORDS: Record<SortOrder, "ascending" | "descending"> = { asc: "ascending", desc: "descending" };

/** "How we count": what each column of a scorecard counts, in the domain's words. */
export function HowWeCount({ asOf }: { asOf: string }) {
  return (
    <Details summary="How we count">
      <p className="mb-3">
        Each organisation’s scorecard counts the commitments it leads (named as lead owner by a published source) that had been announced by{" "}
        {longDate(asOf)}, as they stood on that date. Commitments named jointly to several organisations, and those an organisation only supports, are
        not counted. A commitment can count in more than one column, or in none (for example, in progress and not yet due).
      </p>
      <dl className="mb-3">
        {SCORECARD_DEFINITIONS.map((d) => (
          <div key={d.measure} className="mb-2">
            <dt className="font-bold">{d.label}</dt>
            <dd>{d.counts}</dd>
          </div>
        ))}
      </dl>
      <p>
        See the <a href="/methodology">methodology</a> for how deadlines, delivery dates and lateness are worked out.
      </p>
    </Details>
  );
}

type Column = { sort: ScorecardSort; label: string };
const COLUMNS: readonly Column[] = [
  { sort: "name", label: "Organisation" },
  { sort: "leads", label: "Leads" },
  ...SCORECARD_DEFINITIONS.map((d) => ({ sort: d.measure, label: d.label })),
];

/**
 * Every organisation's scorecard, sortable by each column with plain links (no JavaScript): the
 * current column's link reverses the order, the others sort largest first (names A to Z).
 */
export function ScorecardTable({
  rows,
  sort,
  order,
  path,
  params,
  linkParams,
}: {
  rows: readonly (ScorecardRow & { supports: number })[];
  sort: ScorecardSort;
  order: SortOrder;
  /** The page the sort links go to. */
  path: string;
  /** Parameters kept by the sort links (as-of date, version, area). */
  params: QueryValues;
  /** Parameters kept by the links to each organisation (as-of date, version). */
  linkParams: QueryValues;
}) {
  const head = COLUMNS.map((c) => {
    const next: SortOrder = c.sort === sort ? (order === "asc" ? "desc" : "asc") : defaultOrder(c.sort);
    const current = c.sort === sort;
    return (
      <a key={c.sort} href={`${buildHref(path, { ...params, sort: c.sort, order: next })}#scorecards`} data-sort={c.sort}>
        {c.label}
        {current ? <span className="sr-only"> (sorted {ORDER_WORDS[order]})</span> : <span className="sr-only"> (sort by this column)</span>}
        {current && <span aria-hidden="true">{order === "asc" ? " ▲" : " ▼"}</span>}
      </a>
    );
  });
  return (
    <DataTable
      id="scorecards"
      caption="Scorecards: the commitments each organisation leads"
      head={[...head.slice(0, 2), "Supports", ...head.slice(2)]}
      sortedColumn={{ index: COLUMNS.findIndex((c) => c.sort === sort) + (sort === "name" || sort === "leads" ? 0 : 1), order: ORDER_WORDS[order] }}
    >
      {rows.map((o) => (
        <tr key={o.slug} data-organisation={o.slug}>
          <td className={cellClass}>
            <a href={buildHref(`/organisations/${o.slug}`, linkParams)}>{o.name}</a>
            {o.abbreviation && <span className="text-secondary-ink"> ({o.abbreviation})</span>}
          </td>
          <td className={`${cellClass} tabular-nums`} data-measure="leads">
            {o.leads}
          </td>
          <td className={`${cellClass} tabular-nums`}>{o.supports}</td>
          {SCORECARD_DEFINITIONS.map((d) => (
            <td key={d.measure} className={`${cellClass} tabular-nums`} data-measure={d.measure}>
              {o[d.measure]}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

/** One organisation's scorecard as a summary list. */
export function OrganisationScorecard({ row }: { row: ScorecardRow }) {
  return (
    <dl className="mb-4 grid grid-cols-1 md:grid-cols-2 gap-x-8 max-w-3xl" data-scorecard={row.slug}>
      <div className="flex justify-between border-b border-border py-2">
        <dt>Leads</dt>
        <dd className="font-bold tabular-nums" data-measure="leads">
          {row.leads}
        </dd>
      </div>
      {SCORECARD_DEFINITIONS.map((d) => (
        <div key={d.measure} className="flex justify-between border-b border-border py-2">
          <dt>{d.label}</dt>
          <dd className="font-bold tabular-nums" data-measure={d.measure}>
            {row[d.measure]}
          </dd>
        </div>
      ))}
    </dl>
  );
}
