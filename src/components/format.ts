// Plain-English wording shared by public pages.
import { formatLongDate, isIsoDate } from "../domain/dates";

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

export const days = (n: number) => plural(n, "day");

/** '2026-03-14' → '14 March 2026'; anything else is returned unchanged. */
export function longDate(d: string | null | undefined): string {
  if (!d) return "";
  return isIsoDate(d) ? formatLongDate(d) : d;
}

/** Shortens user input before showing it back (for example in an error message). */
export function shorten(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}
