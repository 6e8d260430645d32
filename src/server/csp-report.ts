// Content-Security-Policy violation reports (POST /api/csp-report, named by report-uri and
// report-to in every policy). Anyone can send one, so: at most 8 KB read, at most 30 lines a
// minute written for the whole process, and only a few known fields, each cut short and written
// as a JSON string (no line breaks or terminal codes of anyone's making reach the log).
// No framework imports.

export const CSP_REPORT_LIMIT_BYTES = 8 * 1024;
const LINES_PER_MINUTE = 30;

let windowStart = 0;
let written = 0;
let dropped = 0;

/** A field as the log shows it: a string, at most `max` characters, JSON-quoted. */
const field = (value: unknown, max = 200) =>
  JSON.stringify(typeof value === "string" ? value.slice(0, max) : typeof value === "number" ? String(value) : "");

/** Only the origin and path of an address: a query string may hold someone's data. */
function withoutQuery(value: unknown): string {
  if (typeof value !== "string") return "";
  try {
    const url = new URL(value);
    return `${url.origin}${url.pathname}`;
  } catch {
    return value.slice(0, 40);
  }
}

/** The violations in a report body: the report-uri format ({"csp-report": {...}}) or the Reporting API's ([{type, body}]). */
function violations(parsed: unknown): Record<string, unknown>[] {
  if (Array.isArray(parsed))
    return parsed
      .filter(
        (r): r is { type: string; body: Record<string, unknown> } =>
          !!r && typeof r === "object" && r.type === "csp-violation" && typeof r.body === "object" && r.body !== null,
      )
      .map((r) => r.body);
  if (parsed && typeof parsed === "object" && "csp-report" in parsed) {
    const report = (parsed as Record<string, unknown>)["csp-report"];
    if (report && typeof report === "object") return [report as Record<string, unknown>];
  }
  return [];
}

/** The log lines for a report (already limited in size), or [] when it is not one or the minute's allowance is spent. */
export function cspReportLines(text: string, now = Date.now()): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const lines: string[] = [];
  for (const v of violations(parsed).slice(0, 5)) {
    if (now - windowStart >= 60_000) {
      if (dropped > 0) lines.push(`[csp] ${dropped} more reports in the last minute were not logged`);
      windowStart = now;
      written = 0;
      dropped = 0;
    }
    if (written >= LINES_PER_MINUTE) {
      dropped++;
      continue;
    }
    written++;
    const directive = v["effectiveDirective"] ?? v["effective-directive"] ?? v["violated-directive"];
    const page = withoutQuery(v["documentURL"] ?? v["document-uri"]);
    const blocked = withoutQuery(v["blockedURL"] ?? v["blocked-uri"]);
    lines.push(
      `[csp] violation directive=${field(directive, 60)} page=${field(page)} blocked=${field(blocked)} line=${field(v["lineNumber"] ?? v["line-number"], 10)}`,
    );
  }
  return lines;
}
