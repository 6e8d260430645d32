import { Field, controlBorder, describedControl, type FieldProps } from "./field";

export type SelectOption = { value: string; label: string };

/** GOV.UK select. `placeholder` adds a first, empty option. */
export function Select({
  name,
  id = name,
  label,
  hint,
  error,
  value,
  options,
  placeholder,
  width = "full",
}: FieldProps & { value: string; options: readonly SelectOption[]; placeholder?: string; width?: "full" | "medium" }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        defaultValue={value}
        {...describedControl(id, hint, error)}
        className={`block h-10 px-1 ${controlBorder(error)} ${width === "medium" ? "w-full md:w-2/3" : "w-full"}`}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
