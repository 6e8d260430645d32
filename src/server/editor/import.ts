// CSV import of commitments and status updates.
//
// A preview and an import run exactly the same code: every row is validated and written inside
// one transaction, row by row, with the same checks as the forms (so duplicates within the file,
// unknown organisations and permissions are all caught). A preview then rolls the transaction
// back; an import commits it only if every row is valid — all or nothing.
//
// Nothing is published by an import: a file of new commitments becomes ONE proposal
// (commitment_import), which a second editor reviews as a whole, row by row; each status update
// becomes a proposal of its own, as from the form.
import { parse } from "csv-parse/sync";
import type { Db } from "../db";
import type { Actor } from "../../domain/permissions";
import { canImport } from "../../domain/permissions";
import { statusLabel } from "../../domain/status";
import {
  commitmentCsvRowSchema,
  IMPORT_COLUMNS,
  IMPORT_OPTIONAL_COLUMNS,
  IMPORT_MAX_ROWS,
  importRequestSchema,
  statusUpdateCsvRowSchema,
  type ImportKind,
  type ImportPreview,
  type ImportRow,
  type RowError,
  type CommitmentImportPayload,
} from "../../schemas/editor";
import { fromZod, ok, refused, RollBack, unauthenticated, type Failure, type Result } from "./result";
import { recordAudit } from "./audit";
import { insertImportProposal, prepareNewCommitment } from "./commitments";
import { checkStatusUpdate, insertProposal, statusUpdateDraft } from "./proposals";
import { inTransaction, notePublication, type Tx } from "./tx";

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A Failure from a form-level function, as errors against this row's columns. */
function rowErrors(failure: Failure, columnFor: (field: string) => string, fallback: string): RowError[] {
  if (failure.kind === "invalid") return failure.errors.map((e) => ({ column: columnFor(e.field), message: e.message }));
  return [{ column: fallback, message: failure.message }];
}

type ParsedFile = { records: Record<string, string>[]; fileErrors: string[] };

function readCsv(kind: ImportKind, text: string): ParsedFile {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: false }) as string[][];
  } catch (error) {
    return { records: [], fileErrors: [`The file could not be read as CSV: ${(error as Error).message}`] };
  }
  const [header, ...data] = rows;
  if (!header) return { records: [], fileErrors: ["The file is empty: the first line must name the columns"] };
  const columns = header.map((h) => h.trim().toLowerCase());
  const expected = IMPORT_COLUMNS[kind];
  const missing = expected.filter((c) => !columns.includes(c));
  const optional = IMPORT_OPTIONAL_COLUMNS[kind];
  const unknown = columns.filter((c) => !expected.includes(c) && !optional.includes(c));
  const fileErrors: string[] = [];
  if (missing.length) fileErrors.push(`The first line must name the columns. Missing: ${missing.join(", ")}`);
  if (unknown.length)
    fileErrors.push(`The file has columns this import does not use: ${unknown.join(", ")}. Remove them, or check you chose the right kind of file`);
  if (data.length === 0) fileErrors.push("The file has no rows below the column names");
  if (data.length > IMPORT_MAX_ROWS) fileErrors.push(`The file has ${data.length} rows; import at most ${IMPORT_MAX_ROWS} at a time`);
  const records = data.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""])));
  data.forEach((cells, i) => {
    if (cells.length !== columns.length) fileErrors.push(`Row ${i + 2} has ${cells.length} values but there are ${columns.length} columns`);
  });
  return { records, fileErrors };
}

type CommitmentRow = ImportRow & { payload?: CommitmentImportPayload["rows"][number] };

async function importCommitmentRow(
  tx: Tx,
  actor: Actor,
  record: Record<string, string>,
  line: number,
  slugsTaken: Set<string>,
): Promise<CommitmentRow> {
  const parsed = commitmentCsvRowSchema.safeParse(record);
  const summary = record.title?.trim() || record.slug?.trim() || "(no title)";
  if (!parsed.success) {
    const failure = fromZod(parsed.error);
    return { line, summary, errors: rowErrors(failure, (f) => f, "slug") };
  }
  const r = parsed.data;
  const result = await prepareNewCommitment(
    tx,
    actor,
    {
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      area: r.area,
      lead: r.lead,
      supporting: r.supporting,
      announcedOn: r.announced_on,
      deadlineLabel: r.deadline_label,
      deadlinePrecision: r.deadline_precision,
      sourceUrl: r.source_url,
      sourceTitle: r.source_title,
      sourcePublisher: r.source_publisher,
      sourcePublishedOn: r.source_published_on,
    },
    {
      fields: { slug: "slug", area: "area", lead: "lead", supporting: "supporting", deadlineLabel: "deadline_label", announcedOn: "announced_on" },
      slugsTaken,
    },
  );
  if (!result.ok) return { line, summary, errors: rowErrors(result, snake, "lead") };
  return { line, summary, errors: [], payload: { line, ...result.value } };
}

async function importStatusUpdateRow(tx: Tx, actor: Actor, record: Record<string, string>, line: number): Promise<ImportRow> {
  const parsed = statusUpdateCsvRowSchema.safeParse(record);
  const summary = `${record.commitment?.trim() || "(no commitment)"}: ${record.status?.trim() || "(no status)"}`;
  if (!parsed.success) return { line, summary, errors: rowErrors(fromZod(parsed.error), (f) => f, "commitment") };
  const r = parsed.data;
  const niceSummary = `${r.commitment}: ${statusLabel(r.status)}`;
  const draft = statusUpdateDraft({
    status: r.status,
    note: r.note,
    occurred: r.occurred,
    confirmedOn: r.confirmed_on,
    evidenceUrl: r.evidence_url,
    evidenceTitle: r.evidence_title,
    evidencePublisher: r.evidence_publisher,
    evidencePublishedOn: r.evidence_published_on,
  });
  if (!draft.ok) return { line, summary: niceSummary, errors: rowErrors(draft, snake, "confirmed_on") };
  const payload = draft.value;
  const result = await insertProposal(tx, actor, "status_update", { commitmentSlug: r.commitment, payload }, checkStatusUpdate);
  if (!result.ok) {
    const errors =
      result.kind === "not_found"
        ? [{ column: "commitment", message: `There is no commitment with the slug “${r.commitment}”` }]
        : rowErrors(result, snake, "commitment");
    return { line, summary: niceSummary, errors };
  }
  return { line, summary: niceSummary, errors: [], created: { type: "proposal", id: result.value.id, slug: result.value.commitmentSlug } };
}

/**
 * Previews (mode "preview") or imports (mode "apply") a CSV file. Always returns the per-row
 * outcome; nothing is written unless the mode is "apply" and every row is valid.
 */
export async function importCsv(db: Db, actor: Actor | null, input: unknown): Promise<Result<ImportPreview>> {
  if (!actor) return unauthenticated;
  const allowed = canImport(actor);
  if (!allowed.allowed) return refused(allowed, true);
  const parsed = importRequestSchema.safeParse(input);
  if (!parsed.success) return fromZod(parsed.error);
  const { kind, csv, mode } = parsed.data;

  const file = readCsv(kind, csv);
  if (file.fileErrors.length) return ok({ kind, mode, fileErrors: file.fileErrors, rows: [], valid: false, applied: false });

  const result = await inTransaction(db, async (tx) => {
    await notePublication(tx, `CSV import (${kind})`);
    let rows: ImportRow[] = [];
    const slugsTaken = new Set<string>();
    for (const [i, record] of file.records.entries()) {
      const line = i + 2; // line 1 is the column names
      rows.push(
        kind === "commitments"
          ? await importCommitmentRow(tx, actor, record, line, slugsTaken)
          : await importStatusUpdateRow(tx, actor, record, line),
      );
    }
    const valid = rows.every((r) => r.errors.length === 0);
    // A file of new commitments is one proposal, reviewed as a whole, row by row.
    if (kind === "commitments" && valid) {
      const payloads = (rows as CommitmentRow[]).map((r) => r.payload!);
      const proposal = await insertImportProposal(tx, actor, { rows: payloads });
      rows = rows.map(({ payload: _payload, ...row }: CommitmentRow) => ({
        ...row,
        created: { type: "proposal", id: proposal.id, slug: payloads.find((p) => p.line === row.line)!.slug },
      }));
    } else {
      rows = rows.map(({ payload: _payload, ...row }: CommitmentRow) => row);
    }
    const preview: ImportPreview = { kind, mode, fileErrors: [], rows, valid, applied: false };
    // A preview, or a file with a bad row, writes nothing: everything it did is rolled back.
    if (mode === "preview" || !valid) throw new RollBack(ok(preview));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "import.apply",
      entityType: "import",
      entityId: kind,
      after: { kind, rows: rows.length, created: rows.map((r) => r.created) },
    });
    return ok({ ...preview, applied: true });
  });
  // The ids a preview created were rolled back, so leave them out.
  if (result.ok && !result.value.applied) return ok({ ...result.value, rows: result.value.rows.map(({ created: _created, ...row }) => row) });
  return result;
}
