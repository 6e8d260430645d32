"use client";
// GOV.UK form patterns for the editor, driven by a server action through useActionState. The
// form posts as a normal HTML form without JavaScript (the server re-renders the page with the
// errors); with JavaScript it submits in place. Either way the error summary lists every
// problem with a link to its field, each field shows its own message, and what was typed is kept.
import { createContext, useActionState, useContext, useEffect, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { FormValues } from "../../schemas/editor";
import { initialFormState, type FormState } from "../../schemas/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Ctx = { state: FormState; defaults: FormValues };
const FormContext = createContext<Ctx>({ state: initialFormState(), defaults: {} });

function useField(name: string) {
  const { state, defaults } = useContext(FormContext);
  const error = state.errors.find((e) => e.field === name)?.message;
  const submitted = state.seq > 0 && name in state.values ? state.values[name] : undefined;
  const value = submitted ?? defaults[name];
  return { error, value, seq: state.seq };
}

const text = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

export function ErrorSummary({ errors, message }: { errors: { field: string; message: string }[]; message?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors, message]);
  if (errors.length === 0 && !message) return null;
  return (
    <div ref={ref} className="border-4 border-error p-4 md:p-6 mb-8 focus:outline-[3px] focus:outline-focus" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} id="error-summary">
      <h2 id="error-summary-title" className="text-xl md:text-2xl font-bold mb-4">
        There is a problem
      </h2>
      <ul className="space-y-2">
        {message && <li className="font-bold text-error">{message}</li>}
        {errors.map((e, i) => (
          <li key={`${e.field}-${i}`}>
            <a href={`#${e.field}`} className="font-bold text-error visited:text-error hover:text-[#942514]">
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ConflictPanel({ state }: { state: FormState }) {
  const conflict = state.conflict;
  if (!conflict) return null;
  return (
    <section aria-labelledby="conflict-title" className="border-l-[10px] border-error bg-panel p-4 mb-8" id="conflict">
      <h2 id="conflict-title" className="text-xl font-bold mb-2">
        This commitment was changed while you were editing it
      </h2>
      <p className="mb-2">
        {conflict.changedBy ? `${conflict.changedBy} changed it` : "It was changed"}
        {conflict.changedAt ? ` at ${new Date(conflict.changedAt).toLocaleString("en-GB", { timeZone: "Europe/London", dateStyle: "long", timeStyle: "short" })}` : ""}. Nothing
        has been overwritten. Your changes are still in the form below.
      </p>
      <table className="w-full border-collapse mb-2 text-base">
        <caption className="sr-only">What changed meanwhile, and what you submitted</caption>
        <thead>
          <tr className="border-b-2 border-ink text-left">
            <th scope="col" className="py-2 pr-4">Field</th>
            <th scope="col" className="py-2 pr-4">Now saved</th>
            <th scope="col" className="py-2">Your version</th>
          </tr>
        </thead>
        <tbody>
          {conflict.rows.map((row) => (
            <tr key={row.label} className="border-b border-border align-top">
              <th scope="row" className="py-2 pr-4 text-left">{row.label}</th>
              <td className="py-2 pr-4 whitespace-pre-wrap">{row.current}</td>
              <td className="py-2 whitespace-pre-wrap">{row.submitted}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>To keep your version, check it and save again. To keep what is saved now, leave this page.</p>
    </section>
  );
}

function Notice({ state }: { state: FormState }) {
  if (!state.notice) return null;
  return (
    <div role="status" className="border-4 border-success p-4 md:p-6 mb-8" aria-labelledby="notice-title">
      <h2 id="notice-title" className="text-xl md:text-2xl font-bold mb-2">
        {state.notice.title}
      </h2>
      {state.notice.lines.map((line, i) => (
        <p key={i} className="mb-2">
          {line}
        </p>
      ))}
      {state.notice.secret && (
        <p className="mt-2">
          <code className="inline-block bg-panel px-3 py-2 text-xl font-mono tracking-wider" data-testid="one-time-password">
            {state.notice.secret}
          </code>
        </p>
      )}
    </div>
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
  action: Action;
  defaults?: FormValues;
  children: ReactNode;
  id?: string;
  /** Shown below the form, for example a preview the action returned. */
  after?: (state: FormState) => ReactNode;
}) {
  const [state, formAction] = useActionState(action, initialFormState());
  return (
    <FormContext.Provider value={{ state, defaults }}>
      <ErrorSummary errors={state.errors} message={state.message} />
      <Notice state={state} />
      <ConflictPanel state={state} />
      <form action={formAction} noValidate id={id} key={state.seq}>
        {children}
      </form>
      {after?.(state)}
    </FormContext.Provider>
  );
}

/** Read-only access to the form's state for custom pieces (e.g. a preview). */
export function useFormState(): FormState {
  return useContext(FormContext).state;
}

function Group({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={`mb-6 ${error ? "border-l-4 border-error pl-3" : ""}`}>{children}</div>;
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="text-secondary-ink mb-2">
      {children}
    </div>
  );
}

function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="font-bold text-error mb-2">
      <span className="sr-only">Error:</span> {children}
    </p>
  );
}

type FieldProps = { name: string; label: ReactNode; hint?: ReactNode; pageHeading?: boolean };

function Label({ htmlFor, children, pageHeading }: { htmlFor: string; children: ReactNode; pageHeading?: boolean }) {
  const label = (
    <label htmlFor={htmlFor} className={pageHeading ? "block text-3xl md:text-4xl font-bold mb-4" : "block font-bold mb-1"}>
      {children}
    </label>
  );
  return pageHeading ? <h1 className="m-0">{label}</h1> : label;
}

export function TextField({
  name,
  label,
  hint,
  type = "text",
  width = "full",
  autoComplete = "off",
  inputMode,
  spellCheck,
}: FieldProps & {
  type?: "text" | "email" | "url" | "password";
  width?: "full" | "date" | "medium";
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "url" | "email";
  spellCheck?: boolean;
}) {
  const { error, value, seq } = useField(name);
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const widths = { full: "w-full", medium: "w-full md:w-2/3", date: "w-full max-w-[14ch]" };
  return (
    <Group error={error}>
      <Label htmlFor={name}>{label}</Label>
      {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <input
        key={seq}
        id={name}
        name={name}
        type={type}
        defaultValue={type === "password" ? undefined : text(value)}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        className={`block h-10 border-2 ${error ? "border-error" : "border-input"} bg-white px-2 ${widths[width]}`}
      />
    </Group>
  );
}

export function DateField(props: FieldProps) {
  return (
    <TextField
      {...props}
      width="date"
      inputMode="numeric"
      hint={
        <>
          {props.hint ? <>{props.hint} </> : null}Write it as year-month-day, for example 2026-06-30.
        </>
      }
    />
  );
}

export function TextArea({ name, label, hint, rows = 5, pageHeading }: FieldProps & { rows?: number }) {
  const { error, value, seq } = useField(name);
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <Group error={error}>
      <Label htmlFor={name} pageHeading={pageHeading}>
        {label}
      </Label>
      {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <textarea
        key={seq}
        id={name}
        name={name}
        rows={rows}
        defaultValue={text(value)}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        className={`block w-full border-2 ${error ? "border-error" : "border-input"} bg-white p-2`}
      />
    </Group>
  );
}

export type Option = { value: string; label: string; hint?: string };

export function SelectField({ name, label, hint, options, placeholder }: FieldProps & { options: Option[]; placeholder?: string }) {
  const { error, value, seq } = useField(name);
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <Group error={error}>
      <Label htmlFor={name}>{label}</Label>
      {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <select
        key={seq}
        id={name}
        name={name}
        defaultValue={text(value)}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        className={`block h-10 w-full md:w-2/3 border-2 ${error ? "border-error" : "border-input"} bg-white px-1`}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Group>
  );
}

function Choices({ name, legend, hint, options, type, legendAsHeading }: { name: string; legend: ReactNode; hint?: ReactNode; options: Option[]; type: "radio" | "checkbox"; legendAsHeading?: boolean }) {
  const { error, value, seq } = useField(name);
  const selected = list(value);
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <Group error={error}>
      <fieldset aria-describedby={describedBy(hintId, errorId)} key={seq}>
        <legend className={legendAsHeading ? "text-xl md:text-2xl font-bold mb-2" : "font-bold mb-2"}>{legend}</legend>
        {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
        {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <ul className="space-y-2">
          {options.map((o, i) => {
            const id = i === 0 ? name : `${name}-${i + 1}`;
            const optionHint = o.hint ? `${id}-item-hint` : undefined;
            return (
              <li key={o.value} className="flex items-start gap-3">
                <input
                  id={id}
                  type={type}
                  name={name}
                  value={o.value}
                  defaultChecked={selected.includes(o.value)}
                  aria-describedby={optionHint}
                  className="w-6 h-6 mt-0.5 shrink-0"
                />
                <div>
                  <label htmlFor={id} className="pt-0.5 block">
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
    </Group>
  );
}

export function Radios(props: { name: string; legend: ReactNode; hint?: ReactNode; options: Option[]; legendAsHeading?: boolean }) {
  return <Choices {...props} type="radio" />;
}

export function Checkboxes(props: { name: string; legend: ReactNode; hint?: ReactNode; options: Option[] }) {
  return <Choices {...props} type="checkbox" />;
}

export function HiddenField({ name }: { name: string }) {
  const { value, seq } = useField(name);
  return <input key={seq} type="hidden" name={name} value={text(value)} />;
}

export function FileField({ name, label, hint, accept }: FieldProps & { accept?: string }) {
  const { error } = useField(name);
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <Group error={error}>
      <Label htmlFor={name}>{label}</Label>
      {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <input id={name} name={name} type="file" accept={accept} aria-describedby={describedBy(hintId, errorId)} aria-invalid={error ? true : undefined} className="block" />
    </Group>
  );
}

export function SubmitButton({ children, secondary = false, warning = false, name, value }: { children: ReactNode; secondary?: boolean; warning?: boolean; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  const tone = warning
    ? "bg-error text-white shadow-[0_2px_0_#55150b] hover:bg-[#aa2a16]"
    : secondary
      ? "bg-panel text-ink shadow-[0_2px_0_#858578] hover:bg-[#dbdad9]"
      : "bg-button text-white shadow-[0_2px_0_var(--color-button-shadow)] hover:bg-button-hover";
  return (
    <button type="submit" name={name} value={value} aria-disabled={pending || undefined} className={`inline-block px-4 pt-2 pb-2.5 mb-6 mr-4 cursor-pointer text-lg ${tone}`}>
      {children}
    </button>
  );
}
