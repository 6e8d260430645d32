import type { ReactNode } from "react";

/** GOV.UK hint text: below a label or legend, referenced by its field's aria-describedby. */
export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="text-secondary-ink mb-2">
      {children}
    </div>
  );
}
