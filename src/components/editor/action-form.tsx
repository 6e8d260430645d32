"use client";
// The editor's forms: a server action driven through useActionState, and a thin adapter over the
// GOV.UK components of ../govuk. Each field below reads its value and error from the action's
// FormState (useField) and passes them to the component as props. The form posts as a normal
// HTML form without JavaScript (the server re-renders the page with the errors); with JavaScript
// it submits in place. Either way the error summary lists every problem with a link to its field,
// each field shows its own message, and what was typed is kept.
import { createContext, useActionState, useContext, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { FormValues } from "../../schemas/editor";
import { initialFormState, type FormAction, type FormState } from "../../schemas/form-state";
import { formatDateTime } from "../../domain/dates";
import { HONEYPOT_FIELD } from "../../domain/reports";
import { ErrorSummary } from "../govuk/error-summary";
import { NotificationBanner } from "../govuk/notification-banner";
import { DataTable, cellClass, rowHeaderClass } from "../govuk/table";
import { TextInput, type TextInputProps } from "../govuk/text-input";
import { DateInput } from "../govuk/date-input";
import { Textarea } from "../govuk/textarea";
import { Select, type SelectOption } from "../govuk/select";
import { Radios } from "../govuk/radios";
import { Checkboxes } from "../govuk/checkboxes";
import { FileUpload } from "../govuk/file-upload";
import { Button, type ButtonVariant } from "../govuk/button";
import type { ChoicesProps } from "../govuk/choices";

type Ctx = { state: FormState; defaults: FormValues };
const FormContext = createContext<Ctx>({ state: initialFormState(), defaults: {} });

/** One field's value (what was submitted, else the form's default) and error, from the form's state. */
function useField(name: string): { value: string | string[] | undefined; error: string | undefined } {
  const { state, defaults } = useContext(FormContext);
  const submitted = state.seq > 0 && name in state.values ? state.values[name] : undefined;
  return { value: submitted ?? defaults[name], error: state.errors.find((e) => e.field === name)?.message };
}

/** Read-only access to the form's state for custom pieces (e.g. a preview). */
export function useFormState(): FormState {
  return useContext(FormContext).state;
}

const text = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

function ConflictPanel({ conflict }: { conflict: NonNullable<FormState["conflict"]> }) {
  return (
    <section aria-labelledby="conflict-title" className="border-l-[10px] border-error bg-panel p-4 mb-8" id="conflict">
      <h2 id="conflict-title" className="text-xl font-bold mb-2">
        This commitment was changed while you were editing it
      </h2>
      <p className="mb-2">
        {conflict.changedBy ? `Last published by ${conflict.changedBy}` : "It was changed"}
        {conflict.changedAt ? ` on ${formatDateTime(conflict.changedAt)}` : ""}. Nothing has been overwritten. Your changes are still in the form
        below: only the fields shown here differ from what is published now.
      </p>
      <DataTable
        id="conflict-table"
        caption="What changed meanwhile, and what you submitted"
        captionHidden
        head={["Field", "Now saved", "Your version"]}
      >
        {conflict.rows.map((row) => (
          <tr key={row.label}>
            <th scope="row" className={rowHeaderClass}>
              {row.label}
            </th>
            <td className={`${cellClass} whitespace-pre-wrap`}>{row.current}</td>
            <td className={`${cellClass} whitespace-pre-wrap`}>{row.submitted}</td>
          </tr>
        ))}
      </DataTable>
      <p>To keep your version, check it and save again. To keep what is saved now, leave this page.</p>
    </section>
  );
}

/**
 * A form whose fields (the components below, placed anywhere inside) show the action's errors
 * and keep the submitted values. `defaults` are the values before any submission.
 */
export function ActionForm({
  action,
  defaults = {},
  children,
  id,
  after,
}: {
  action: FormAction;
  defaults?: FormValues;
  children: ReactNode;
  id?: string;
  /** Shown below the form, for example a preview the action returned. */
  after?: (state: FormState) => ReactNode;
}) {
  const [state, formAction] = useActionState(action, initialFormState());
  const { notice, conflict } = state;
  const errors = [...(state.message ? [{ message: state.message }] : []), ...state.errors.map((e) => ({ message: e.message, href: `#${e.field}` }))];
  return (
    <FormContext.Provider value={{ state, defaults }}>
      <ErrorSummary errors={errors} submission={state.seq} />
      {notice && (
        <NotificationBanner type="success" title="Success" heading={notice.title} id="notice-title">
          {notice.lines.map((line, i) => (
            <p key={i} className="mb-2">
              {line}
            </p>
          ))}
          {notice.secret && (
            <p className="mt-2">
              <code className="inline-block bg-panel px-3 py-2 text-xl font-mono tracking-wider" data-testid="one-time-password">
                {notice.secret}
              </code>
            </p>
          )}
        </NotificationBanner>
      )}
      {conflict && <ConflictPanel conflict={conflict} />}
      <form action={formAction} noValidate id={id} key={state.seq}>
        {children}
      </form>
      {after?.(state)}
    </FormContext.Provider>
  );
}

type Described = { name: string; label: ReactNode; hint?: ReactNode };

export function TextField(props: Omit<TextInputProps, "value" | "error" | "id">) {
  const { value, error } = useField(props.name);
  return <TextInput {...props} value={text(value)} error={error} />;
}

export function DateField({ hint, ...props }: Described) {
  const { value, error } = useField(props.name);
  const fullHint = <>{hint ? <>{hint} </> : null}For example, 30 6 2026.</>;
  return <DateInput {...props} hint={fullHint} value={text(value)} error={error} />;
}

export function TextAreaField(props: Described & { rows?: number }) {
  const { value, error } = useField(props.name);
  return <Textarea {...props} value={text(value)} error={error} />;
}

export function SelectField(props: Described & { options: readonly SelectOption[]; placeholder?: string }) {
  const { value, error } = useField(props.name);
  return <Select {...props} width="medium" value={text(value)} error={error} />;
}

type ChoiceFieldProps = Omit<ChoicesProps, "error" | "id">;

export function RadiosField(props: ChoiceFieldProps) {
  const { value, error } = useField(props.name);
  return <Radios {...props} value={text(value)} error={error} />;
}

export function CheckboxesField(props: ChoiceFieldProps) {
  const { value, error } = useField(props.name);
  return <Checkboxes {...props} value={list(value)} error={error} />;
}

export function FileField(props: Described & { accept?: string }) {
  const { error } = useField(props.name);
  return <FileUpload {...props} error={error} />;
}

/** The public forms' honeypot: left empty by people (it is hidden from them); robots fill it in. */
export function HoneypotField() {
  return (
    <div className="hidden" aria-hidden="true">
      <label htmlFor={HONEYPOT_FIELD}>Leave this empty</label>
      <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

export function HiddenField({ name }: { name: string }) {
  const { value } = useField(name);
  return <input type="hidden" name={name} value={text(value)} />;
}

/** The form's submit button, marked busy while the form is being sent. */
export function SubmitButton(props: { children: ReactNode; variant?: ButtonVariant; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  return <Button {...props} pending={pending} />;
}
