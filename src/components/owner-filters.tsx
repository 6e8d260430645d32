import type { PageError } from "../schemas/errors";
import { Button } from "./govuk/button";
import { Select } from "./govuk/select";
import { AsOfInput, errorFor } from "./as-of-form";

/** What a page's loader gives the form: the lists to choose from, the valid choices made, and the values as typed with their problems. */
export type OwnerFilterState = {
  areas: { slug: string; title: string }[];
  organisations: { slug: string; name: string }[];
  area: readonly string[];
  organisation: readonly string[];
  values: Record<string, string[]>;
  errors: readonly PageError[];
};

/**
 * Area, organisation and as-of filters as one plain GET form (used by /missed and /changes).
 * `hidden` fields are kept as they are when the form is sent: the version of the record being viewed.
 */
export function OwnerFilters({
  action,
  label,
  page,
  hidden = {},
}: {
  action: string;
  label: string;
  page: OwnerFilterState;
  hidden?: Record<string, string | undefined>;
}) {
  const { areas, organisations, errors } = page;
  return (
    <form method="get" action={action} aria-label={label} className="no-print border-2 border-border p-4 md:p-6 mb-8">
      {Object.entries(hidden).map(([name, v]) => (v ? <input key={name} type="hidden" name={name} value={v} /> : null))}
      <div className="md:grid md:grid-cols-3 md:gap-6">
        <Select
          name="area"
          label="Area"
          value={page.area[0] ?? ""}
          error={errorFor(errors, "area")}
          options={[{ value: "", label: "All areas" }, ...areas.map((a) => ({ value: a.slug, label: a.title }))]}
        />
        <Select
          name="organisation"
          label="Organisation (lead or supporting)"
          value={page.organisation[0] ?? ""}
          error={errorFor(errors, "organisation")}
          options={[{ value: "", label: "All organisations" }, ...organisations.map((o) => ({ value: o.slug, label: o.name }))]}
        />
        <AsOfInput label="As it stood on" value={page.values.as_of?.[0]} error={errorFor(errors, "as_of")} />
      </div>
      <Button>Apply filters</Button>
      <a href={action} className="inline-block mb-6">
        Clear filters
      </a>
    </form>
  );
}
