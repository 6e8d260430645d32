// The as-of date and record version of an open-data request, checked against the database, and
// what they mean for caching: an answer at a version a reader chose never changes, so it may be
// kept for a year.
import { getDb } from "../db";
import { resolveView, recordParams, type View } from "../record-at";
import { todayIso } from "../../domain/dates";
import type { FieldError } from "../../schemas/errors";
import type { WhenParams } from "./params";
import { invalidParameters } from "./http";
import { IMMUTABLE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from "../http";

/** What an answer's meta says about the version it shows (and what its cache key needs). */
export type RecordRef = { version: number; publishedAt: string | null };

export const recordRef = (view: View): RecordRef => ({ version: view.at.version, publishedAt: view.at.info?.publishedAt ?? null });

export const cacheControlFor = (view: View) => (view.immutable ? IMMUTABLE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL);

/** The view of a request, or the 400 answer naming every bad parameter. */
export async function readView(request: Request, when: WhenParams): Promise<{ ok: true; view: View } | { ok: false; response: Response }> {
  const errors: FieldError[] = [];
  const view = await resolveView(getDb(), when, todayIso(), errors);
  return errors.length ? { ok: false, response: invalidParameters(request, errors) } : { ok: true, view };
}

/** as_of, version and recorded_on as the reader gave them, to keep in links. */
export function viewParams(view: View): Record<string, string | number | undefined> {
  return { as_of: view.asOfGiven ? view.asOf : undefined, ...recordParams(view.at) };
}
