// How numbers and people's own text are written back to readers, in one place.

/** '1 commitment', '1,200 commitments'. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

export const days = (n: number) => plural(n, "day");

/** Shortens what someone typed before showing it back (for example in an error message). */
export function shorten(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** What someone typed, shortened and in curly quotes: “bogus”. */
export const quoted = (value: string) => `“${shorten(value)}”`;

/** A whole-number percentage; 0 of nothing is 0%. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}
