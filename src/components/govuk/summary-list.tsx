import type { ReactNode } from "react";

export type SummaryRow = { key: ReactNode; value: ReactNode };

/** GOV.UK summary list: key and value pairs. Values keep the line breaks they were written with. */
export function SummaryList({ rows, className = "" }: { rows: readonly SummaryRow[]; className?: string }) {
  return (
    <dl className={`mb-8 ${className}`}>
      {rows.map((row, i) => (
        <div key={i} className="border-b border-border py-3 md:grid md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)] md:gap-6">
          <dt className="font-bold mb-1 md:mb-0">{row.key}</dt>
          <dd className="m-0 whitespace-pre-wrap">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
