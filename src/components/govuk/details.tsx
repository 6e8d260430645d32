import type { ReactNode } from "react";

/** GOV.UK details: a summary that opens to show more. Works without JavaScript (<details>). */
export function Details({ summary, open = false, children }: { summary: ReactNode; open?: boolean; children: ReactNode }) {
  return (
    <details open={open} className="mb-4 border-b border-border pb-2">
      <summary className="cursor-pointer font-bold text-link mb-3 underline underline-offset-2">{summary}</summary>
      <div className="pt-1">{children}</div>
    </details>
  );
}
