import type { PageError } from "../schemas/errors";
import { Button } from "./govuk/button";
import { Details } from "./govuk/details";
import { DateInput } from "./govuk/date-input";

const AS_OF_HINT = "For example, 1 6 2026. Leave it empty for today.";

/** The error for one field, from a page's list of problems. */
export const errorFor = (errors: readonly PageError[], field: string) => errors.find((e) => e.field === field)?.message;

/** "Show the tracker as it stood on": the as-of date field of every public page's forms. */
export function AsOfInput({ label = "Show the tracker as it stood on", value, error }: { label?: string; value?: string; error?: string }) {
  return <DateInput name="as_of" label={label} hint={AS_OF_HINT} value={value} error={error} />;
}

/** "View the tracker on a past date": a small GET form, folded away unless it has a problem. */
export function AsOfForm({
  action,
  value,
  errors,
  hidden = {},
}: {
  action: string;
  value?: string;
  errors: readonly PageError[];
  hidden?: Record<string, string | undefined>;
}) {
  const error = errorFor(errors, "as_of");
  return (
    <div className="no-print mt-10">
      <Details summary="View the tracker on a past date" open={Boolean(error)}>
        <form method="get" action={action}>
          {Object.entries(hidden).map(([name, v]) => (v ? <input key={name} type="hidden" name={name} value={v} /> : null))}
          <AsOfInput value={value} error={error} />
          <Button variant="secondary">Show this date</Button>
        </form>
      </Details>
    </div>
  );
}
