import { PUBLIC_STATUS_DEFINITIONS } from "../domain/status";
import { MAX_QUERY_LENGTH, type CommitmentQuery } from "../schemas/commitment-query";
import type { QueryValues } from "../domain/links";
import type { PageError } from "../schemas/errors";
import { Button } from "./govuk/button";
import { Checkboxes } from "./govuk/checkboxes";
import { Details } from "./govuk/details";
import { Radios } from "./govuk/radios";
import { Select } from "./govuk/select";
import { TextInput } from "./govuk/text-input";
import { DateInput } from "./govuk/date-input";
import { AsOfInput, errorFor } from "./as-of-form";

type Props = {
  values: Record<string, string[]>;
  errors: readonly PageError[];
  areas: { slug: string; title: string }[];
  organisations: { slug: string; name: string }[];
  sort: string;
  hasQuery: boolean;
  /** Kept when the reader chose a page size in the address. */
  pageSize?: number;
  /** Kept as they are when the form is sent: the version of the record being viewed. */
  hidden?: Record<string, string | undefined>;
  /** Where the form goes: /commitments, or another view of the same filters (/timeline, which has no sort). */
  action?: "/commitments" | "/timeline";
};

/** The filters of a commitment query as GET parameters, for links that keep them (/commitments and /timeline). */
export function filterQuery(f: Omit<CommitmentQuery, "asOf" | "asOfGiven" | "page" | "pageSize" | "sort">): QueryValues {
  return {
    q: f.q,
    status: f.status,
    overdue: f.overdue === undefined ? undefined : String(f.overdue),
    missed: f.missed === undefined ? undefined : String(f.missed),
    area: f.area,
    organisation: f.organisation,
    due_after: f.dueAfter,
    due_before: f.dueBefore,
  };
}

const DATE_HINT = "For example, 31 12 2026";

/**
 * The /commitments filters: one plain GET form, so every combination is a shareable URL and it
 * works with JavaScript turned off. Less-used groups fold away unless they are in use.
 */
export function CommitmentFilters({ values, errors, areas, organisations, sort, hasQuery, pageSize, hidden = {}, action = "/commitments" }: Props) {
  const error = (field: string) => errorFor(errors, field);
  const first = (field: string) => values[field]?.[0] ?? "";
  const list = (field: string) => values[field] ?? [];
  const inUse = (...fields: string[]) => fields.some((f) => list(f).length > 0 || Boolean(error(f)));
  const sortOptions = [
    { value: "due", label: "Due date (soonest first)" },
    { value: "overdue", label: "Most overdue first" },
    { value: "updated", label: "Recently updated" },
    ...(hasQuery ? [{ value: "relevance", label: "Best match" }] : []),
  ];
  return (
    <form method="get" action={action} role="search" aria-label="Filter commitments" className="border-2 border-border p-4 mb-8">
      <h2 className="text-xl font-bold mb-4">Filter commitments</h2>
      {pageSize !== undefined && <input type="hidden" name="page_size" value={pageSize} />}
      {Object.entries(hidden).map(([name, v]) => (v ? <input key={name} type="hidden" name={name} value={v} /> : null))}
      <TextInput
        name="q"
        type="search"
        label="Search"
        hint={`Words from the title or summary, for example “digital ID” (up to ${MAX_QUERY_LENGTH} characters)`}
        value={first("q")}
        error={error("q")}
        inputMode="search"
        spellCheck={false}
      />
      <Checkboxes
        name="status"
        legend="Status"
        options={PUBLIC_STATUS_DEFINITIONS.map((d) => ({ value: d.code, label: d.label }))}
        value={list("status")}
        error={error("status")}
      />
      <Details summary="Overdue" open={inUse("overdue")}>
        <Radios
          name="overdue"
          legend={<span className="sr-only">Overdue</span>}
          options={[
            { value: "", label: "Show all" },
            { value: "true", label: "Overdue only" },
            { value: "false", label: "Not overdue" },
          ]}
          value={error("overdue") ? "" : first("overdue")}
          error={error("overdue")}
        />
      </Details>
      <Details summary="Missed a deadline" open={inUse("missed")}>
        <Radios
          name="missed"
          legend={<span className="sr-only">Missed a deadline</span>}
          hint="Any deadline that passed unmet, even if it was later moved or the commitment was delivered late"
          options={[
            { value: "", label: "Show all" },
            { value: "true", label: "Missed at least one deadline" },
            { value: "false", label: "Never missed a deadline" },
          ]}
          value={error("missed") ? "" : first("missed")}
          error={error("missed")}
        />
      </Details>
      <Details summary="Area" open={inUse("area")}>
        <Checkboxes
          name="area"
          legend={<span className="sr-only">Area</span>}
          options={areas.map((a) => ({ value: a.slug, label: a.title }))}
          value={list("area")}
          error={error("area")}
        />
      </Details>
      <Details summary="Organisation" open={inUse("organisation")}>
        <Checkboxes
          name="organisation"
          legend={<span className="sr-only">Organisation</span>}
          hint="Lead or supporting owner"
          options={organisations.map((o) => ({ value: o.slug, label: o.name }))}
          value={list("organisation")}
          error={error("organisation")}
        />
      </Details>
      <Details summary="Due date" open={inUse("due_after", "due_before")}>
        <DateInput name="due_after" label="Due on or after" hint={DATE_HINT} value={first("due_after")} error={error("due_after")} />
        <DateInput name="due_before" label="Due on or before" hint={DATE_HINT} value={first("due_before")} error={error("due_before")} />
      </Details>
      <Details summary="View a past date" open={inUse("as_of")}>
        <AsOfInput value={first("as_of")} error={error("as_of")} />
      </Details>
      {action === "/commitments" && <Select name="sort" label="Sort by" options={sortOptions} value={sort} error={error("sort")} />}
      <Button>Apply filters</Button>
      <p className="text-base">
        <a href="/commitments">Clear filters</a>
      </p>
    </form>
  );
}
