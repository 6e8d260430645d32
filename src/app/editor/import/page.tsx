import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { IMPORT_COLUMNS } from "@/schemas/editor";
import { ImportForm } from "@/components/editor/import-form";
import { PageHeading } from "@/components/govuk/heading";
import { Details } from "@/components/govuk/details";
import { importAction } from "./actions";

export const metadata: Metadata = { title: "Import from a CSV file" };

export default async function ImportPage() {
  await requireUser("/editor/import");
  return (
    <div className="md:w-3/4">
      <PageHeading>Import from a CSV file</PageHeading>
      <p className="mb-4">
        Preview the file first: every row is checked, exactly as the forms check them, and nothing is saved. Then import it. Either every row is
        imported, or none is.
      </p>
      <Details summary="How to lay out the file">
        <div className="space-y-2 mb-4">
          <p>The first line names the columns, in any order:</p>
          <p>
            New commitments: <code>{IMPORT_COLUMNS.commitments.join(",")}</code>. Separate several supporting organisations with semicolons. Area and
            organisations are given by their slugs, as in the web addresses of the public site.
          </p>
          <p>
            Status updates: <code>{IMPORT_COLUMNS["status-updates"].join(",")}</code>. The commitment is given by its slug; status is one of
            not_started, in_progress, at_risk, delivered, delivered_differently, dropped. A file may add an <code>occurred</code> column: when it
            happened, as the evidence words it (&ldquo;March 2026&rdquo;, &ldquo;spring 2026&rdquo;), left empty where the evidence does not say. Give{" "}
            <code>confirmed_on</code> as precisely as the evidence does: a day (2026-06-30) or a month (June 2026).
          </p>
          <p>Other dates are written year-month-day, for example 2026-06-30. Links must start with http:// or https://.</p>
        </div>
      </Details>
      <ImportForm action={importAction} columns={IMPORT_COLUMNS} />
    </div>
  );
}
