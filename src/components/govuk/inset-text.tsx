import type { ReactNode } from "react";

/** GOV.UK inset text: a quote or a note set apart from the content around it. */
export function InsetText({ children }: { children: ReactNode }) {
  return <div className="border-l-[10px] border-border pl-4 py-2 my-6">{children}</div>;
}
