import type { Metadata } from "next";
import { pageTitle } from "@/app/page-title";
import { loadMissedPage, type RawParams } from "@/server/public-pages";
import { NoSuchPage, Pagination, showing } from "@/components/govuk/pagination";
import { ErrorSummary } from "@/components/govuk/error-summary";
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
import { CiteThisPage, ViewBanners, hiddenRecordFields, recordMetadata, viewSuffix } from "@/components/record-version";
import { MissedTable } from "@/components/missed-deadlines";
import { siteOrigin } from "@/server/http";
import { viewShareMetadata } from "@/app/share-metadata";

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const data = await loadMissedPage(await searchParams);
  const page = data.page > 1 ? ` (deadlines moved, page ${data.page} of ${data.pageCount})` : "";
  return {
    title: pageTitle(`Missed deadlines${viewSuffix(data)}${page}`, data.errors),
    ...recordMetadata(data, data.revised),
    ...viewShareMetadata("Missed deadlines", "/missed", data, "Commitments overdue now, deadlines missed and moved, and those delivered late."),
  };
}

export default async function MissedPage({ searchParams }: Props) {
  const data = await loadMissedPage(await searchParams);
  const keep = asOfParams(data.asOf, data.asOfGiven, data.record);
  const filtered = data.area.length > 0 || data.organisation.length > 0;
  const when = data.asOfGiven ? `on ${longDate(data.asOf)}` : "today";
  const params = { area: data.area, organisation: data.organisation, ...keep };
  const allOverdueHref = buildHref("/commitments", { overdue: "true", sort: "overdue", ...params });
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <ErrorSummary errors={data.errors} />
      <ViewBanners
        view={data}
        revised={data.revised}
        todayHref={buildHref("/missed", { area: data.area, organisation: data.organisation })}
        subject="the missed deadlines"
      />
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Missed deadlines</h1>
      <p className="text-lg md:text-xl mb-4 max-w-3xl">
        Every deadline that passed unmet while it was in effect. A missed deadline stays on the record, whatever followed: the commitments overdue
        now, then the deadlines missed and then moved, those delivered late, and those dropped, each most late first. Below them, every deadline that
        has been moved.
      </p>
      <p className="mb-8">
        Nobody types in “overdue” or “missed”: they are worked out from the published deadline and when things happened.{" "}
        <a href="/methodology#missed">How we work it out</a>.
      </p>
      <nav aria-labelledby="missed-contents" className="mb-8">
        <h2 id="missed-contents" className="text-xl font-bold mb-2">
          On this page
        </h2>
        <ul className="list-disc pl-6 space-y-1">
          <li>
            <a href="#missed">Overdue now ({data.missedTotal.toLocaleString("en-GB")})</a>
          </li>
          {GROUPS.map((g) => (
            <li key={g.key}>
              <a href={`#${g.id}`}>
                {g.title} ({data.groups[g.key].total.toLocaleString("en-GB")})
              </a>
            </li>
          ))}
          <li>
            <a href="#moved">Deadlines moved ({data.movesTotal.toLocaleString("en-GB")})</a>
          </li>
        </ul>
      </nav>

      <OwnerFilters action="/missed" label="Filter missed deadlines" page={data} hidden={hiddenRecordFields(data.record)} />

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

      {GROUPS.map((g) => {
        const group = data.groups[g.key];
        return (
          <section key={g.key} aria-labelledby={g.id}>
            <h2 id={g.id} className="text-2xl md:text-3xl font-bold mb-2 mt-12">
              {g.title}: {plural(group.total, "deadline")}
              {filtered ? " for your filters" : ""}
            </h2>
            <p className="text-secondary-ink mb-4 max-w-3xl">{g.description}</p>
            {group.total > group.items.length && <p className="mb-4">The {group.items.length} missed by the most days are listed here.</p>}
            {group.items.length === 0 ? (
              <p className="mb-8">
                None {when}
                {filtered ? " for the area and organisation you chose" : ""}.
              </p>
            ) : (
              <MissedTable id={`${g.id}-table`} caption={`${g.title}, most days first`} items={group.items} linkParams={keep} />
            )}
          </section>
        );
      })}

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

      <CiteThisPage
        title="Missed deadlines"
        path="/missed"
        params={{ area: data.area, organisation: data.organisation }}
        record={data.record}
        asOf={data.asOf}
        origin={siteOrigin()}
      />
    </>
  );
}

const GROUPS = [
  {
    key: "moved",
    id: "missed-then-moved",
    title: "Missed, then moved",
    description: "Deadlines that passed unmet and were then replaced by a new one. Missed by: the days overdue on the last day before the move.",
  },
  {
    key: "delivered_late",
    id: "delivered-late",
    title: "Delivered late",
    description:
      "Delivered wholly after the due date. Missed by: from the due date to the first and last day of the period in which the delivery happened.",
  },
  {
    key: "dropped",
    id: "missed-then-dropped",
    title: "Missed, then dropped",
    description:
      "Deadlines that passed unmet before government dropped the commitment. Missed by: the days overdue on the last day before it was dropped.",
  },
] as const;
