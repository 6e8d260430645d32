// The audit log (admins): every change, who made it, when, and the values before and after.
import type { Metadata } from "next";
import { requireAdmin } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { auditParams, loadAuditPage } from "@/server/editor/pages";
import { formatDateTime } from "@/domain/dates";
import { buildHref } from "@/domain/links";
import { plural } from "@/domain/wording";
import { ErrorSummary } from "@/components/govuk/error-summary";
import { PageHeading } from "@/components/govuk/heading";
import { TextInput } from "@/components/govuk/text-input";
import { DateInput } from "@/components/govuk/date-input";
import { Select } from "@/components/govuk/select";
import { Button } from "@/components/govuk/button";
import { DataTable, cellClass } from "@/components/govuk/table";
import { Pagination } from "@/components/govuk/pagination";
import { errorFor } from "@/components/as-of-form";
import { pageTitle } from "@/app/page-title";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: pageTitle("Audit log", auditParams(await searchParams).errors) };
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-secondary-ink">–</span>;
  return <pre className="whitespace-pre-wrap break-words text-sm bg-panel p-2 max-w-[40ch] md:max-w-none">{JSON.stringify(value, null, 2)}</pre>;
}

const DATE_HINT = "For example, 30 6 2026";

export default async function AuditPage({ searchParams }: Props) {
  await requireAdmin("/editor/audit");
  const data = await loadAuditPage(getDb(), await searchParams);
  const { values, errors, facets } = data;
  const { page: _page, ...filters } = values;
  const error = (field: string) => errorFor(errors, field);
  return (
    <>
      <ErrorSummary errors={errors} />
      <PageHeading>Audit log</PageHeading>
      <form method="get" action="/editor/audit" className="border-2 border-border p-4 mb-8 md:grid md:gap-x-4 md:grid-cols-3">
        <TextInput name="actor" label="Who (email address contains)" value={values.actor} error={error("actor")} spellCheck={false} />
        <Select
          name="action"
          label="What"
          value={values.action ?? ""}
          error={error("action")}
          placeholder="Any action"
          options={facets.actions.map((a) => ({ value: a, label: a }))}
        />
        <Select
          name="entityType"
          label="Type of record"
          value={values.entityType ?? ""}
          error={error("entityType")}
          placeholder="Any type"
          options={facets.entityTypes.map((t) => ({ value: t, label: t }))}
        />
        <TextInput name="entityId" label="Record id" value={values.entityId} error={error("entityId")} spellCheck={false} />
        <DateInput name="from" label="From" hint={DATE_HINT} value={values.from} error={error("from")} />
        <DateInput name="to" label="To" hint={DATE_HINT} value={values.to} error={error("to")} />
        <div className="md:col-span-3">
          <Button>Filter</Button>
          <a href="/editor/audit" className="inline-block mb-6">
            Clear filters
          </a>
        </div>
      </form>
      <p className="mb-4" role="status">
        {plural(data.total, "event")}, newest first{data.pageCount > 1 ? ` (page ${data.page} of ${data.pageCount})` : ""}.
      </p>
      <DataTable id="audit-events" caption="Audit events" captionHidden head={["When", "Who", "What", "Before", "After"]}>
        {data.rows.map((r) => (
          <tr key={r.id}>
            <td className={`${cellClass} whitespace-nowrap`}>{formatDateTime(r.at)}</td>
            <td className={cellClass}>{r.actor ? `${r.actor.name} (${r.actor.email})` : "System or command line"}</td>
            <td className={cellClass}>
              {r.action}
              <span className="block text-secondary-ink text-sm">
                {r.entityType} {r.entityId}
              </span>
            </td>
            <td className={cellClass}>
              <Json value={r.before} />
            </td>
            <td className={cellClass}>
              <Json value={r.after} />
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        page={data.page}
        pageCount={data.pageCount}
        hrefFor={(page) => buildHref("/editor/audit", { ...filters, page: page === 1 ? undefined : page })}
      />
    </>
  );
}
