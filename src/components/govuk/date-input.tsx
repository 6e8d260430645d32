import type { ReactNode } from "react";
import { FormGroup, HintAndError, fieldIds } from "./field";
import { controlBorder } from "./field";
import { datePartName, splitDateValue, type DateParts } from "../../domain/date-entry";

const BOXES: readonly { part: keyof DateParts; label: string; width: string; autoComplete?: string }[] = [
  { part: "day", label: "Day", width: "w-[5ch] min-w-[5ch]" },
  { part: "month", label: "Month", width: "w-[5ch] min-w-[5ch]" },
  { part: "year", label: "Year", width: "w-[8ch] min-w-[8ch]" },
];

/**
 * GOV.UK date input: a fieldset with a day, a month and a year box (name-day, name-month,
 * name-year), read on the server by src/schemas/date-input.ts, which also understands a whole
 * date typed into the first box ("30/06/2026"). The day box takes the field's id, so the error
 * summary's link lands on it. `value` is the field's one value (YYYY-MM-DD, or what was typed).
 */
export function DateInput({
  name,
  id = name,
  label,
  hint,
  error,
  value,
}: {
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value?: string;
}) {
  const parts = splitDateValue(value);
  return (
    <FormGroup error={error}>
      <fieldset role="group" aria-describedby={fieldIds(id, hint, error).describedBy}>
        <legend className="font-bold mb-1">{label}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className="flex flex-wrap gap-4">
          {BOXES.map((box) => {
            const boxId = box.part === "day" ? id : `${id}-${box.part}`;
            return (
              <div key={box.part}>
                <label htmlFor={boxId} className="block mb-1">
                  {box.label}
                </label>
                <input
                  id={boxId}
                  name={datePartName(name, box.part)}
                  type="text"
                  inputMode="numeric"
                  spellCheck={false}
                  autoComplete="off"
                  defaultValue={parts[box.part]}
                  aria-invalid={error ? true : undefined}
                  className={`block h-10 px-2 ${controlBorder(error)} ${box.width}`}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}
