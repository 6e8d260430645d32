"use client";
// CSV import: choose or paste a file, preview every row (with each row's problems), then import
// all of it in one go. Works without JavaScript: the previewed file comes back in the text box.
import type { ImportKind, ImportPreview } from "../../schemas/editor";
import type { FormAction } from "../../schemas/form-state";
import { DataTable, cellClass } from "../govuk/table";
import { ActionForm, FileField, RadiosField, SubmitButton, TextAreaField, useFormState } from "./action-form";

const KIND_LABELS: Record<ImportKind, { label: string; hint: string }> = {
  commitments: {
    label: "New commitments",
    hint: "The whole file becomes one proposal, which a second editor checks row by row before any of it is published.",
  },
  "status-updates": { label: "Status updates", hint: "Each row becomes a proposal that a second editor must check." },
};

const rows = (n: number) => `${n} ${n === 1 ? "row" : "rows"}`;

function Preview({ preview }: { preview: ImportPreview }) {
  if (preview.rows.length === 0) return null;
  const bad = preview.rows.filter((r) => r.errors.length > 0).length;
  return (
    <section aria-labelledby="preview-heading" className="mt-8">
      <h2 id="preview-heading" className="text-2xl font-bold mb-2">
        {preview.applied ? "Imported rows" : "Preview"}
      </h2>
      <p className="mb-4">
        {rows(preview.rows.length)}
        {bad
          ? `, ${bad} with problems. Nothing has been saved: fix the file and preview it again.`
          : preview.applied
            ? ", all imported."
            : ", all ready to import."}
      </p>
      <DataTable
        id="preview-table"
        caption="Each row of the file and its result"
        captionHidden
        head={["Row", preview.kind === "commitments" ? "Commitment" : "Update", "Result"]}
      >
        {preview.rows.map((row) => (
          <tr key={row.line} id={`row-${row.line}`} tabIndex={-1} className={row.errors.length ? "border-l-4 border-l-error" : undefined}>
            <td className={cellClass}>{row.line}</td>
            <td className={cellClass}>{row.summary}</td>
            <td className={cellClass}>
              {row.errors.length === 0 ? (
                <span>{preview.applied && row.created ? <a href={`/editor/proposals/${row.created.id}`}>Proposed for checking</a> : "Ready"}</span>
              ) : (
                <ul className="list-disc pl-5">
                  {row.errors.map((e, i) => (
                    <li key={i} className="text-error font-bold">
                      {e.column}: {e.message}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function Buttons() {
  const state = useFormState();
  const preview = state.data as ImportPreview | undefined;
  const ready = preview && !preview.applied && preview.valid && state.errors.length === 0;
  return (
    <div>
      <SubmitButton name="mode" value="preview" variant={ready ? "secondary" : "primary"}>
        {preview && !preview.applied ? "Preview again" : "Preview"}
      </SubmitButton>
      {ready && (
        <SubmitButton name="mode" value="apply">
          Import {rows(preview.rows.length)}
        </SubmitButton>
      )}
    </div>
  );
}

export function ImportForm({ action, columns }: { action: FormAction; columns: Record<ImportKind, readonly string[]> }) {
  return (
    <ActionForm
      action={action}
      defaults={{ kind: "status-updates" }}
      after={(state) => (state.data ? <Preview preview={state.data as ImportPreview} /> : null)}
    >
      <RadiosField
        name="kind"
        legend="What does the file contain?"
        options={(Object.keys(KIND_LABELS) as ImportKind[]).map((k) => ({
          value: k,
          label: KIND_LABELS[k].label,
          hint: `${KIND_LABELS[k].hint} Columns: ${columns[k].join(", ")}.`,
        }))}
      />
      <FileField
        name="file"
        label="Upload a CSV file"
        hint="UTF-8, with the column names on the first line. At most 1,000 rows and 450 KB."
        accept=".csv,text/csv"
      />
      <TextAreaField name="csv" label="Or paste the CSV" hint="After a preview, the file you chose appears here, ready to import." rows={8} />
      <Buttons />
    </ActionForm>
  );
}
