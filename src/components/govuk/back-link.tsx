import type { ReactNode } from "react";

/** GOV.UK back link. */
export function BackLink({ href, children = "Back" }: { href: string; children?: ReactNode }) {
  return (
    <a href={href} className="inline-block mb-6 text-ink visited:text-ink">
      <span aria-hidden="true">‹ </span>
      {children}
    </a>
  );
}
