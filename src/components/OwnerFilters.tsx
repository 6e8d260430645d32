import { Button, Select, TextInput } from "./fields";
import type { PageError } from "./ErrorSummary";
import { AS_OF_HINT } from "./AsOfForm";

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
  /** Kept as they are when the form is sent: the version of the record being viewed. */
  hidden?: Record<string, string | undefined>;
};

/** Area, organisation and as-of filters as one plain GET form (used by /missed and /changes). */
export function OwnerFilters({ action, areas, organisations, area, organisation, asOf, errors, withAsOf = true, label, hidden = {} }: Props) {
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <form method="get" action={action} aria-label={label} className="no-print border-2 border-border p-4 md:p-6 mb-8">
      {Object.entries(hidden).map(([name, v]) => (v ? <input key={name} type="hidden" name={name} value={v} /> : null))}
      <div className="md:grid md:grid-cols-3 md:gap-6">
        <Select
          id="area"
          name="area"
          label="Area"
          selected={area}
          error={error("area")}
          options={[{ value: "", label: "All areas" }, ...areas.map((a) => ({ value: a.slug, label: a.title }))]}
        />
        <Select
          id="organisation"
          name="organisation"
          label="Organisation (lead or supporting)"
          selected={organisation}
          error={error("organisation")}
          options={[{ value: "", label: "All organisations" }, ...organisations.map((o) => ({ value: o.slug, label: o.name }))]}
        />
        {withAsOf && (
          <TextInput
            id="as_of"
            name="as_of"
            label="As it stood on"
            hint={AS_OF_HINT}
            value={asOf}
            error={error("as_of")}
            width="date"
            inputMode="numeric"
          />
        )}
      </div>
      <Button>Apply filters</Button>
      <a href={action} className="inline-block mb-6">
        Clear filters
      </a>
    </form>
  );
}
