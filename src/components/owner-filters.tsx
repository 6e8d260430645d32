import type { PageError } from "../schemas/errors";
import { Button } from "./govuk/button";
import { Select } from "./govuk/select";
import { AsOfInput, errorFor } from "./as-of-form";

type Props = {
  action: string;
  areas: { slug: string; title: string }[];
  organisations: { slug: string; name: string }[];
  area: string;
  organisation: string;
  asOf?: string;
  errors: readonly PageError[];
  withAsOf?: boolean;
  label: string;
};

/** Area, organisation and as-of filters as one plain GET form (used by /missed and /changes). */
export function OwnerFilters({ action, areas, organisations, area, organisation, asOf, errors, withAsOf = true, label }: Props) {
  return (
    <form method="get" action={action} aria-label={label} className="no-print border-2 border-border p-4 md:p-6 mb-8">
      <div className="md:grid md:grid-cols-3 md:gap-6">
        <Select
          name="area"
          label="Area"
          value={area}
          error={errorFor(errors, "area")}
          options={[{ value: "", label: "All areas" }, ...areas.map((a) => ({ value: a.slug, label: a.title }))]}
        />
        <Select
          name="organisation"
          label="Organisation (lead or supporting)"
          value={organisation}
          error={errorFor(errors, "organisation")}
          options={[{ value: "", label: "All organisations" }, ...organisations.map((o) => ({ value: o.slug, label: o.name }))]}
        />
        {withAsOf && <AsOfInput label="As it stood on" value={asOf} error={errorFor(errors, "as_of")} />}
      </div>
      <Button>Apply filters</Button>
      <a href={action} className="inline-block mb-6">
        Clear filters
      </a>
    </form>
  );
}
