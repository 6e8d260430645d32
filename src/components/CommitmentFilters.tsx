import { STATUS_DEFINITIONS } from "../domain/status";
import { MAX_QUERY_LENGTH } from "../schemas/commitment-query";
import { Button, Checkboxes, FilterSection, Radios, Select, TextInput } from "./fields";
import type { PageError } from "./ErrorSummary";
import { AS_OF_HINT } from "./AsOfForm";

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
};

const DATE_HINT = "Year-month-day, for example 2026-12-31";

/**
 * The /commitments filters: one plain GET form, so every combination is a shareable URL and it
 * works with JavaScript turned off. Less-used groups fold away unless they are in use.
 */
export function CommitmentFilters({ values, errors, areas, organisations, sort, hasQuery, pageSize, hidden = {} }: Props) {
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const first = (field: string) => values[field]?.[0] ?? "";
  const list = (field: string) => values[field] ?? [];
  const sortOptions = [
    { value: "due", label: "Due date (soonest first)" },
    { value: "overdue", label: "Most overdue first" },
    { value: "updated", label: "Recently updated" },
    ...(hasQuery ? [{ value: "relevance", label: "Best match" }] : []),
  ];
  return (
    <form method="get" action="/commitments" role="search" aria-label="Filter commitments" className="border-2 border-border p-4 mb-8">
      <h2 className="text-xl font-bold mb-4">Filter commitments</h2>
      {pageSize !== undefined && <input type="hidden" name="page_size" value={pageSize} />}
      {Object.entries(hidden).map(([name, v]) => (v ? <input key={name} type="hidden" name={name} value={v} /> : null))}
      <TextInput
        id="q"
        name="q"
        type="search"
        label="Search"
        hint={`Words from the title or summary, for example “digital ID” (up to ${MAX_QUERY_LENGTH} characters)`}
        value={first("q")}
        error={error("q")}
        inputMode="search"
      />
      <Checkboxes
        id="status"
        name="status"
        legend="Status"
        options={STATUS_DEFINITIONS.map((d) => ({ value: d.code, label: d.label }))}
        selected={list("status")}
        error={error("status")}
      />
      <FilterSection title="Overdue" open={list("overdue").length > 0 || Boolean(error("overdue"))}>
        <Radios
          id="overdue"
          name="overdue"
          legend={<span className="sr-only">Overdue</span>}
          options={[
            { value: "", label: "Show all" },
            { value: "true", label: "Overdue only" },
            { value: "false", label: "Not overdue" },
          ]}
          selected={error("overdue") ? "" : first("overdue")}
          error={error("overdue")}
        />
      </FilterSection>
      <FilterSection title="Missed a deadline" open={list("missed").length > 0 || Boolean(error("missed"))}>
        <Radios
          id="missed"
          name="missed"
          legend={<span className="sr-only">Missed a deadline</span>}
          hint="Any deadline that passed unmet, even if it was later moved or the commitment was delivered late"
          options={[
            { value: "", label: "Show all" },
            { value: "true", label: "Missed at least one deadline" },
            { value: "false", label: "Never missed a deadline" },
          ]}
          selected={error("missed") ? "" : first("missed")}
          error={error("missed")}
        />
      </FilterSection>
      <FilterSection title="Area" open={list("area").length > 0 || Boolean(error("area"))}>
        <Checkboxes
          id="area"
          name="area"
          legend={<span className="sr-only">Area</span>}
          options={areas.map((a) => ({ value: a.slug, label: a.title }))}
          selected={list("area")}
          error={error("area")}
        />
      </FilterSection>
      <FilterSection title="Organisation" open={list("organisation").length > 0 || Boolean(error("organisation"))}>
        <Checkboxes
          id="organisation"
          name="organisation"
          legend={<span className="sr-only">Organisation</span>}
          hint="Lead or supporting owner"
          options={organisations.map((o) => ({ value: o.slug, label: o.name }))}
          selected={list("organisation")}
          error={error("organisation")}
        />
      </FilterSection>
      <FilterSection
        title="Due date"
        open={list("due_after").length > 0 || list("due_before").length > 0 || Boolean(error("due_after") || error("due_before"))}
      >
        <TextInput
          id="due_after"
          name="due_after"
          label="Due on or after"
          hint={DATE_HINT}
          value={first("due_after")}
          error={error("due_after")}
          width="date"
          inputMode="numeric"
        />
        <TextInput
          id="due_before"
          name="due_before"
          label="Due on or before"
          hint={DATE_HINT}
          value={first("due_before")}
          error={error("due_before")}
          width="date"
          inputMode="numeric"
        />
      </FilterSection>
      <FilterSection title="View a past date" open={list("as_of").length > 0 || Boolean(error("as_of"))}>
        <TextInput
          id="as_of"
          name="as_of"
          label="Show the tracker as it stood on"
          hint={AS_OF_HINT}
          value={first("as_of")}
          error={error("as_of")}
          width="date"
          inputMode="numeric"
        />
      </FilterSection>
      <Select id="sort" name="sort" label="Sort by" options={sortOptions} selected={sort} error={error("sort")} />
      <Button>Apply filters</Button>
      <p className="text-base">
        <a href="/commitments">Clear filters</a>
      </p>
    </form>
  );
}
