import { Field, describedControl, type FieldProps } from "./field";

/** GOV.UK file upload. */
export function FileUpload({ name, id = name, label, hint, error, accept }: FieldProps & { accept?: string }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input id={id} name={name} type="file" accept={accept} {...describedControl(id, hint, error)} className="block" />
    </Field>
  );
}
