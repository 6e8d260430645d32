import type { ReactNode } from "react";

/** GOV.UK warning text: a bold statement with an exclamation mark icon. */
export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="flex items-start gap-4 my-6">
      <span
        aria-hidden="true"
        className="shrink-0 inline-flex items-center justify-center w-9 h-9 rounded-full bg-ink text-white font-bold text-2xl leading-none"
      >
        !
      </span>
      <strong className="font-bold pt-1">
        <span className="sr-only">Warning: </span>
        {children}
      </strong>
    </div>
  );
}
