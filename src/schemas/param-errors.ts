// What the public pages say about a bad GET parameter. The parsers (commitment-query.ts) report
// terse messages written for the API; this turns each into GOV.UK-style wording for a person,
// links it to the field to fix, and lists them in the order of the form.
import { PUBLIC_STATUS_CODES, isPublicStatusCode } from "../domain/status";
import { formatLongDate } from "../domain/dates";
import { quoted } from "../domain/wording";
import { slugSchema } from "./common";
import { MAX_PAGE_SIZE, MAX_QUERY_LENGTH, NUL_MESSAGE, paramValues, type RawParams } from "./commitment-query";
import type { FieldError, PageError } from "./errors";
import { SCORECARD_COLUMN_MESSAGE } from "./scorecard-query";
import { typedDateMessage } from "./date-input";

/** A parameter problem; `value` is the offending value when the parser already knows it (an unknown area). */
export type ParamError = FieldError & { value?: string };

/** Where each field's error links to, and the order errors are listed in (the form's order). */
const FIELD_TARGETS: Record<string, string> = {
  q: "#q",
  status: "#status",
  overdue: "#overdue",
  missed: "#missed",
  area: "#area",
  organisation: "#organisation",
  due_after: "#due_after",
  due_before: "#due_before",
  as_of: "#as_of",
  // No field on the page: the version is chosen by the link (see "Cite this page").
  version: "#main-content",
  recorded_on: "#main-content",
  sort: "#sort",
  order: "#sort",
  page: "#results",
  page_size: "#results",
};

/** The public pages' date parameters, each typed in a date input (src/components/govuk/date-input.tsx). */
export const PUBLIC_DATE_PARAMS = ["due_after", "due_before", "as_of"] as const;

/** The parameters the public pages read, in the order their forms show them. */
export const PAGE_PARAMS = Object.keys(FIELD_TARGETS);

/** The parser's terse message turned into GOV.UK-style wording for a person. */
function friendlyMessage(error: ParamError, raw: RawParams): string {
  const values = paramValues(raw, error.field);
  const first = values[0] ?? "";
  switch (error.field) {
    case "status": {
      const bad = values.find((v) => !isPublicStatusCode(v));
      return bad !== undefined
        ? `There is no status called ${quoted(bad)}: choose statuses from the list`
        : `Choose no more than ${PUBLIC_STATUS_CODES.length} statuses`;
    }
    case "area":
    case "organisation": {
      const bad = error.value ?? values.find((v) => !slugSchema.safeParse(v).success);
      return bad !== undefined
        ? `There is no ${error.field} called ${quoted(bad)}`
        : `Choose fewer ${error.field === "area" ? "areas" : "organisations"}`;
    }
    case "overdue":
      return `Choose whether to show overdue commitments (${quoted(first)} is not one of the choices)`;
    case "missed":
      return `Choose whether to show commitments that missed a deadline (${quoted(first)} is not one of the choices)`;
    case "version":
    case "recorded_on":
      return recordVersionMessage(error.field, error.message, first);
    case "due_after":
    case "due_before": {
      const name = error.field === "due_after" ? "‘due on or after’" : "‘due on or before’";
      if (/due_after must be on or before due_before/.test(error.message)) {
        return "The ‘due on or after’ date must be the same as or earlier than the ‘due on or before’ date";
      }
      return typedDateMessage(`The ${name} date`, first) ?? `The ${name} date must be a real date, for example 31 12 2026`;
    }
    case "q":
      if (error.message.endsWith(NUL_MESSAGE)) return "Search words must not contain invisible control characters";
      return `Search words must be ${MAX_QUERY_LENGTH} characters or fewer`;
    case "as_of":
      if (/future/.test(error.message)) return "The date to view the tracker on must be today or in the past";
      if (/on or after/.test(error.message))
        return "The date to view the tracker on must be on or after 1 January 2026, when the roadmap was published";
      return (
        typedDateMessage("The date to view the tracker on", first) ?? "The date to view the tracker on must be a real date, for example 1 6 2026"
      );
    case "sort":
      if (error.message.includes(SCORECARD_COLUMN_MESSAGE)) return "Choose a column of the scorecard to sort by";
      return "Choose how to sort commitments from the list";
    case "order":
      return "Choose to sort smallest first (asc) or largest first (desc)";
    case "page":
      return `Page number must be a whole number, 1 or more (${quoted(first)} is not)`;
    case "page_size":
      return `Results per page must be a whole number from 1 to ${MAX_PAGE_SIZE}`;
    default:
      return error.message;
  }
}

/** version= and recorded_on= problems (src/server/record-at.ts checks them against the database). */
function recordVersionMessage(field: "version" | "recorded_on", message: string, value: string): string {
  if (field === "recorded_on" && /combined with version/.test(message)) return "Choose a version or a date it was recorded on, not both";
  if (field === "version") {
    const latest = /latest version is (\d+)/.exec(message)?.[1];
    if (latest) return `There is no version ${value} of the record yet: the latest is version ${latest}`;
    return `The version must be a whole number, 1 or more (${quoted(value)} is not)`;
  }
  const first = /first version was recorded on (\d{4}-\d{2}-\d{2})/.exec(message)?.[1];
  if (first)
    return `Nothing had been published by the end of ${formatLongDate(value)}: the first version of the record was recorded on ${formatLongDate(first)}`;
  if (/future/.test(message)) return "The date the record was recorded on must be today or in the past";
  if (/nothing has been published/.test(message)) return "Nothing has been published yet";
  return "The date the record was recorded on must be a real date written as year-month-day, for example 2026-12-01";
}

/**
 * The problems for the error summary, in form order, each linked to its field. `targets`
 * overrides where a field's error links to (on /missed the page number belongs to the list of
 * moved deadlines).
 */
export function pageErrors(errors: readonly ParamError[], raw: RawParams, targets: Record<string, string> = {}): PageError[] {
  const rank = (field: string) => {
    const i = PAGE_PARAMS.indexOf(field);
    return i === -1 ? PAGE_PARAMS.length : i;
  };
  return [...errors]
    .sort((a, b) => rank(a.field) - rank(b.field))
    .map((e) => ({ field: e.field, href: targets[e.field] ?? FIELD_TARGETS[e.field] ?? "#main-content", message: friendlyMessage(e, raw) }));
}
