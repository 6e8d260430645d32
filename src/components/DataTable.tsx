import type { ReactNode } from "react";

/**
 * A table that scrolls sideways on narrow screens instead of breaking the page layout. The
 * scrolling region is focusable and labelled, so keyboard users can scroll it too.
 */
export function DataTable({ id, caption, head, children }: { id: string; caption: ReactNode; head: ReactNode[]; children: ReactNode }) {
  return (
    <div role="region" aria-labelledby={`${id}-caption`} tabIndex={0} className="relative overflow-x-auto mb-8">
      <table id={id} className="w-full border-collapse text-sm md:text-base">
        <caption id={`${id}-caption`} className="text-lg md:text-xl font-bold mb-3">
          {caption}
        </caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className="text-left align-bottom border-b-2 border-ink py-2 pr-2 md:pr-4 font-bold">
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

export const cellClass = "align-top border-b border-border py-3 pr-2 md:pr-4";
