// The state a server action hands back to its form (useActionState): field errors in form order,
// the submitted values (so nothing typed is lost), and any notice or conflict to show. Plain
// data only: it is serialised to the browser, or rendered into the page when JavaScript is off.
// A wire contract between src/server/editor (which builds it) and the forms (which show it).
import type { FieldError } from "./errors";
import type { FormValues } from "./editor";

export type ConflictView = {
  message: string;
  rows: { label: string; current: string; submitted: string }[];
  changedBy: string | null;
  changedAt: string | null;
};

type Notice = { title: string; lines: string[]; secret?: string };

export type FormState = {
  /** Increases with every submission, so fields re-mount with the values below. */
  seq: number;
  errors: FieldError[];
  values: FormValues;
  /** A problem not tied to one field (refused, not found, already reviewed). */
  message?: string;
  conflict?: ConflictView;
  /** Success shown in place (for results that cannot go in a URL, like a one-time password). */
  notice?: Notice;
  /** Anything else a particular form needs to show (the CSV import preview). */
  data?: unknown;
};

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

export const initialFormState = (values: FormValues = {}): FormState => ({ seq: 0, errors: [], values });
