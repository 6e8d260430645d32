import type { PageError } from "../schemas/errors";

export type { PageError };

/**
 * GOV.UK error summary, at the top of the page, linking to each field with a problem. role=alert
 * makes screen readers announce it on load, with or without JavaScript.
 */
export function ErrorSummary({ errors }: { errors: readonly PageError[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="border-4 border-error p-4 md:p-6 mb-8" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} id="error-summary">
      <h2 id="error-summary-title" className="text-xl md:text-2xl font-bold mb-4">
        There is a problem
      </h2>
      <ul className="space-y-2">
        {errors.map((error, i) => (
          <li key={`${error.field}-${i}`}>
            <a href={error.href} className="font-bold text-error visited:text-error hover:text-[#942514]">
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The inline message shown above a field with a problem. */
export function ErrorMessage({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <p id={id} className="font-bold text-error mb-2">
      <span className="sr-only">Error:</span> {children}
    </p>
  );
}
