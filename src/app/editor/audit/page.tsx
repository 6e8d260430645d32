// The audit log (admins): every change, who made it, when, and the values before and after.
import type { Metadata } from "next";
import { firstParam } from "@/schemas/commitment-query";
import { requireAdmin } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { auditFacets, listAuditEvents, AUDIT_PAGE_SIZE } from "@/server/editor/queries";
import { auditFilterSchema, fieldErrors, type AuditFilter } from "@/schemas/editor";
import { PageHeading, dateTime } from "@/components/editor/ui";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-secondary-ink">–</span>;
  return <pre className="whitespace-pre-wrap break-words text-sm bg-panel p-2 max-w-[40ch] md:max-w-none">{JSON.stringify(value, null, 2)}</pre>;
}

export default async function AuditPage({ searchParams }: Props) {
  await requireAdmin("/editor/audit");
  const raw = await searchParams;
  const input = Object.fromEntries(["actor", "action", "entityType", "entityId", "from", "to", "page"].map((k) => [k, firstParam(raw[k])]).filter(([, v]) => v !== undefined));
  const parsed = auditFilterSchema.safeParse(input);
  const errors = parsed.success ? [] : fieldErrors(parsed.error);
  const filter: AuditFilter = parsed.success ? parsed.data : { page: 1, actor: undefined, action: undefined, entityType: undefined, entityId: undefined, from: undefined, to: undefined };
  const db = getDb();
  const [{ rows, total }, facets] = await Promise.all([listAuditEvents(db, filter), auditFacets(db)]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const pageHref = (page: number) => `/editor/audit?${new URLSearchParams({ ...(Object.fromEntries(Object.entries(input).filter(([k, v]) => k !== "page" && v)) as Record<string, string>), page: String(page) })}`;
  const value = (k: string) => (typeof input[k] === "string" ? (input[k] as string) : "");
  const errorFor = (k: string) => errors.find((e) => e.field === k)?.message;
  const inputClass = (k: string) => `block h-10 w-full border-2 ${errorFor(k) ? "border-error" : "border-input"} bg-white px-2`;

  return (
    <>
      <PageHeading>Audit log</PageHeading>
      {errors.length > 0 && (
        <div className="border-4 border-error p-4 md:p-6 mb-8" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} id="error-summary">
          <h2 id="error-summary-title" className="text-xl md:text-2xl font-bold mb-4">
            There is a problem
          </h2>
          <ul>
            {errors.map((e) => (
              <li key={e.field}>
                <a href={`#${e.field}`} className="font-bold text-error visited:text-error">
                  {e.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="get" action="/editor/audit" className="border-2 border-border p-4 mb-8 grid gap-4 md:grid-cols-3">
        <div>
          <label htmlFor="actor" className="block font-bold mb-1">
            Who (email address contains)
          </label>
          <input id="actor" name="actor" defaultValue={value("actor")} className={inputClass("actor")} />
        </div>
        <div>
          <label htmlFor="action" className="block font-bold mb-1">
            What
          </label>
          <select id="action" name="action" defaultValue={value("action")} className={inputClass("action")}>
            <option value="">Any action</option>
            {facets.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entityType" className="block font-bold mb-1">
            Type of record
          </label>
          <select id="entityType" name="entityType" defaultValue={value("entityType")} className={inputClass("entityType")}>
            <option value="">Any type</option>
            {facets.entityTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entityId" className="block font-bold mb-1">
            Record id
          </label>
          <input id="entityId" name="entityId" defaultValue={value("entityId")} className={inputClass("entityId")} />
        </div>
        {(["from", "to"] as const).map((k) => (
          <div key={k}>
            <label htmlFor={k} className="block font-bold mb-1">
              {k === "from" ? "From (year-month-day)" : "To (year-month-day)"}
            </label>
            {errorFor(k) && (
              <p id={`${k}-error`} className="font-bold text-error mb-2">
                <span className="sr-only">Error:</span> {errorFor(k)}
              </p>
            )}
            <input id={k} name={k} defaultValue={value(k)} inputMode="numeric" aria-describedby={errorFor(k) ? `${k}-error` : undefined} aria-invalid={errorFor(k) ? true : undefined} className={inputClass(k)} />
          </div>
        ))}
        <div className="md:col-span-3">
          <button type="submit" className="inline-block px-4 pt-2 pb-2.5 mr-4 cursor-pointer text-lg bg-button text-white shadow-[0_2px_0_var(--color-button-shadow)] hover:bg-button-hover">
            Filter
          </button>
          <a href="/editor/audit">Clear filters</a>
        </div>
      </form>
      <p className="mb-4" role="status">
        {total === 1 ? "1 event" : `${total.toLocaleString("en-GB")} events`}, newest first{pages > 1 ? ` (page ${filter.page} of ${pages})` : ""}.
      </p>
      <div className="overflow-x-auto mb-6" role="region" aria-label="Audit events" tabIndex={0}>
        <table className="w-full border-collapse text-base">
          <caption className="sr-only">Audit events</caption>
          <thead>
            <tr className="border-b-2 border-ink text-left">
              <th scope="col" className="py-2 pr-4">When</th>
              <th scope="col" className="py-2 pr-4">Who</th>
              <th scope="col" className="py-2 pr-4">What</th>
              <th scope="col" className="py-2 pr-4">Before</th>
              <th scope="col" className="py-2">After</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-border align-top">
                <td className="py-2 pr-4 whitespace-nowrap">{dateTime(r.at)}</td>
                <td className="py-2 pr-4">{r.actor ? `${r.actor.name} (${r.actor.email})` : "System or command line"}</td>
                <td className="py-2 pr-4">
                  {r.action}
                  <span className="block text-secondary-ink text-sm">
                    {r.entityType} {r.entityId}
                  </span>
                </td>
                <td className="py-2 pr-4">
                  <Json value={r.before} />
                </td>
                <td className="py-2">
                  <Json value={r.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label="Pagination" className="flex gap-6 mb-8">
          {filter.page > 1 && <a href={pageHref(filter.page - 1)}>Previous page</a>}
          {filter.page < pages && <a href={pageHref(filter.page + 1)}>Next page</a>}
        </nav>
      )}
    </>
  );
}
