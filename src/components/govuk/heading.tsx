import type { ReactNode } from "react";

/** A page's <h1>, with the GOV.UK caption above it (what the page belongs to) when there is one. */
export function PageHeading({ caption, children }: { caption?: ReactNode; children: ReactNode }) {
  return (
    <>
      {caption && <span className="block text-secondary-ink text-lg md:text-xl mb-1">{caption}</span>}
      <h1 className="text-3xl md:text-4xl font-bold mb-6">{children}</h1>
    </>
  );
}
