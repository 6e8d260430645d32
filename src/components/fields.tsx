// GOV.UK form patterns as plain HTML controls: they work with JavaScript turned off.
import type { ReactNode } from "react";
import { ErrorMessage } from "./ErrorSummary";

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

function FormGroup({ error, children, className = "" }: { error?: string; children: ReactNode; className?: string }) {
  return <div className={`mb-6 ${error ? "border-l-4 border-error pl-3" : ""} ${className}`}>{children}</div>;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="text-secondary-ink mb-2">
      {children}
    </div>
  );
}

export function TextInput({
  id,
  name,
  label,
  hint,
  value,
  error,
  width = "full",
  inputMode,
  autoComplete = "off",
  type = "text",
}: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  value?: string;
  error?: string;
  width?: "full" | "date";
  inputMode?: "numeric" | "search" | "text";
  autoComplete?: string;
  type?: "text" | "search";
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={error}>
      <label htmlFor={id} className="block font-bold mb-1">
        {label}
      </label>
      {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={value}
        inputMode={inputMode}
        autoComplete={autoComplete}
        spellCheck={false}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        className={`block h-10 border-2 ${error ? "border-error" : "border-input"} bg-white px-2 ${width === "date" ? "w-full max-w-[12ch] min-w-[11ch]" : "w-full"}`}
      />
    </FormGroup>
  );
}

export type Option = { value: string; label: string };

type ChoiceProps = { id: string; name: string; legend: ReactNode; hint?: ReactNode; options: Option[]; error?: string };

/** A GOV.UK-style fieldset of checkboxes or radios; the first input takes the group's id. */
function ChoiceGroup({
  id,
  name,
  legend,
  hint,
  options,
  error,
  type,
  isChecked,
  inputSize,
}: ChoiceProps & { type: "checkbox" | "radio"; isChecked: (value: string) => boolean; inputSize: string }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={error}>
      <fieldset aria-describedby={describedBy(hintId, errorId)}>
        <legend className="font-bold mb-2">{legend}</legend>
        {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
        {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <ul className="space-y-2">
          {options.map((option, i) => {
            const optionId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <li key={option.value} className="flex items-start gap-2">
                <input id={optionId} type={type} name={name} value={option.value} defaultChecked={isChecked(option.value)} className={`${inputSize} mt-0.5 shrink-0`} />
                <label htmlFor={optionId} className="pt-0.5">
                  {option.label}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </FormGroup>
  );
}

export function Checkboxes({ selected, small = true, ...props }: ChoiceProps & { selected: readonly string[]; small?: boolean }) {
  return <ChoiceGroup {...props} type="checkbox" isChecked={(value) => selected.includes(value)} inputSize={small ? "w-6 h-6" : "w-8 h-8"} />;
}

export function Radios({ selected, ...props }: ChoiceProps & { selected: string }) {
  return <ChoiceGroup {...props} type="radio" isChecked={(value) => selected === value} inputSize="w-6 h-6" />;
}

export function Select({
  id,
  name,
  label,
  hint,
  options,
  selected,
  error,
}: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  options: Option[];
  selected: string;
  error?: string;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={error}>
      <label htmlFor={id} className="block font-bold mb-1">
        {label}
      </label>
      {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <select
        id={id}
        name={name}
        defaultValue={selected}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        className={`block h-10 w-full border-2 ${error ? "border-error" : "border-input"} bg-white px-1`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}

export function Button({ children, secondary = false }: { children: ReactNode; secondary?: boolean }) {
  return (
    <button
      type="submit"
      className={`inline-block px-4 pt-2 pb-2.5 mb-6 mr-4 cursor-pointer text-lg ${
        secondary ? "bg-panel text-ink shadow-[0_2px_0_#858578] hover:bg-[#dbdad9]" : "bg-button text-white shadow-[0_2px_0_var(--color-button-shadow)] hover:bg-button-hover"
      }`}
    >
      {children}
    </button>
  );
}

/** A collapsible group of fields (<details>): works without JavaScript. */
export function FilterSection({ title, open, children }: { title: string; open: boolean; children: ReactNode }) {
  return (
    <details open={open} className="mb-4 border-b border-border pb-2">
      <summary className="cursor-pointer font-bold text-link mb-3 underline underline-offset-2">{title}</summary>
      <div className="pt-1">{children}</div>
    </details>
  );
}
