// What radios and checkboxes share: a fieldset whose legend names the question, with the hint and
// error described by the fieldset, and one input per option (the first takes the group's id, so
// the error summary's link lands on it). An option may have its own hint.
import type { ReactNode } from "react";
import { FormGroup, HintAndError, fieldIds } from "./field";

type ChoiceOption = { value: string; label: string; hint?: string };

export type ChoicesProps = {
  name: string;
  id?: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly ChoiceOption[];
  /** The legend as the page's section heading (larger), when the question is the heading. */
  legendSize?: "s" | "m";
};

export function Choices({
  name,
  id = name,
  legend,
  hint,
  error,
  options,
  legendSize = "s",
  type,
  selected,
}: ChoicesProps & { type: "radio" | "checkbox"; selected: readonly string[] }) {
  return (
    <FormGroup error={error}>
      <fieldset aria-describedby={fieldIds(id, hint, error).describedBy}>
        <legend className={legendSize === "m" ? "text-xl md:text-2xl font-bold mb-2" : "font-bold mb-2"}>{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <ul className="space-y-2">
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i + 1}`;
            const optionHint = o.hint ? `${optionId}-item-hint` : undefined;
            return (
              <li key={o.value} className="flex items-start gap-3">
                <input
                  id={optionId}
                  type={type}
                  name={name}
                  value={o.value}
                  defaultChecked={selected.includes(o.value)}
                  aria-describedby={optionHint}
                  className="w-6 h-6 mt-0.5 shrink-0"
                />
                <div>
                  <label htmlFor={optionId} className="pt-0.5 block">
                    {o.label}
                  </label>
                  {o.hint && (
                    <div id={optionHint} className="text-secondary-ink text-base">
                      {o.hint}
                    </div>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </FormGroup>
  );
}
