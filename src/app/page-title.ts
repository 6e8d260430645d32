// Page titles: GOV.UK puts "Error: " in front of the title of a page that shows an error summary,
// so screen readers say it first. (A form submitted in place adds it in the browser: see
// src/components/govuk/error-summary.tsx.)
export function pageTitle(title: string, errors: readonly unknown[]): string {
  return errors.length ? `Error: ${title}` : title;
}
