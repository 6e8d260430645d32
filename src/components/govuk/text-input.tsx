import { Field, controlBorder, describedControl, type FieldProps } from "./field";

const WIDTHS = { full: "w-full", medium: "w-full md:w-2/3" } as const;

export type TextInputProps = FieldProps & {
  /** Shown in the box (after a failed submission, what was typed). Never used for passwords. */
  value?: string;
  type?: "text" | "search" | "email" | "url" | "password";
  width?: keyof typeof WIDTHS;
  inputMode?: "numeric" | "search" | "text" | "url" | "email";
  autoComplete?: string;
  spellCheck?: boolean;
};

/** GOV.UK text input. */
export function TextInput({
  name,
  id = name,
  label,
  hint,
  error,
  value,
  type = "text",
  width = "full",
  inputMode,
  autoComplete = "off",
  spellCheck,
}: TextInputProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={type === "password" ? undefined : value}
        inputMode={inputMode}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        {...describedControl(id, hint, error)}
        className={`block h-10 px-2 ${controlBorder(error)} ${WIDTHS[width]}`}
      />
    </Field>
  );
}
