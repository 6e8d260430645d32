import { Button, FilterSection, TextInput } from "./fields";
import type { PageError } from "./ErrorSummary";

export const AS_OF_HINT = "Write the date as year-month-day, for example 2026-06-01. Leave it empty for today.";

/** "View the tracker on a past date": a small GET form, folded away unless it has a problem. */
export function AsOfForm({ action, value, errors, hidden = {} }: { action: string; value?: string; errors: readonly PageError[]; hidden?: Record<string, string | undefined> }) {
  const error = errors.find((e) => e.field === "as_of")?.message;
  return (
    <div className="no-print mt-10">
      <FilterSection title="View the tracker on a past date" open={Boolean(error)}>
        <form method="get" action={action}>
          {Object.entries(hidden).map(([name, v]) => (v ? <input key={name} type="hidden" name={name} value={v} /> : null))}
          <TextInput id="as_of" name="as_of" label="Show the tracker as it stood on" hint={AS_OF_HINT} value={value} error={error} width="date" inputMode="numeric" />
          <Button secondary>Show this date</Button>
        </form>
      </FilterSection>
    </div>
  );
}
