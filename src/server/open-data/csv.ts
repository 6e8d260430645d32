// The CSV downloads: RFC 4180 (CRLF line ends, double-quoted fields), UTF-8 with a byte-order
// mark so Excel reads accents and curly quotes correctly, and every text cell that a
// spreadsheet could run as a formula neutralised. Written by csv-stringify, streamed row by row.
import { LEAD_NOT_NAMED } from "../../domain/ownership";
import { Readable, pipeline } from "node:stream";
import { stringify } from "csv-stringify";
import type { ApiCommitment, ApiDeadlineRevisionChange, ApiStatusUpdateChange } from "../../schemas/api";
import { toWebStream } from "./stream";
import { missedSentence } from "../../domain/wording";
import { SCORECARD_DEFINITIONS, type ScorecardRow } from "../../domain/scorecard";

type CsvValue = string | number | boolean | null;

export type CsvColumn<T> = { header: string; description: string; value: (row: T) => CsvValue };

/**
 * Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP "CSV
 * injection"): = + - @, and tab or carriage return/line feed before them.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** Prefixes a single quote to text that would otherwise be read as a formula. */
function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present";

export function csvStream<T>(rows: AsyncIterable<T>, columns: readonly CsvColumn<T>[]): ReadableStream<Uint8Array> {
  const stringifier = stringify({
    bom: true,
    header: true,
    columns: columns.map((c) => c.header),
    record_delimiter: "windows",
    quoted_string: true,
    cast: {
      // Numbers (including negative ones such as a deadline brought forward) stay numbers; only
      // text can carry a formula.
      string: (value) => neutraliseFormula(value),
      boolean: (value) => (value ? "true" : "false"),
    },
  });
  async function* records() {
    for await (const row of rows) yield columns.map((c) => c.value(row));
  }
  // pipeline() passes errors and early ends both ways: if the client leaves, the database reads stop.
  pipeline(Readable.from(records()), stringifier, () => {});
  return toWebStream(stringifier);
}

const yesNo = (b: boolean) => b;
const list = (values: string[]) => values.join("; ");

/** A commitment row, with the version of the record the file shows. */
export type CommitmentCsvRow = ApiCommitment & { recordVersion?: number };

export const COMMITMENT_COLUMNS: readonly CsvColumn<CommitmentCsvRow>[] = [
  { header: "slug", description: "Stable identifier of the commitment", value: (c) => c.slug },
  { header: "title", description: "What government committed to", value: (c) => c.title },
  { header: "summary", description: "Plain-English summary", value: (c) => c.summary },
  { header: "area_slug", description: "Roadmap area (identifier)", value: (c) => c.area.slug },
  { header: "area_title", description: "Roadmap area", value: (c) => c.area.title },
  { header: "lead_owner_slug", description: "Lead organisation (identifier)", value: (c) => c.owners.find((o) => o.lead)?.slug ?? null },
  { header: "lead_owner_name", description: "Lead organisation", value: (c) => c.owners.find((o) => o.lead)?.name ?? null },
  {
    header: "supporting_owner_slugs",
    description: "Supporting organisations (identifiers), separated by semicolons",
    value: (c) => list(c.owners.filter((o) => o.role === "supporting").map((o) => o.slug)),
  },
  {
    header: "supporting_owner_names",
    description: "Supporting organisations, separated by semicolons",
    value: (c) => list(c.owners.filter((o) => o.role === "supporting").map((o) => o.name)),
  },
  { header: "deadline_label", description: "The deadline in effect, exactly as published", value: (c) => c.deadline?.label ?? null },
  { header: "deadline_precision", description: "day, month, quarter, season, half, year or open", value: (c) => c.deadline?.precision ?? null },
  { header: "due_date", description: "Last day of the deadline's window (YYYY-MM-DD); empty when open", value: (c) => c.deadline?.dueDate ?? null },
  {
    header: "status_code",
    description: "Stable status code, or no_progress_reported when no source has reported on it",
    value: (c) => c.status.code,
  },
  { header: "status_label", description: "Status", value: (c) => c.status.label },
  {
    header: "status_confirmed_on",
    description: "When a source confirmed the status: the first day of that period (YYYY-MM-DD; see status_confirmed_label)",
    value: (c) => c.status.confirmedOn,
  },
  { header: "overdue", description: "true when the due date has passed and the commitment is not closed", value: (c) => yesNo(c.overdue) },
  { header: "days_overdue", description: "Days past the due date (0 when not overdue)", value: (c) => c.daysOverdue },
  { header: "days_until_due", description: "Days until the due date; empty when closed, open or past due", value: (c) => c.daysUntilDue },
  {
    header: "delivered_late",
    description: "true when the delivery happened wholly after the due date in effect then",
    value: (c) => yesNo(c.deliveredLate),
  },
  { header: "days_late", description: "The fewest days late the delivery can have been (0 unless delivered_late)", value: (c) => c.daysLate },
  { header: "revisions_count", description: "Deadline revisions in effect", value: (c) => c.revisionsCount },
  { header: "announced_on", description: "When the commitment was announced (YYYY-MM-DD)", value: (c) => c.announcedOn },
  { header: "url", description: "The commitment's public page", value: (c) => c.links.html },
  // Added with issue 11 (appended: earlier columns are unchanged).
  {
    header: "status_confirmed_label",
    description: 'When a source confirmed the status, with the source\'s own precision ("June 2026")',
    value: (c) => c.status.confirmed?.label ?? null,
  },
  {
    header: "status_confirmed_precision",
    description: "Precision of that date: day, month, quarter, season, half or year",
    value: (c) => c.status.confirmed?.precision ?? null,
  },
  {
    header: "status_confirmed_to",
    description: "Last day of the period the confirmation date describes (YYYY-MM-DD)",
    value: (c) => c.status.confirmed?.to ?? null,
  },
  {
    header: "status_occurred_label",
    description: "When it happened, as the source words it; empty when no source says",
    value: (c) => c.status.occurred?.label ?? null,
  },
  { header: "status_occurred_precision", description: "Precision of when it happened", value: (c) => c.status.occurred?.precision ?? null },
  {
    header: "status_occurred_from",
    description: "First day of the period in which it happened (YYYY-MM-DD)",
    value: (c) => c.status.occurred?.from ?? null,
  },
  { header: "status_occurred_to", description: "Last day of that period (YYYY-MM-DD)", value: (c) => c.status.occurred?.to ?? null },
  {
    header: "status_effective_on",
    description: "The day the status took effect: the last day of the period in which it is known to have happened (YYYY-MM-DD)",
    value: (c) => c.status.effectiveOn,
  },
  { header: "status_published_at", description: "When the tracker published the update (UTC, ISO 8601)", value: (c) => c.status.publishedAt },
  {
    header: "lateness",
    description: "Delivered statuses: on_time, late or possibly_late (the period in which it happened runs across the due date)",
    value: (c) => c.lateness?.kind ?? null,
  },
  { header: "days_late_max", description: "The most days late the delivery can have been (days_late is the fewest)", value: (c) => c.daysLateMax },
  { header: "missed", description: "true when the commitment had missed at least one deadline by the as-of date", value: (c) => yesNo(c.missed) },
  { header: "missed_deadlines_count", description: "How many deadlines it had missed", value: (c) => c.missedDeadlines.length },
  {
    header: "missed_deadlines",
    description: "Each missed deadline and what followed, separated by semicolons",
    value: (c) => list(c.missedDeadlines.map((m) => missedSentence(m).replace(/\.$/, ""))),
  },
  { header: "record_version", description: "The version of the record this file shows", value: (c) => c.recordVersion ?? null },
  // Added with issue 12 (appended: earlier columns are unchanged).
  {
    header: "lead_named",
    description: "false when no published source names a lead (lead_owner_slug is then empty)",
    value: (c) => yesNo(c.lead.named),
  },
  {
    header: "lead_statement",
    description: `Who leads, in words: the lead's name, "Named jointly: …", or "${LEAD_NOT_NAMED}"`,
    value: (c) => c.lead.statement,
  },
  {
    header: "joint_owner_slugs",
    description: "Organisations a source names jointly, none ranked above another (identifiers), separated by semicolons",
    value: (c) => list(c.owners.filter((o) => o.role === "joint").map((o) => o.slug)),
  },
  {
    header: "owner_bases",
    description: "Where a source names each owner: organisation, article, paragraph, separated by semicolons",
    value: (c) =>
      list(
        c.owners.flatMap((o) =>
          o.basis ? [`${o.slug}: ${o.basis.source.title} (${o.basis.source.publisher}), paragraph ${o.basis.paragraph}`] : [],
        ),
      ),
  },
  {
    header: "status_reported",
    description: "false when no published source has reported on the commitment since the roadmap was published",
    value: (c) => yesNo(c.status.reported),
  },
  {
    header: "area_stated",
    description: "false when no published source places the commitment in its area (the placement is the tracker's)",
    value: (c) => yesNo(c.areaBasis !== null),
  },
  { header: "announced_label", description: 'The announcement as published ("January 2026")', value: (c) => c.announcedLabel },
];

export const STATUS_UPDATE_COLUMNS: readonly CsvColumn<ApiStatusUpdateChange>[] = [
  { header: "id", description: "Stable identifier of the update", value: (u) => u.id },
  { header: "commitment_slug", description: "The commitment (identifier)", value: (u) => u.commitment.slug },
  { header: "commitment_title", description: "The commitment", value: (u) => u.commitment.title },
  { header: "area_slug", description: "Roadmap area (identifier)", value: (u) => u.commitment.area.slug },
  { header: "status_code", description: "Stable status code", value: (u) => u.status.code },
  { header: "status_label", description: "Status", value: (u) => u.status.label },
  {
    header: "confirmed_on",
    description: "When the source confirmed progress: the first day of that period (YYYY-MM-DD; see confirmed_label for its precision)",
    value: (u) => u.confirmed.from,
  },
  { header: "note", description: "What happened, in plain English", value: (u) => u.note },
  { header: "source_title", description: "Evidence: title", value: (u) => u.source.title },
  { header: "source_publisher", description: "Evidence: publisher", value: (u) => u.source.publisher },
  { header: "source_url", description: "Evidence: link", value: (u) => u.source.url },
  { header: "source_published_on", description: "Evidence: publication date (YYYY-MM-DD)", value: (u) => u.source.publishedOn },
  { header: "published_at", description: "When the tracker published the update (UTC, ISO 8601)", value: (u) => u.publishedAt },
  { header: "commitment_url", description: "The commitment's public page", value: (u) => u.commitment.links.html },
  // Added with issue 11 (appended: earlier columns are unchanged).
  {
    header: "confirmed_label",
    description: 'When the source confirmed it, with the source\'s own precision ("June 2026")',
    value: (u) => u.confirmed.label,
  },
  {
    header: "confirmed_precision",
    description: "Precision of that date: day, month, quarter, season, half or year",
    value: (u) => u.confirmed.precision,
  },
  {
    header: "confirmed_to",
    description: "Last day of the period the confirmation date describes (confirmed_on is the first)",
    value: (u) => u.confirmed.to,
  },
  {
    header: "occurred_label",
    description: "When it happened, as the source words it; empty when no source says",
    value: (u) => u.occurred?.label ?? null,
  },
  { header: "occurred_precision", description: "Precision of when it happened", value: (u) => u.occurred?.precision ?? null },
  { header: "occurred_from", description: "First day of the period in which it happened (YYYY-MM-DD)", value: (u) => u.occurred?.from ?? null },
  { header: "occurred_to", description: "Last day of that period (YYYY-MM-DD)", value: (u) => u.occurred?.to ?? null },
  {
    header: "effective_on",
    description: "The day it took effect: the last day of the period in which it is known to have happened (YYYY-MM-DD)",
    value: (u) => u.effectiveOn,
  },
  { header: "version", description: "The record version that published it", value: (u) => u.version },
  {
    header: "source_published_label",
    description: "Evidence: publication date as the source gives it, when not a day",
    value: (u) => u.source.publishedLabel,
  },
];

export const DEADLINE_REVISION_COLUMNS: readonly CsvColumn<ApiDeadlineRevisionChange>[] = [
  { header: "id", description: "Stable identifier of the deadline or revision", value: (d) => d.id },
  { header: "commitment_slug", description: "The commitment (identifier)", value: (d) => d.commitment.slug },
  { header: "commitment_title", description: "The commitment", value: (d) => d.commitment.title },
  { header: "area_slug", description: "Roadmap area (identifier)", value: (d) => d.commitment.area.slug },
  { header: "original", description: "true for the deadline as first published; false for a revision", value: (d) => yesNo(d.original) },
  { header: "effective_on", description: "When this deadline took effect (YYYY-MM-DD)", value: (d) => d.date },
  { header: "label", description: "The deadline exactly as published", value: (d) => d.label },
  { header: "precision", description: "day, month, quarter, season, half, year or open", value: (d) => d.precision },
  { header: "due_date", description: "Last day of the deadline's window (YYYY-MM-DD); empty when open", value: (d) => d.dueDate },
  { header: "previous_label", description: "The deadline this one replaced (empty for the original)", value: (d) => d.previous?.label ?? null },
  { header: "previous_due_date", description: "Due date of the deadline this one replaced", value: (d) => d.previous?.dueDate ?? null },
  { header: "slip_days", description: "Days the due date moved (negative if brought forward)", value: (d) => d.slipDays },
  { header: "reason", description: "Why the deadline was revised", value: (d) => d.reason },
  { header: "source_title", description: "Evidence: title", value: (d) => d.source?.title ?? null },
  { header: "source_publisher", description: "Evidence: publisher", value: (d) => d.source?.publisher ?? null },
  { header: "source_url", description: "Evidence: link", value: (d) => d.source?.url ?? null },
  { header: "source_published_on", description: "Evidence: publication date (YYYY-MM-DD)", value: (d) => d.source?.publishedOn ?? null },
  { header: "published_at", description: "When the tracker published it (UTC, ISO 8601)", value: (d) => d.publishedAt },
  { header: "commitment_url", description: "The commitment's public page", value: (d) => d.commitment.links.html },
  // Added with issue 11 (appended: earlier columns are unchanged).
  { header: "version", description: "The record version that published it", value: (d) => d.version },
  {
    header: "source_published_label",
    description: "Evidence: publication date as the source gives it, when not a day",
    value: (d) => d.source?.publishedLabel ?? null,
  },
];

/** A scorecard row, with the date and version of the record it counts. */
export type ScorecardCsvRow = ScorecardRow & { asOf: string; recordVersion: number };

export const SCORECARD_COLUMNS: readonly CsvColumn<ScorecardCsvRow>[] = [
  { header: "organisation_slug", description: "Organisation (identifier)", value: (r) => r.slug },
  { header: "organisation_name", description: "Organisation", value: (r) => r.name },
  { header: "organisation_abbreviation", description: "Its abbreviation, when it has one", value: (r) => r.abbreviation },
  { header: "leads", description: "Commitments it leads that had been announced by the as-of date", value: (r) => r.leads },
  ...SCORECARD_DEFINITIONS.map((d): CsvColumn<ScorecardCsvRow> => ({
    header: d.measure,
    description: `${d.label}: ${d.counts}`,
    value: (r) => r[d.measure],
  })),
  { header: "as_of", description: "The date the counts are for (YYYY-MM-DD)", value: (r) => r.asOf },
  { header: "record_version", description: "The version of the record counted", value: (r) => r.recordVersion },
];
