import type { Metadata } from "next";
import { pageTitle } from "@/app/page-title";
import { loadTimelinePage, type RawParams, type TimelineItem } from "@/server/public-pages";
import { ErrorSummary } from "@/components/govuk/error-summary";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";
import { CommitmentFilters, filterQuery } from "@/components/commitment-filters";
import { StatusTag } from "@/components/govuk/tag";
import { BAR_CLASSES } from "@/components/progress-bar";
import { CiteThisPage, ViewBanners, hiddenRecordFields, recordMetadata } from "@/components/record-version";
import { siteOrigin } from "@/server/http";
import { asOfParams, buildHref, type QueryValues } from "@/domain/links";
import { longDate } from "@/domain/dates";
import { plural } from "@/domain/wording";
import { publicStatusDefinition } from "@/domain/status";
import { TIMELINE_START, TIMELINE_END, quarterIndex, quarterLabel, quarterLongLabel, quarterOf, quartersBetween } from "@/domain/glance";
import { viewShareMetadata } from "@/app/share-metadata";

type Props = { searchParams: Promise<RawParams> };
type Data = Awaited<ReturnType<typeof loadTimelinePage>>;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const data = await loadTimelinePage(await searchParams);
  return {
    title: pageTitle("Roadmap timeline", data.errors),
    ...recordMetadata(data, data.revised),
    ...viewShareMetadata(
      "Roadmap timeline",
      "/timeline",
      data,
      "Every commitment with a deadline, quarter by quarter to 2030, with missed and moved deadlines.",
    ),
  };
}

/** The valid filters as GET parameters (the same as /commitments'). */
function filterParams(data: Data, withAsOf = true): QueryValues {
  return {
    ...filterQuery(data.filters),
    ...(withAsOf ? asOfParams(data.asOf, data.asOfGiven, data.record) : {}),
  };
}

// The wide view is a grid: the title, then one column per quarter from TIMELINE_START to
// TIMELINE_END, then one for anything later. Tailwind only sees class names written out whole.
const AXIS = quartersBetween(TIMELINE_START, TIMELINE_END);
const FIRST = quarterIndex(AXIS[0]!);
const COLUMN_CLASSES = [
  "md:col-start-2",
  "md:col-start-3",
  "md:col-start-4",
  "md:col-start-5",
  "md:col-start-6",
  "md:col-start-7",
  "md:col-start-8",
  "md:col-start-9",
  "md:col-start-10",
  "md:col-start-11",
  "md:col-start-12",
  "md:col-start-13",
  "md:col-start-14",
  "md:col-start-15",
  "md:col-start-16",
  "md:col-start-17",
  "md:col-start-18",
  "md:col-start-19",
  "md:col-start-20",
  "md:col-start-21",
  "md:col-start-22",
] as const;
const GRID = "md:grid md:grid-cols-[12rem_repeat(21,minmax(0,1fr))] md:items-center";

/** The column of a quarter: before the axis, its first; after it, "later". */
const column = (index: number) => COLUMN_CLASSES[Math.min(Math.max(index - FIRST, 0), AXIS.length)]!;

/** What a row says in words: its deadline exactly as published, where it falls, and what happened to it. */
function deadlineWords(item: TimelineItem) {
  return (
    <>
      Due “{item.label}” ({longDate(item.dueDate)}, {item.quarter.label})
      {item.original && (
        <>
          ; moved from “{item.original.label}”{item.original.quarter ? ` (${item.original.quarter.label})` : ""}
        </>
      )}
      {item.overdue && <>; overdue by {plural(item.daysOverdue, "day")}</>}
      {!item.overdue && item.missed > 0 && <>; missed {item.missed === 1 ? "a deadline" : plural(item.missed, "deadline")}</>}
    </>
  );
}

function Marker({ item }: { item: TimelineItem }) {
  const tone = publicStatusDefinition(item.status).tone;
  return (
    <span
      aria-hidden="true"
      className={`hidden md:block md:row-start-1 ${column(item.quarter.index)} h-5 mx-0.5 border-2 ${item.overdue || item.missed > 0 ? "border-error border-4" : "border-ink"} ${BAR_CLASSES[tone]}`}
      title={`${item.quarter.label}: ${publicStatusDefinition(item.status).label}`}
    />
  );
}

function OriginalMarker({ item }: { item: TimelineItem }) {
  if (!item.original?.quarter) return null;
  return (
    <span
      aria-hidden="true"
      className={`hidden md:block md:row-start-1 ${column(item.original.quarter.index)} h-5 mx-0.5 border-2 border-dashed border-ink bg-white text-center text-xs leading-4`}
      title={`First published as ${item.original.quarter.label}`}
    >
      ×
    </span>
  );
}

/** The quarter axis above each area's rows: decoration, since every row says its quarter in words. */
function QuarterAxis() {
  return (
    <div className={`${GRID} border-b-2 border-ink text-sm font-bold`} aria-hidden="true">
      <span className="md:col-start-1">Quarter</span>
      {AXIS.map((q, i) => (
        <span key={i} className={`${COLUMN_CLASSES[i]} md:row-start-1 text-center ${q.quarter === 1 ? "border-l-2 border-ink" : ""}`}>
          {q.quarter === 1 ? `${q.year}` : ""}
          <span className="block font-normal">Q{q.quarter}</span>
        </span>
      ))}
      <span className={`${COLUMN_CLASSES[AXIS.length]} md:row-start-1 text-center border-l-2 border-ink`}>Later</span>
    </div>
  );
}

export default async function TimelinePage({ searchParams }: Props) {
  const data = await loadTimelinePage(await searchParams);
  const keep = asOfParams(data.asOf, data.asOfGiven, data.record);
  const items = data.areas.flatMap((a) => a.items.map((item) => ({ ...item, area: a.title })));
  const quarters = [...new Set(items.map((i) => i.quarter.index))].sort((a, b) => a - b);
  const lastYear = quarterOf(TIMELINE_END).year;
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <ErrorSummary errors={data.errors} />
      <ViewBanners view={data} revised={data.revised} todayHref={buildHref("/timeline", filterParams(data, false))} subject="the timeline" />
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Roadmap timeline</h1>
      <p className="text-lg md:text-xl mb-4 max-w-3xl">
        What is due when: every commitment with a published deadline, placed in the calendar quarter its deadline ends in, to {lastYear}. Deadlines
        are shown exactly as published; a deadline moved since it was first published shows where it was first due.
      </p>
      <p className="mb-8 max-w-3xl" id="timeline-summary">
        {data.asOfGiven ? `As it stood on ${longDate(data.asOf)}` : `As of today, ${longDate(data.asOf)}`}: {plural(data.total, "commitment")} with a
        deadline
        {data.undated > 0 && (
          <>
            ; {plural(data.undated, "commitment")} with no published deadline {data.undated === 1 ? "is" : "are"} not placed (
            <a href={buildHref("/commitments", { ...filterParams(data), due_before: undefined, due_after: undefined })}>see the list</a>)
          </>
        )}
        .
      </p>

      <CommitmentFilters
        values={data.values}
        errors={data.errors}
        areas={data.allAreas}
        organisations={data.organisations}
        sort="due"
        hasQuery={Boolean(data.filters.q)}
        hidden={hiddenRecordFields(data.record)}
        action="/timeline"
      />

      {data.total === 0 ? (
        <div className="mb-8">
          <p className="font-bold mb-2">No commitments with a deadline match.</p>
          <p>
            <a href="/timeline">Clear all filters</a>
          </p>
        </div>
      ) : (
        <>
          <section aria-labelledby="key-heading" className="hidden md:block mb-6">
            <h2 id="key-heading" className="text-xl font-bold mb-2">
              How to read the timeline
            </h2>
            <ul className="flex flex-wrap gap-x-6 gap-y-2 text-base">
              <li className="flex items-center gap-2">
                <span aria-hidden="true" className="inline-block w-6 h-5 border-2 border-ink bg-bar-blue" /> where the deadline in effect ends, in the
                colour of the status named beside the title
              </li>
              <li className="flex items-center gap-2">
                <span aria-hidden="true" className="inline-block w-6 h-5 border-4 border-error bg-bar-grey" /> a thick red border: overdue, or a
                deadline missed
              </li>
              <li className="flex items-center gap-2">
                <span aria-hidden="true" className="inline-block w-6 h-5 border-2 border-dashed border-ink bg-white text-center text-xs leading-4">
                  ×
                </span>{" "}
                where it was first due, before it was moved
              </li>
            </ul>
          </section>

          {/* Wide screens: by area, on a quarter-by-quarter axis. */}
          <div className="hidden md:block" id="timeline-by-area">
            {data.areas.map((area) => (
              <section key={area.slug} aria-labelledby={`area-${area.slug}`} className="mt-6">
                <h2 id={`area-${area.slug}`} className="text-xl font-bold mb-2">
                  <a href={buildHref(`/areas/${area.slug}`, keep)}>{area.title}</a>
                </h2>
                <QuarterAxis />
                <ul>
                  {area.items.map((item) => (
                    <li key={item.slug} className={`${GRID} border-b border-border py-1`}>
                      <div className="md:col-start-1 md:row-start-1 pr-2 text-base">
                        <a href={buildHref(`/commitments/${item.slug}`, keep)}>{item.title}</a> <StatusTag code={item.status} className="text-sm" />
                        <span className="sr-only"> {deadlineWords(item)}</span>
                      </div>
                      <OriginalMarker item={item} />
                      <Marker item={item} />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>

          {/* Narrow screens: a list by quarter. */}
          <div className="md:hidden" id="timeline-by-quarter">
            {quarters.map((index) => {
              const inQuarter = items.filter((i) => i.quarter.index === index);
              const q = quarterOf(inQuarter[0]!.dueDate);
              return (
                <section key={index} aria-labelledby={`quarter-${index}`} className="mb-8">
                  <h2 id={`quarter-${index}`} className="text-xl font-bold mb-2">
                    {quarterLabel(q)} <span className="font-normal">({quarterLongLabel(q)})</span>
                  </h2>
                  <ul className="border-t border-border">
                    {inQuarter.map((item) => (
                      <li key={item.slug} className="border-b border-border py-3">
                        <a href={buildHref(`/commitments/${item.slug}`, keep)} className="font-bold">
                          {item.title}
                        </a>
                        <p className="mt-1">
                          <StatusTag code={item.status} /> <span className="text-secondary-ink">{item.area}</span>
                        </p>
                        <p className="mt-1">{deadlineWords(item)}</p>
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </div>
        </>
      )}

      <CiteThisPage
        title="Roadmap timeline"
        path="/timeline"
        params={filterParams(data, false)}
        record={data.record}
        asOf={data.asOf}
        origin={siteOrigin()}
      />
    </>
  );
}
