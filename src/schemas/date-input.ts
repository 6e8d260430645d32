// The date input (src/components/govuk/date-input.tsx) on the server, defined once: its three
// boxes (name-day, name-month, name-year) folded into the one value the schemas read, and the
// schema of a date a person types, with GOV.UK's messages (src/domain/date-entry.ts).
import { z } from "zod";
import { DATE_PART_NAMES, combineDateParts, dateProblem, dateProblemMessage, datePartName, readTypedDate } from "../domain/date-entry";
import { isIsoDate, todayIso } from "../domain/dates";

type Entries = URLSearchParams | Record<string, unknown>;

const get = (entries: Entries, key: string): string | undefined => {
  const v = entries instanceof URLSearchParams ? entries.get(key) : entries[key];
  return typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : undefined;
};

/**
 * The same entries with each date field's three boxes made one value under the field's own name
 * (and the boxes dropped): a real date as YYYY-MM-DD, anything else as typed, day/month/year, for
 * the schema to explain. A field typed into one box ("30/06/2026") is read too.
 */
export function foldDateFields<T extends Entries>(entries: T, names: readonly string[]): T {
  const out = (entries instanceof URLSearchParams ? new URLSearchParams(entries) : { ...entries }) as T;
  const set = (key: string, value: string | undefined) => {
    if (out instanceof URLSearchParams) {
      if (value === undefined) out.delete(key);
      else out.set(key, value);
    } else if (value === undefined) delete (out as Record<string, unknown>)[key];
    else (out as Record<string, unknown>)[key] = value;
  };
  for (const name of names) {
    const parts = DATE_PART_NAMES.map((p) => get(entries, datePartName(name, p)));
    if (parts.some((p) => p !== undefined)) {
      const [day = "", month = "", year = ""] = parts;
      for (const p of DATE_PART_NAMES) set(datePartName(name, p), undefined);
      const combined = combineDateParts({ day, month, year });
      // The boxes win over a value of the same name only when something was typed in them.
      if (combined || get(entries, name) === undefined) set(name, combined);
    } else {
      const single = get(entries, name);
      const read = single === undefined ? null : readTypedDate(single);
      if (read) set(name, read);
    }
  }
  return out;
}

/** The message for a date that is not one (null when it is, or when nothing was typed). */
export function typedDateMessage(label: string, value: string): string | null {
  const problem = dateProblem(value);
  return problem ? dateProblemMessage(label, problem) : null;
}

/**
 * A date a person typed (three boxes, or one: "30/06/2026", "2026-06-30"), as YYYY-MM-DD.
 * `label` is the subject of the messages, with a capital: "The date the evidence was published".
 */
export function typedDateSchema(label: string, options: { notFuture?: boolean } = {}) {
  const enter = `Enter ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  const schema = z
    .string({ error: enter })
    .trim()
    .min(1, enter)
    .transform((value, ctx) => {
      const date = readTypedDate(value);
      if (date) return date;
      ctx.addIssue({ code: "custom", message: typedDateMessage(label, value) ?? `${label} must be a real date, for example 30 6 2026` });
      return z.NEVER;
    });
  return options.notFuture ? schema.refine((s) => s <= todayIso(), `${label} must be today or in the past`) : schema;
}

/**
 * The address a GET filter form should have been sent to: the same query with each date field's
 * three boxes made one `name=YYYY-MM-DD`, and every field left empty dropped (the pages read an
 * empty field as none), so the address a reader cites is the clean one (`?as_of=2026-05-01`).
 * Null when there are no boxes, or when a field does not make a date: that page explains the
 * problem in place.
 */
export function foldedDateQuery(search: URLSearchParams, names: readonly string[]): URLSearchParams | null {
  const boxes = names.filter((name) => DATE_PART_NAMES.some((p) => search.has(datePartName(name, p))));
  if (boxes.length === 0) return null;
  const folded = foldDateFields(search, names);
  for (const name of boxes) {
    const value = folded.get(name) ?? "";
    if (value !== "" && !isIsoDate(value)) return null;
  }
  return new URLSearchParams([...folded].filter(([, value]) => value.trim() !== ""));
}
