// Problems with what someone sent, as every layer passes them on: the parsers, the editor's
// mutations, the API's problem details and the pages' error summaries.

/** One problem with one field (a form field or a query parameter), by its name. */
export type FieldError = { field: string; message: string };

/** A problem as the GOV.UK error summary lists it: `href` is the control to fix (or the part of the page it is about). */
export type PageError = FieldError & { href: string };
