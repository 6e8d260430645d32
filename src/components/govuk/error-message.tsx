import type { ReactNode } from "react";

/** GOV.UK error message: above its field, with a hidden "Error:" for screen readers. */
export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="font-bold text-error mb-2">
      <span className="sr-only">Error:</span> {children}
    </p>
  );
}
