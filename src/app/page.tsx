import type { Metadata } from "next";
import { pageTitle } from "@/app/page-title";
import { loadOverviewPage, upcomingFilters, type RawParams } from "@/server/public-pages";
import { UPCOMING_DAYS } from "@/domain/attention";
import { PUBLIC_STATUS_DEFINITIONS, deliveredCount } from "@/domain/status";
import { ErrorSummary } from "@/components/govuk/error-summary";
import { AsOfForm } from "@/components/as-of-form";
import { ProgressBar } from "@/components/progress-bar";
import { StatusTag } from "@/components/govuk/tag";
import { DeadlineText } from "@/components/deadline-text";
import { ChangeList } from "@/components/timeline";
import { ownerNames } from "@/components/commitment-list";
import { CiteThisPage, ViewBanners, hiddenRecordFields, recordMetadata } from "@/components/record-version";
import { siteOrigin } from "@/server/http";
import { asOfParams, buildHref, type QueryValues } from "@/domain/links";
import { longDate } from "@/domain/dates";
import { plural } from "@/domain/wording";
import { headlineSentence } from "@/domain/glance";
import { DueAndDelivered, StatusOverTime } from "@/components/charts";
import { viewShareMetadata } from "@/app/share-metadata";

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const data = await loadOverviewPage(await searchParams);
  const title = data.asOfGiven ? `Overview as of ${longDate(data.asOf)}` : "Is government delivering its digital roadmap?";
  return {
    title: { absolute: pageTitle(`${title}${data.record.pinned ? `, version ${data.record.version}` : ""} – Roadmap Tracker`, data.errors) },
    ...recordMetadata(data, data.revised),
    ...viewShareMetadata(title, "/", data, headlineSentence(headlineCounts(data.progress))),
  };
}

/** The overview's headline numbers: delivered includes delivered differently, as the sentence says. */
function headlineCounts(progress: Awaited<ReturnType<typeof loadOverviewPage>>["progress"]) {
  return {
    total: progress.total,
    delivered: deliveredCount(progress.counts),
    deliveredDifferently: progress.counts.delivered_differently,
    overdue: progress.overdue,
    missed: progress.missed,
    noDeadline: progress.noDeadline,
  };
}

/** The commitments list filtered to the overview's upcoming deadlines. */
function upcomingHref(asOf: string, keep: QueryValues) {
  const f = upcomingFilters(asOf);
  return buildHref("/commitments", { status: f.status, due_after: f.dueAfter, due_before: f.dueBefore, sort: f.sort, ...keep });
}

export default async function OverviewPage({ searchParams }: Props) {
  const data = await loadOverviewPage(await searchParams);
  const { progress } = data;
  const keep = asOfParams(data.asOf, data.asOfGiven, data.record);
  const when = data.asOfGiven ? `on ${longDate(data.asOf)}` : "today";
  return (
    <>
      <ErrorSummary errors={data.errors} />
      <ViewBanners view={data} revised={data.revised} todayHref="/" subject="the overview" />
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Is government delivering its digital roadmap?</h1>
      <p className="text-xl md:text-2xl mb-4 max-w-3xl">
        Progress on the {plural(progress.total, "commitment")} of the UK government’s Roadmap for Modern Digital Government (January 2026), as
        confirmed by published sources.
      </p>
      <p className="text-xl md:text-2xl font-bold mb-4 max-w-3xl" id="headline">
        {headlineSentence(headlineCounts(progress))}
      </p>
      <p className="mb-8" id="last-confirmed">
        {progress.lastConfirmedOn ? (
          <>
            Progress last confirmed: <strong>{progress.lastConfirmedLabel ?? longDate(progress.lastConfirmedOn)}</strong>
          </>
        ) : (
          <>No progress had been confirmed {when}.</>
        )}
      </p>

      <section aria-labelledby="status-heading" className="mb-12">
        <h2 id="status-heading" className="text-2xl md:text-3xl font-bold mb-2">
          Commitments by status
        </h2>
        {progress.total === 0 ? (
          <p>No commitments had been announced {when}. The roadmap was launched on 19 January 2026.</p>
        ) : (
          <>
            <p className="text-secondary-ink mb-4" id="status-total">
              Every commitment has one status: these add up to {plural(progress.total, "commitment")}.
            </p>
            <ul className="grid grid-cols-2 md:grid-cols-4 gap-4 mb-8" aria-describedby="status-total">
              {PUBLIC_STATUS_DEFINITIONS.map((d) => (
                <li key={d.code} className="border-t-4 border-border bg-panel p-3" data-status-tile={d.code}>
                  <a href={buildHref("/commitments", { status: d.code, ...keep })} className="block no-underline">
                    <span className="block text-4xl md:text-5xl font-bold">{progress.counts[d.code]}</span>{" "}
                    <span className="underline">{d.label}</span>
                  </a>
                </li>
              ))}
            </ul>
            <h3 className="text-lg md:text-xl font-bold mb-2" id="deadlines-heading">
              Deadlines
            </h3>
            <p className="text-secondary-ink mb-4">Measures of deadlines, not statuses: a commitment can be in more than one.</p>
            <ul className="grid grid-cols-1 md:grid-cols-3 gap-4" aria-labelledby="deadlines-heading">
              <li className="border-4 border-error p-3" data-measure="overdue">
                <a href={buildHref("/missed", keep)} className="block no-underline">
                  <span className="block text-4xl md:text-5xl font-bold">{progress.overdue}</span> <span className="underline">Overdue now</span>
                </a>
              </li>
              <li className="border-t-4 border-ink bg-panel p-3" data-measure="missed">
                <a href={buildHref("/commitments", { missed: "true", ...keep })} className="block no-underline">
                  <span className="block text-4xl md:text-5xl font-bold">{progress.missed}</span> <span className="underline">Missed a deadline</span>
                </a>
              </li>
              <li className="border-t-4 border-border bg-panel p-3" data-measure="no-deadline">
                <span className="block text-4xl md:text-5xl font-bold">{progress.noDeadline}</span> No published deadline
              </li>
            </ul>
          </>
        )}
      </section>

      {progress.total > 0 && (
        <>
          <StatusOverTime id="status-over-time" months={data.byMonth} subject="All commitments" />
          <DueAndDelivered id="due-and-delivered" months={data.byMonth} subject="All commitments" />
        </>
      )}

      <section aria-labelledby="areas-heading" className="mb-12">
        <h2 id="areas-heading" className="text-2xl md:text-3xl font-bold mb-4">
          Progress by area
        </h2>
        <ul className="space-y-8">
          {progress.areas.map((area) => (
            <li key={area.slug}>
              <h3 className="text-lg md:text-xl font-bold mb-2">
                <a href={buildHref(`/areas/${area.slug}`, keep)}>{area.title}</a>
              </h3>
              {area.total === 0 ? (
                <p>No commitments announced {when}.</p>
              ) : (
                <ProgressBar counts={area.counts} total={area.total} overdue={area.overdue} label={area.title} />
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="upcoming-heading" className="mb-12">
        <h2 id="upcoming-heading" className="text-2xl md:text-3xl font-bold mb-2">
          Deadlines in the next {UPCOMING_DAYS} days
        </h2>
        <p className="text-secondary-ink mb-4">
          {data.upcomingTotal > data.upcoming.length
            ? `The ${data.upcoming.length} soonest of ${plural(data.upcomingTotal, "commitment")} not yet delivered or dropped.`
            : "Commitments not yet delivered or dropped, soonest first."}
        </p>
        {data.upcoming.length === 0 ? (
          <p>
            No deadlines fall in the {UPCOMING_DAYS} days from {longDate(data.asOf)}.
          </p>
        ) : (
          <ul className="border-t border-border">
            {data.upcoming.map((c) => (
              <li key={c.slug} className="border-b border-border py-3">
                <a href={buildHref(`/commitments/${c.slug}`, keep)} className="font-bold">
                  {c.title}
                </a>
                <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
                  <StatusTag code={c.status.code} />
                  <span>Due {longDate(c.deadline?.dueDate)}</span>
                  <DeadlineText facts={c} />
                </p>
                <p className="text-secondary-ink text-base mt-1">Lead: {ownerNames(c.owners, true)}</p>
              </li>
            ))}
          </ul>
        )}
        <ul className="mt-4 space-y-2">
          {data.upcomingTotal > data.upcoming.length && (
            <li>
              <a href={upcomingHref(data.asOf, keep)}>
                All {plural(data.upcomingTotal, "commitment")} due in the next {UPCOMING_DAYS} days
              </a>
            </li>
          )}
          <li>
            <a href={buildHref("/commitments", { sort: "due", overdue: "false", ...keep })}>All commitments by due date</a>
          </li>
          <li>
            <a href={buildHref("/timeline", keep)}>The roadmap timeline: what is due when, quarter by quarter</a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="latest-heading" className="mb-12">
        <h2 id="latest-heading" className="text-2xl md:text-3xl font-bold mb-4">
          Latest confirmed changes
        </h2>
        {data.latest.length === 0 ? <p>No changes had been published {when}.</p> : <ChangeList items={data.latest} linkParams={keep} />}
        <p>
          <a href={buildHref("/changes", keep)}>All changes</a>
        </p>
      </section>

      <CiteThisPage title="Overview" path="/" record={data.record} asOf={data.asOf} origin={siteOrigin()} />

      <AsOfForm action="/" value={data.values.as_of?.[0]} errors={data.errors} hidden={hiddenRecordFields(data.record)} />
    </>
  );
}
