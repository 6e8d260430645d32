import type { ReactNode } from "react";

export type ButtonVariant = "primary" | "secondary" | "warning";

const TONES: Record<ButtonVariant, string> = {
  primary: "bg-button text-white visited:text-white hover:text-white shadow-[0_2px_0_var(--color-button-shadow)] hover:bg-button-hover",
  secondary: "bg-panel text-ink visited:text-ink hover:text-ink shadow-[0_2px_0_#858578] hover:bg-[#dbdad9]",
  warning: "bg-error text-white visited:text-white hover:text-white shadow-[0_2px_0_#55150b] hover:bg-[#aa2a16]",
};

const BASE = "inline-block px-4 pt-2 pb-2.5 mb-6 mr-4 cursor-pointer text-lg";

/** GOV.UK button (submits its form). `pending` marks it busy while the form is being sent. */
export function Button({
  children,
  variant = "primary",
  name,
  value,
  pending,
}: {
  children: ReactNode;
  variant?: ButtonVariant;
  name?: string;
  value?: string;
  pending?: boolean;
}) {
  return (
    <button type="submit" name={name} value={value} aria-disabled={pending || undefined} className={`${BASE} ${TONES[variant]}`}>
      {children}
    </button>
  );
}

/** A link styled as a GOV.UK button, for actions that open another page. */
export function ButtonLink({ href, children, variant = "primary" }: { href: string; children: ReactNode; variant?: ButtonVariant }) {
  return (
    <a href={href} role="button" draggable={false} className={`${BASE} no-underline ${TONES[variant]}`}>
      {children}
    </a>
  );
}
