// The filters of /commitments and GET /api/v1/commitments, defined once. Query strings are
// parsed leniently: every bad parameter is reported by name, and the rest still apply.
import { z } from "zod";
import { PUBLIC_STATUS_CODES, type PublicStatusCode } from "../domain/status";
import { todayIso } from "../domain/dates";
import { shorten } from "../domain/wording";
import { isoDateSchema, slugSchema } from "./common";
import type { FieldError } from "./errors";

const SORTS = ["due", "overdue", "updated", "relevance"] as const;

/**
 * Which version of the record to show (docs/decisions/0009-record-versions.md). Either, not both;
 * with neither, the latest. Checked against the database once parsed (src/server/record-at.ts).
 */
export const RECORD_VERSION_FIELDS = {
  version: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(2_000_000_000, "is not a version of this record")
    .describe("Show the record exactly as it was published at this version (meta.version of any answer). Nothing published later changes it."),
  recorded_on: isoDateSchema
    .refine((d) => d <= todayIso(), "cannot be in the future")
    .describe("Show the record as it stood at the end of this day in Europe/London: the last version published by then"),
} as const;
type Sort = (typeof SORTS)[number];
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_QUERY_LENGTH = 200;
export const NUL_MESSAGE = "must not contain the character U+0000";

export const commitmentQueryFields = {
  area: z.array(slugSchema).max(10).describe("Area slug; repeat for several"),
  organisation: z.array(slugSchema).max(20).describe("Organisation slug (lead or supporting owner); repeat for several"),
  status: z
    .array(z.enum(PUBLIC_STATUS_CODES as [PublicStatusCode, ...PublicStatusCode[]]))
    .max(PUBLIC_STATUS_CODES.length)
    .describe("Status code, or no_progress_reported; repeat for several"),
  overdue: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .describe("Only overdue (true) or only not overdue (false)"),
  missed: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .describe(
      "Only commitments that had missed at least one deadline by the as-of date, whether still overdue, moved, delivered late or dropped (true), or only those that had not (false)",
    ),
  due_before: isoDateSchema.describe("Due on or before this date"),
  due_after: isoDateSchema.describe("Due on or after this date"),
  q: z
    .string()
    .trim()
    .min(1)
    .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)
    // PostgreSQL text cannot hold U+0000: refused here rather than failing in the database.
    .refine((v) => !v.includes("\u0000"), NUL_MESSAGE)
    .describe("Full-text search of titles and summaries"),
  as_of: isoDateSchema
    .refine((d) => d >= "2026-01-01", "must be on or after 2026-01-01, when the roadmap was published")
    .refine((d) => d <= todayIso(), "cannot be in the future")
    .describe("Show the tracker as it stood on this date"),
  sort: z.enum(SORTS).describe("due (soonest first), overdue (most overdue first), updated (recently confirmed first), relevance (with q)"),
  ...RECORD_VERSION_FIELDS,
  page: z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").max(10_000),
  page_size: z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`),
} as const;

const LIST_FIELDS = new Set(["area", "organisation", "status"]);

export type CommitmentQuery = {
  area: string[];
  organisation: string[];
  status: PublicStatusCode[];
  overdue?: boolean;
  missed?: boolean;
  /** version= as given; once checked against the database, the version read (see src/server/record-at.ts). */
  version?: number;
  recordedOn?: string;
  dueBefore?: string;
  dueAfter?: string;
  q?: string;
  asOf: string;
  asOfGiven: boolean;
  sort: Sort;
  page: number;
  pageSize: number;
};

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** The first value of a page's search parameter (Next.js gives a list when one is repeated). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A parameter's values. Empty values are dropped, so `q=` is the same as no `q` on every page,
 * endpoint, feed and download (the pages' filter forms send empty fields; the OpenAPI document says so).
 */
export function paramValues(params: RawParams, name: string): string[] {
  const values = params instanceof URLSearchParams ? params.getAll(name) : ([] as string[]).concat(params[name] ?? []);
  return values.map((v) => v.trim()).filter((v) => v !== "");
}

/** Validates one parameter; returns undefined (and records the error) when it is bad. */
export function parseParam<T>(params: RawParams, name: string, schema: z.ZodType<T>, errors: FieldError[], list = false): T | undefined {
  const values = paramValues(params, name);
  if (values.length === 0) return undefined;
  const parsed = schema.safeParse(list ? values : values[0]);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const value = list && typeof issue.path[0] === "number" ? values[issue.path[0]] : values[0];
  const shown = value === undefined ? undefined : shorten(value);
  errors.push({
    field: name,
    message: `${name}${shown !== undefined ? ` "${shown}"` : ""} ${issue.message.replace(/^Invalid option: expected one of /, "must be one of ")}`,
  });
  return undefined;
}

/** version= and recorded_on=: either, not both (with both, recorded_on is refused and version kept). */
export function parseRecordVersion(params: RawParams, errors: FieldError[]): { version?: number; recordedOn?: string } {
  const version = parseParam(params, "version", RECORD_VERSION_FIELDS.version, errors);
  const recordedOn = parseParam(params, "recorded_on", RECORD_VERSION_FIELDS.recorded_on, errors);
  if (version === undefined || recordedOn === undefined) return { version, recordedOn };
  errors.push({ field: "recorded_on", message: "recorded_on cannot be combined with version: give one or the other" });
  return { version };
}

export function parseCommitmentQuery(params: RawParams, today = todayIso()): { query: CommitmentQuery; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const f = commitmentQueryFields;
  const get = <K extends keyof typeof f>(name: K) =>
    parseParam(params, name, f[name] as unknown as z.ZodType<z.output<(typeof f)[K]>>, errors, LIST_FIELDS.has(name));
  const asOf = get("as_of");
  const q = get("q");
  const query: CommitmentQuery = {
    area: get("area") ?? [],
    organisation: get("organisation") ?? [],
    status: get("status") ?? [],
    overdue: get("overdue"),
    missed: get("missed"),
    ...parseRecordVersion(params, errors),
    dueBefore: get("due_before"),
    dueAfter: get("due_after"),
    q,
    asOf: asOf ?? today,
    asOfGiven: asOf !== undefined,
    sort: get("sort") ?? (q ? "relevance" : "due"),
    page: get("page") ?? 1,
    pageSize: get("page_size") ?? DEFAULT_PAGE_SIZE,
  };
  if (query.dueBefore && query.dueAfter && query.dueAfter > query.dueBefore) {
    errors.push({ field: "due_after", message: "due_after must be on or before due_before" });
    query.dueAfter = undefined;
  }
  return { query, errors };
}
