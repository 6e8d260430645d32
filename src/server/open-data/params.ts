// Reading the query string of open-data requests with the shared field schemas. Every bad
// parameter is reported by name; a parameter the endpoint does not know is an error too, so a
// typo ("organization=") cannot silently return everything.
import { z } from "zod";
import { commitmentQueryFields, parseCommitmentQuery, parseParam, parseRecordVersion, type CommitmentQuery } from "../../schemas/commitment-query";
import type { FieldError } from "../../schemas/errors";
import { asOfQueryFields, changeQueryFields, feedQueryFields, CHANGE_KINDS } from "../../schemas/api";
import { todayIso } from "../../domain/dates";
import { parseScorecardQuery, scorecardQueryFields, type ScorecardQuery } from "../../schemas/scorecard-query";

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

/** An as-of date and a record version, as given (checked against the database by resolveView). */
export type WhenParams = { asOf?: string; version?: number; recordedOn?: string };

function parseWhen(params: URLSearchParams, errors: FieldError[]): WhenParams {
  return { asOf: parseParam(params, "as_of", asOfQueryFields.as_of, errors), ...parseRecordVersion(params, errors) };
}

/** Endpoints that take an as-of date and a record version. */
export function parseAsOfParams(params: URLSearchParams): Parsed<WhenParams> {
  const errors = unknownParameters(params, Object.keys(asOfQueryFields));
  return result(parseWhen(params, errors), errors);
}

export function parseNoParams(params: URLSearchParams): Parsed<Record<string, never>> {
  return result({}, unknownParameters(params, []));
}

export type ChangeListParams = WhenParams & {
  area: string[];
  organisation: string[];
  kind?: (typeof CHANGE_KINDS)[number];
  since?: string;
  page: number;
  pageSize: number;
};

const DEFAULT_CHANGES_PAGE_SIZE = 50;

export function parseChangeListParams(params: URLSearchParams, today = todayIso()): Parsed<ChangeListParams> {
  const f = changeQueryFields;
  const errors = unknownParameters(params, Object.keys(f));
  const list = <T>(name: "area" | "organisation", schema: z.ZodType<T>) => parseParam(params, name, schema, errors, true);
  const value: ChangeListParams = {
    ...parseWhen(params, errors),
    area: list("area", f.area) ?? [],
    organisation: list("organisation", f.organisation) ?? [],
    kind: parseParam(params, "kind", f.kind, errors),
    since: parseParam(params, "since", f.since, errors),
    page: parseParam(params, "page", f.page, errors) ?? 1,
    pageSize: parseParam(params, "page_size", f.page_size, errors) ?? DEFAULT_CHANGES_PAGE_SIZE,
  };
  const asOf = value.asOf ?? today;
  if (value.since && value.since > asOf) errors.push({ field: "since", message: `since must be on or before as_of (${asOf})` });
  return result(value, errors);
}

/**
 * /changes.atom and /deadlines.ics: an optional area filter, and a record version. The feeds of one
 * area, organisation or commitment (`withArea: false`) take only the record version.
 */
export function parseFeedParams(params: URLSearchParams, withArea = true): Parsed<{ area: string[]; version?: number; recordedOn?: string }> {
  const errors = unknownParameters(
    params,
    Object.keys(feedQueryFields).filter((name) => withArea || name !== "area"),
  );
  const area = withArea ? (parseParam(params, "area", feedQueryFields.area, errors, true) ?? []) : [];
  const { version, recordedOn } = parseWhen(new URLSearchParams([...params].filter(([k]) => k !== "as_of")), errors);
  return result({ area, version, recordedOn }, errors);
}

/** /data/scorecards.csv: the scorecards page's parameters (sort, order, area) with an as-of date and a record version. */
export function parseScorecardParams(params: URLSearchParams): Parsed<WhenParams & ScorecardQuery> {
  const errors = unknownParameters(params, [...Object.keys(scorecardQueryFields), ...Object.keys(asOfQueryFields)]);
  const when = parseWhen(params, errors);
  return result({ ...when, ...parseScorecardQuery(params, errors) }, errors);
}

/**
 * /data/commitments.csv: an as-of date and a record version, and optionally every filter and the
 * sort of /commitments (not its paging: a download holds every match). With no filter and no
 * sort, every commitment in the dataset's own order (by area, then slug).
 */
export function parseCommitmentDownloadParams(params: URLSearchParams, today = todayIso()): Parsed<WhenParams & { filters: CommitmentQuery | null }> {
  const fields = Object.keys(commitmentQueryFields).filter((name) => name !== "page" && name !== "page_size");
  const errors = unknownParameters(params, fields);
  const when = parseWhen(params, errors);
  const filtered = fields.some((name) => !(name in asOfQueryFields) && params.getAll(name).some((v) => v.trim() !== ""));
  const parsed = filtered ? parseCommitmentQuery(params, today) : null;
  // parseCommitmentQuery checks as_of, version and recorded_on again: report each problem once.
  const more = parsed ? parsed.errors.filter((e) => !(e.field in asOfQueryFields)) : [];
  return result({ ...when, filters: parsed?.query ?? null }, [...errors, ...more]);
}
