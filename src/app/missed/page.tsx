import type { Metadata } from "next";
import { pageTitle } from "@/app/page-title";
import { loadMissedPage, type RawParams } from "@/server/public-pages";
import { NoSuchPage, Pagination, showing } from "@/components/govuk/pagination";
import { ErrorSummary } from "@/components/govuk/error-summary";
import { AsOfBanner } from "@/components/as-of-banner";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";
import { OwnerFilters } from "@/components/owner-filters";
import { DataTable, cellClass } from "@/components/govuk/table";
import { StatusTag } from "@/components/govuk/tag";
import { ownerNames } from "@/components/commitment-list";
import { slipText } from "@/components/timeline";
import { SourceLink } from "@/components/govuk/source-link";
import { asOfParams, buildHref } from "@/domain/links";
import { longDate } from "@/domain/dates";
import { plural } from "@/domain/wording";

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const data = await loadMissedPage(await searchParams);
  const page = data.page > 1 ? ` (deadlines moved, page ${data.page} of ${data.pageCount})` : "";
  return { title: pageTitle(`Missed deadlines${data.asOfGiven ? ` as of ${longDate(data.asOf)}` : ""}${page}`, data.errors) };
}

export default async function MissedPage({ searchParams }: Props) {
  const data = await loadMissedPage(await searchParams);
  const keep = asOfParams(data.asOf, data.asOfGiven);
  const filtered = data.area.length > 0 || data.organisation.length > 0;
  const when = data.asOfGiven ? `on ${longDate(data.asOf)}` : "today";
  const params = { area: data.area, organisation: data.organisation, ...keep };
  const allOverdueHref = buildHref("/commitments", { overdue: "true", sort: "overdue", ...params });
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <ErrorSummary errors={data.errors} />
      {data.asOfGiven && <AsOfBanner asOf={data.asOf} todayHref={buildHref("/missed", { area: data.area, organisation: data.organisation })} />}
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Missed deadlines</h1>
      <p className="text-lg md:text-xl mb-4 max-w-3xl">
        Commitments whose due date has passed and that have not been delivered, delivered differently or dropped, most overdue first. Below them,
        every deadline that has been moved.
      </p>
      <p className="mb-8">
        Nobody types in “overdue”: it is worked out from the published deadline and the confirmed status.{" "}
        <a href="/methodology">How we work it out</a>.
      </p>

      <OwnerFilters action="/missed" label="Filter missed deadlines" page={data} />

      <h2 id="missed" className="text-2xl md:text-3xl font-bold mb-4">
        {plural(data.missedTotal, "commitment")} overdue {when}
        {filtered ? " for your filters" : ""}
      </h2>
      {data.missedTotal > data.missed.length && (
        <p className="mb-4">
          The {data.missed.length} most overdue are listed here. <a href={allOverdueHref}>See all {plural(data.missedTotal, "overdue commitment")}</a>
          .
        </p>
      )}
      {data.missed.length === 0 ? (
        <p className="mb-12">
          No commitment was past its due date {when}
          {filtered ? " for the area and organisation you chose" : ""}.
        </p>
      ) : (
        <DataTable
          id="missed-table"
          caption={<span className="sr-only">Overdue commitments, most overdue first</span>}
          head={["Commitment", "Lead owner", "Due date", "Days overdue"]}
        >
          {data.missed.map((c) => (
            <tr key={c.slug}>
              <td className={cellClass}>
                <a href={buildHref(`/commitments/${c.slug}`, keep)} className="font-bold">
                  {c.title}
                </a>
                <span className="block mt-1">
                  <StatusTag code={c.status.code} />
                </span>
                <span className="block text-secondary-ink mt-1">{c.area.title}</span>
              </td>
              <td className={cellClass}>{ownerNames(c.owners, true)}</td>
              <td className={cellClass}>
                {longDate(c.deadline?.dueDate)}
                {c.deadline && <span className="block text-secondary-ink">“{c.deadline.label}”</span>}
              </td>
              <td className={`${cellClass} font-bold text-right tabular-nums`}>
                {c.daysOverdue.toLocaleString("en-GB")}
                <span className="sr-only"> days</span>
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2 id="moved" className="text-2xl md:text-3xl font-bold mb-2 mt-12">
        Deadlines moved
      </h2>
      <p className="text-secondary-ink mb-4">
        Every published change to a deadline, newest first, with the reason and source
        {showing({ ...data, total: data.movesTotal }, true)}
      </p>
      {data.pastLastPage && data.movesTotal > 0 ? (
        <NoSuchPage page={data.page} pageCount={data.pageCount} of="moved deadlines" firstPageHref={buildHref("/missed", params)} />
      ) : data.moves.length === 0 ? (
        <p>
          No deadline had been moved {when}
          {filtered ? " for the area and organisation you chose" : ""}.
        </p>
      ) : (
        <ul className="border-t border-border">
          {data.moves.map((m) => (
            <li key={m.id} className="border-b border-border py-4">
              <h3 className="text-lg md:text-xl font-bold mb-2">
                <a href={buildHref(`/commitments/${m.commitment.slug}`, keep)}>{m.commitment.title}</a>
              </h3>
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
                <dt className="text-secondary-ink">Moved on</dt>
                <dd>{longDate(m.date)}</dd>
                <dt className="text-secondary-ink">From</dt>
                <dd>
                  “{m.previous?.label}” {m.previous?.dueDate ? `(due ${longDate(m.previous.dueDate)})` : "(no due date)"}
                </dd>
                <dt className="text-secondary-ink">To</dt>
                <dd>
                  “{m.label}” {m.dueDate ? `(due ${longDate(m.dueDate)})` : "(no due date)"}
                </dd>
                <dt className="text-secondary-ink">Slip</dt>
                <dd className="font-bold">{slipText(m.slipDays) ?? "Cannot be worked out: one of the deadlines has no date"}</dd>
                <dt className="text-secondary-ink">Reason</dt>
                <dd>{m.reason ?? "None given"}</dd>
              </dl>
              {m.source ? <SourceLink source={m.source} /> : <p className="text-secondary-ink">No source recorded.</p>}
            </li>
          ))}
        </ul>
      )}
      <Pagination
        label="Pages of moved deadlines"
        page={data.page}
        pageCount={data.pageCount}
        hrefFor={(page) => `${buildHref("/missed", { ...params, page: page === 1 ? undefined : page })}#moved`}
      />
    </>
  );
}
