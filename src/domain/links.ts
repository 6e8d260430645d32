// Links between public pages. Every filter is a GET parameter, so every view has an address that
// can be shared; a page shown as of a past date keeps that date in its links.
type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type QueryValues = Record<string, QueryValue>;

/** path?key=value&… with empty values left out (repeated keys for arrays). */
export function buildHref(path: string, params: QueryValues = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    const values = Array.isArray(value) ? value : [value as string | number | boolean];
    for (const item of values) if (item !== "") search.append(key, String(item));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * { as_of } when the page is showing a past date, and the version the reader chose (version= or
 * recorded_on=), so links keep the reader in that date and version.
 */
export function asOfParams(asOf: string, asOfGiven: boolean, record?: { params: QueryValues }): QueryValues {
  return { ...(asOfGiven ? { as_of: asOf } : {}), ...(record?.params ?? {}) };
}
