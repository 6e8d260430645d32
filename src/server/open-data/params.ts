// Reading the query string of open-data requests with the shared field schemas. Every bad
// parameter is reported by name; a parameter the endpoint does not know is an error too, so a
// typo ("organization=") cannot silently return everything.
import { z } from "zod";
import { commitmentQueryFields, parseCommitmentQuery, parseParam, type CommitmentQuery } from "../../schemas/commitment-query";
import type { FieldError } from "../../schemas/errors";
import { asOfQueryFields, changeQueryFields, feedQueryFields, CHANGE_KINDS } from "../../schemas/api";
import { todayIso } from "../../domain/dates";

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

function unknownParameters(params: URLSearchParams, allowed: readonly string[]): FieldError[] {
  const unknown = [...new Set(params.keys())].filter((name) => !allowed.includes(name));
  const known = allowed.length ? `this endpoint accepts ${allowed.join(", ")}` : "this endpoint takes no parameters";
  return unknown.map((name) => ({ field: name, message: `${name} is not a parameter of this endpoint: ${known}` }));
}

/** Plainer words for zod's generic messages. */
const plain = (e: FieldError): FieldError => ({
  ...e,
  message: e.message.replace(/Invalid input: expected number, received NaN$/, "must be a whole number"),
});

const result = <T>(value: T, errors: FieldError[]): Parsed<T> => (errors.length ? { ok: false, errors: errors.map(plain) } : { ok: true, value });

/** The filters of GET /api/v1/commitments: exactly those of the public list. */
export function parseCommitmentListParams(params: URLSearchParams, today = todayIso()): Parsed<CommitmentQuery> {
  const errors = unknownParameters(params, Object.keys(commitmentQueryFields));
  const parsed = parseCommitmentQuery(params, today);
  return result(parsed.query, [...errors, ...parsed.errors]);
}

/** Endpoints that only take an as-of date. */
export function parseAsOfParams(params: URLSearchParams, today = todayIso()): Parsed<{ asOf: string }> {
  const errors = unknownParameters(params, Object.keys(asOfQueryFields));
  const asOf = parseParam(params, "as_of", asOfQueryFields.as_of, errors);
  return result({ asOf: asOf ?? today }, errors);
}

export function parseNoParams(params: URLSearchParams): Parsed<Record<string, never>> {
  return result({}, unknownParameters(params, []));
}

export type ChangeListParams = {
  area: string[];
  organisation: string[];
  kind?: (typeof CHANGE_KINDS)[number];
  since?: string;
  asOf: string;
  /** as_of was given (not empty): links keep it. */
  asOfGiven: boolean;
  page: number;
  pageSize: number;
};

const DEFAULT_CHANGES_PAGE_SIZE = 50;

export function parseChangeListParams(params: URLSearchParams, today = todayIso()): Parsed<ChangeListParams> {
  const f = changeQueryFields;
  const errors = unknownParameters(params, Object.keys(f));
  const list = <T>(name: "area" | "organisation", schema: z.ZodType<T>) => parseParam(params, name, schema, errors, true);
  const asOf = parseParam(params, "as_of", f.as_of, errors);
  const value: ChangeListParams = {
    area: list("area", f.area) ?? [],
    organisation: list("organisation", f.organisation) ?? [],
    kind: parseParam(params, "kind", f.kind, errors),
    since: parseParam(params, "since", f.since, errors),
    asOf: asOf ?? today,
    asOfGiven: asOf !== undefined,
    page: parseParam(params, "page", f.page, errors) ?? 1,
    pageSize: parseParam(params, "page_size", f.page_size, errors) ?? DEFAULT_CHANGES_PAGE_SIZE,
  };
  if (value.since && value.since > value.asOf) errors.push({ field: "since", message: `since must be on or before as_of (${value.asOf})` });
  return result(value, errors);
}

/** /changes.atom and /deadlines.ics: an optional area filter. */
export function parseFeedParams(params: URLSearchParams): Parsed<{ area: string[] }> {
  const errors = unknownParameters(params, Object.keys(feedQueryFields));
  const area = parseParam(params, "area", feedQueryFields.area, errors, true) ?? [];
  return result({ area }, errors);
}
