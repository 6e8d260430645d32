"use client";
// GOV.UK error summary, the one used by every form, server-rendered or not. It behaves as GOV.UK
// Frontend's does:
//  - it takes focus when the page loads with errors (the autofocus attribute, so this works
//    without JavaScript too) and whenever a submission in place comes back with errors;
//  - with JavaScript, a link moves focus to its field and scrolls the field's label or legend
//    into view (without it, the link is a plain in-page link to the field);
//  - the page title starts "Error: " while there are errors. Server-rendered pages put it in
//    their metadata; after a submission in place, this adds it (and takes it off again).
// role=alert makes screen readers announce it.
import { useEffect, useRef, type MouseEvent } from "react";

/** One problem: `href` is the field (or part of the page) to fix; without it, the message is not a link. */
export type SummaryError = { message: string; href?: string };

const PREFIX = "Error: ";

/** GOV.UK Frontend's behaviour: the legend (or label) stays in view above the field it names. */
function focusTarget(event: MouseEvent<HTMLAnchorElement>) {
  const href = event.currentTarget.getAttribute("href") ?? "";
  const target = href.startsWith("#") ? document.getElementById(href.slice(1)) : null;
  if (!target || (target.tabIndex < 0 && !target.hasAttribute("tabindex"))) return;
  event.preventDefault();
  const legend = target.closest("fieldset")?.querySelector("legend");
  const label = document.querySelector(`label[for="${CSS.escape(target.id)}"]`);
  (legend ?? label ?? target).scrollIntoView();
  target.focus({ preventScroll: true });
}

/** `submission` (a form's submission count) makes it take focus again when the same errors come back. */
export function ErrorSummary({ errors, submission = 0 }: { errors: readonly SummaryError[]; submission?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = errors.map((e) => `${e.href ?? ""} ${e.message}`).join("\n");
  useEffect(() => {
    if (shown) {
      ref.current?.focus();
      if (!document.title.startsWith(PREFIX)) document.title = `${PREFIX}${document.title}`;
    } else if (document.title.startsWith(PREFIX)) {
      document.title = document.title.slice(PREFIX.length);
    }
  }, [shown, submission]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      id="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      autoFocus
      className="border-4 border-error p-4 md:p-6 mb-8 focus:outline-[3px] focus:outline-focus"
    >
      <h2 id="error-summary-title" className="text-xl md:text-2xl font-bold mb-4">
        There is a problem
      </h2>
      <ul className="space-y-2">
        {errors.map((e, i) => (
          <li key={`${e.href ?? ""}-${i}`}>
            {e.href ? (
              <a href={e.href} onClick={focusTarget} className="font-bold text-error visited:text-error hover:text-[#942514]">
                {e.message}
              </a>
            ) : (
              <span className="font-bold text-error">{e.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
