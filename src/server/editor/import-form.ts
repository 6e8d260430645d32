// The CSV import form's round trip: the chosen file (or the pasted text), a preview or an import
// through importCsv(), and what the form shows next: every problem in the error summary (the
// first MAX_LISTED of the rows'), the previewed file back in the text box, and a notice.
import type { Db } from "../db";
import type { Actor } from "../../domain/permissions";
import { IMPORT_MAX_BYTES, IMPORT_TOO_LARGE, type FormValues } from "../../schemas/editor";
import type { FormState } from "../../schemas/form-state";
import { importCsv } from "./import";
import { failureState, nextFormState } from "./form-actions";

const MAX_LISTED = 20;

const rowsWord = (n: number, one = "row", many = "rows") => `${n} ${n === 1 ? one : many}`;

/** `published` is true when commitments were imported (they are public at once). */
export async function importFormState(
  db: Db,
  actor: Actor | null,
  prev: FormState,
  values: FormValues,
  file: FormDataEntryValue | null,
): Promise<{ state: FormState; published: boolean }> {
  let csv = typeof values.csv === "string" ? values.csv : "";
  if (file instanceof File && file.size > 0) {
    if (file.size > IMPORT_MAX_BYTES)
      return { state: nextFormState(prev, { ...values, csv: "" }, { errors: [{ field: "file", message: IMPORT_TOO_LARGE }] }), published: false };
    csv = await file.text();
  }
  const result = await importCsv(db, actor, { kind: values.kind, csv, mode: values.mode === "apply" ? "apply" : "preview" });
  if (!result.ok) {
    // With nothing pasted, a problem with the file's contents belongs to the file field.
    const failure =
      result.kind === "invalid" ? { ...result, errors: result.errors.map((e) => (e.field === "csv" && !csv ? { ...e, field: "file" } : e)) } : result;
    return { state: await failureState(prev, failure, { ...values, csv }), published: false };
  }
  const preview = result.value;
  const n = preview.rows.length;
  if (preview.applied) {
    const what = preview.kind === "commitments" ? rowsWord(n, "commitment", "commitments") : rowsWord(n, "status update", "status updates");
    const notice = {
      title: `Imported ${what} for checking`,
      lines: [
        preview.kind === "commitments"
          ? "The file is now one proposal: a second editor or an admin checks it as a whole, row by row, before any of it is published."
          : "Each one is now a proposal: a second editor or an admin must check it before it is published.",
      ],
    };
    return { state: nextFormState(prev, { kind: preview.kind }, { data: preview, notice }), published: false };
  }
  const rowErrors = preview.rows.flatMap((r) =>
    r.errors.map((e) => ({ field: `row-${r.line}`, message: `Row ${r.line}, ${e.column}: ${e.message}` })),
  );
  const listed = rowErrors.slice(0, MAX_LISTED);
  const errors = [...preview.fileErrors.map((message) => ({ field: "csv", message })), ...listed];
  const state = nextFormState(
    prev,
    { kind: preview.kind, csv, mode: "preview" },
    {
      errors,
      message:
        rowErrors.length > listed.length
          ? `${rowErrors.length} problems were found in the rows; the first ${MAX_LISTED} are listed below.`
          : undefined,
      data: preview,
      notice:
        errors.length === 0
          ? { title: `No problems found in ${rowsWord(n)}`, lines: ["Nothing has been saved yet. Check the preview below, then choose “Import”."] }
          : undefined,
    },
  );
  return { state, published: false };
}
