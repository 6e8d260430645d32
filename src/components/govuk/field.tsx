// The GOV.UK form group around one field: label (or legend), hint, error message, control. Every
// control in this folder is built from these, so they all carry the same ids and ARIA.
import type { ReactNode } from "react";
import { Hint } from "./hint";
import { ErrorMessage } from "./error-message";

/** What every field takes: the control's name and id (the id defaults to the name), its label, and its hint and error. */
export type FieldProps = { name: string; id?: string; label: ReactNode; hint?: ReactNode; error?: string };

/** The ids of a field's hint and error message, and its aria-describedby (hint first, as GOV.UK Frontend does). */
export function fieldIds(id: string, hint: ReactNode, error: string | undefined) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

/** What every control carries: its hint and error as aria-describedby, and aria-invalid when it has an error. */
export function describedControl(id: string, hint: ReactNode, error: string | undefined) {
  return { "aria-describedby": fieldIds(id, hint, error).describedBy, "aria-invalid": error ? true : undefined };
}

/** A field with an error gets the red bar to its left. */
export function FormGroup({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={`mb-6 ${error ? "border-l-4 border-error pl-3" : ""}`}>{children}</div>;
}

/** The hint and the error message, in GOV.UK order, with the ids fieldIds() gives. */
export function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  const { hintId, errorId } = fieldIds(id, hint, error);
  return (
    <>
      {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
    </>
  );
}

/** Label, hint and error above a single control (text input, textarea, select, file upload). */
export function Field({ id, label, hint, error, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <FormGroup error={error}>
      <label htmlFor={id} className="block font-bold mb-1">
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </FormGroup>
  );
}

/** The border of a text control, red when it has an error. */
export const controlBorder = (error: string | undefined) => `border-2 ${error ? "border-error" : "border-input"} bg-white`;
