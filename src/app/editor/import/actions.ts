"use server";
import { getDb } from "@/server/db";
import { importCsv } from "@/server/editor/import";
import { failureState, publicDataChanged, sessionUser, valuesOf } from "@/server/editor/form-actions";
import { IMPORT_MAX_BYTES } from "@/schemas/editor";
import type { FormState } from "@/schemas/form-state";

const MAX_LISTED = 20;

export async function importAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const file = formData.get("file");
  let csv = typeof values.csv === "string" ? values.csv : "";
  if (file instanceof File && file.size > 0) {
    if (file.size > IMPORT_MAX_BYTES) {
      return { seq: prev.seq + 1, errors: [{ field: "file", message: `The file must be ${IMPORT_MAX_BYTES.toLocaleString("en-GB")} bytes or smaller` }], values: { ...values, csv: "" } };
    }
    csv = await file.text();
  }
  const result = await importCsv(getDb(), await sessionUser(), { kind: values.kind, csv, mode: values.mode === "apply" ? "apply" : "preview" });
  if (!result.ok) {
    const errors = result.kind === "invalid" ? result.errors.map((e) => (e.field === "csv" && !csv ? { ...e, field: "file" } : e)) : [];
    return failureState(prev, result.kind === "invalid" ? { ...result, errors } : result, { ...values, csv });
  }
  const preview = result.value;
  if (preview.applied) {
    if (preview.kind === "commitments") publicDataChanged();
    const n = preview.rows.length;
    return {
      seq: prev.seq + 1,
      errors: [],
      values: { kind: preview.kind },
      data: preview,
      notice: {
        title: preview.kind === "commitments" ? `Imported ${n} ${n === 1 ? "commitment" : "commitments"}` : `Imported ${n} status ${n === 1 ? "update" : "updates"} for checking`,
        lines:
          preview.kind === "commitments"
            ? ["They are on the public site now."]
            : ["Each one is now a proposal: a second editor or an admin must check it before it is published."],
      },
    };
  }
  const rowErrors = preview.rows.flatMap((r) => r.errors.map((e) => ({ field: `row-${r.line}`, message: `Row ${r.line}, ${e.column}: ${e.message}` })));
  const listed = rowErrors.slice(0, MAX_LISTED);
  const errors = [...preview.fileErrors.map((message) => ({ field: "csv", message })), ...listed];
  const more = rowErrors.length - listed.length;
  return {
    seq: prev.seq + 1,
    errors,
    message: more > 0 ? `${rowErrors.length} problems were found in the rows; the first ${MAX_LISTED} are listed below.` : undefined,
    values: { kind: preview.kind, csv, mode: "preview" },
    data: preview,
    notice:
      errors.length === 0
        ? { title: `No problems found in ${preview.rows.length} ${preview.rows.length === 1 ? "row" : "rows"}`, lines: ["Nothing has been saved yet. Check the preview below, then choose “Import”."] }
        : undefined,
  };
}
