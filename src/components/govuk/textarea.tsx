import { Field, controlBorder, describedControl, type FieldProps } from "./field";

/** GOV.UK textarea. */
export function Textarea({ name, id = name, label, hint, error, value, rows = 5 }: FieldProps & { value?: string; rows?: number }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={value}
        {...describedControl(id, hint, error)}
        className={`block w-full p-2 ${controlBorder(error)}`}
      />
    </Field>
  );
}
