import type { ReactNode } from "react";

/**
 * GOV.UK table that scrolls sideways on narrow screens instead of breaking the page layout. The
 * scrolling region is focusable and labelled by the caption, so keyboard users can scroll it too.
 * A caption that only screen readers need is passed with `captionHidden`.
 */
export function DataTable({
  id,
  caption,
  captionHidden = false,
  head,
  sortedColumn,
  children,
}: {
  id: string;
  caption: ReactNode;
  captionHidden?: boolean;
  head: readonly ReactNode[];
  /** The column the rows are sorted by, for aria-sort. */
  sortedColumn?: { index: number; order: "ascending" | "descending" };
  children: ReactNode;
}) {
  return (
    <div role="region" aria-labelledby={`${id}-caption`} tabIndex={0} className="relative overflow-x-auto mb-8">
      <table id={id} className="w-full border-collapse text-sm md:text-base">
        <caption id={`${id}-caption`} className={captionHidden ? "sr-only" : "text-lg md:text-xl font-bold mb-3"}>
          {caption}
        </caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th
                key={i}
                scope="col"
                aria-sort={sortedColumn?.index === i ? sortedColumn.order : undefined}
                className="text-left align-bottom border-b-2 border-ink py-2 pr-2 md:pr-4 font-bold"
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A body cell. */
export const cellClass = "align-top border-b border-border py-3 pr-2 md:pr-4";
/** A row's header cell (<th scope="row">). */
export const rowHeaderClass = `${cellClass} text-left font-bold`;
