import type { Metadata } from "next";
import { pageTitle } from "@/app/page-title";
import { notFound } from "next/navigation";
import { loadCommitmentPage, type RawParams } from "@/server/public-pages";
import { STALE_AFTER_DAYS } from "@/domain/attention";
import { precisionLabel } from "@/domain/deadline";
import { NO_PROGRESS_DEFINITION } from "@/domain/status";
import { ErrorSummary } from "@/components/govuk/error-summary";
import { AsOfBanner } from "@/components/as-of-banner";
import { AsOfForm } from "@/components/as-of-form";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";
import { StatusTag } from "@/components/govuk/tag";
import { DeadlineText, deadlinePhrase } from "@/components/deadline-text";
import { SummaryList } from "@/components/govuk/summary-list";
import { InsetText } from "@/components/govuk/inset-text";
import { WarningText } from "@/components/govuk/warning-text";
import { UncheckedMark } from "@/components/unchecked-mark";
import { WordingChanges } from "@/components/wording-changes";
import { Timeline, commitmentTimelineItems, type TimelineItem } from "@/components/timeline";
import { CommitmentChart, commitmentMarks } from "@/components/charts";
import { SourceLink } from "@/components/govuk/source-link";
import { asOfParams, buildHref } from "@/domain/links";
import { siteOrigin } from "@/server/http";
import { longDate } from "@/domain/dates";
import { days } from "@/domain/wording";
import { CiteThisPage, ViewBanners, hiddenRecordFields, recordMetadata, viewSuffix } from "@/components/record-version";
import { StatusDates, datedText } from "@/components/status-dates";
import { MissedDeadlineList } from "@/components/missed-deadlines";
import { PendingUpdate } from "@/components/pending-update";
import { areaRow, ownerRows } from "@/components/owners";
import { RemovedCommitment } from "@/components/removed-commitment";
import { ShareSnippets, shareQuery } from "@/components/share-snippets";
import { shareMetadata, withFeeds } from "@/app/share-metadata";
import { FollowLinks } from "@/components/follow-links";
import { publicStatusDefinition } from "@/domain/status";
import { GetEmails } from "@/components/get-emails";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const data = await loadCommitmentPage((await params).slug, await searchParams);
  if (data.kind === "not-found") return { title: "Page not found" };
  const title = data.kind === "found" ? data.summary.title : data.kind === "removed" ? `Removed: ${data.removal.title}` : data.title;
  const base = { title: pageTitle(`${title}${viewSuffix(data)}`, data.errors), ...recordMetadata(data, data.kind === "found" ? data.revised : null) };
  if (data.kind !== "found") return base;
  const slug = data.summary.slug;
  const query = shareQuery(data);
  const status = publicStatusDefinition(data.summary.status.code).label;
  const deadline = data.summary.deadline ? data.summary.deadline.label : "No deadline published";
  const share = shareMetadata({
    title: `${data.summary.title}: ${status}`,
    description: `${status}. Deadline: ${deadline}. ${data.summary.area.title}.${data.asOfGiven ? ` As it stood on ${longDate(data.asOf)}.` : ""}`,
    path: `/commitments/${slug}${query}`,
    image: { path: `/commitments/${slug}/card.png${query}`, alt: `${data.summary.title}: ${status}; deadline ${deadline}` },
  });
  const page = `${siteOrigin()}/commitments/${slug}${query}`;
  return withFeeds(
    { ...base, ...share },
    { path: `/commitments/${slug}`, name: data.summary.title, calendar: false },
    { "application/json+oembed": `${siteOrigin()}/api/oembed?url=${encodeURIComponent(page)}&format=json` },
  );
}

export default async function CommitmentPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const data = await loadCommitmentPage(slug, await searchParams);
  if (data.kind === "not-found") notFound();
  const path = `/commitments/${slug}`;
  const crumbs = [
    { href: "/", label: "Home" },
    { href: "/commitments", label: "Commitments" },
  ];

  if (data.kind === "removed") return <RemovedCommitment removal={data.removal} />;

  if (data.kind === "not-yet-recorded") {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <ErrorSummary errors={data.errors} />
        <h1 className="text-3xl md:text-5xl font-bold mb-6">{data.title}</h1>
        <InsetText>
          <p className="text-lg md:text-xl">
            This commitment was not yet on the record at version {data.record.version}: the tracker added it later.
          </p>
        </InsetText>
        <p>
          <a href={path}>See it as it is today</a>.
        </p>
      </>
    );
  }

  if (data.kind === "not-yet-announced") {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <ErrorSummary errors={data.errors} />
        <AsOfBanner asOf={data.asOf} todayHref={path} pinned={data.record.pinned} />
        <h1 className="text-3xl md:text-5xl font-bold mb-6">{data.title}</h1>
        <InsetText>
          <p className="text-lg md:text-xl">
            This commitment had not been announced yet on {longDate(data.asOf)}. It was announced{" "}
            {data.announcedLabel ? `in ${data.announcedLabel}` : `on ${longDate(data.announcedOn)}`}.
          </p>
        </InsetText>
        <p>
          <a href={buildHref(path, { as_of: data.announcedOn, ...data.record.params })}>See it as it stood when it was announced</a> or{" "}
          <a href={path}>see it as it is today</a>.
        </p>
        <AsOfForm action={path} value={data.values.as_of?.[0]} errors={data.errors} hidden={hiddenRecordFields(data.record)} />
      </>
    );
  }

  const { summary: c, timeline, announcement } = data;
  const keep = asOfParams(data.asOf, data.asOfGiven, data.record);
  const origin = siteOrigin();

  const announced: TimelineItem[] = announcement
    ? [
        {
          key: "announced",
          heading: "Announced",
          date: announcement.announcedOn,
          dateLabel: c.announcedLabel ?? undefined,
          body: (
            <>
              <p>The commitment was announced as part of the Roadmap for Modern Digital Government.</p>
              {announcement.source && <SourceLink source={announcement.source} />}
            </>
          ),
        },
      ]
    : [];

  return (
    <>
      <Breadcrumbs items={[...crumbs, { href: buildHref(`/areas/${c.area.slug}`, keep), label: c.area.title }]} />
      <ErrorSummary errors={data.errors} />
      <ViewBanners view={data} revised={data.revised} todayHref={path} subject="this commitment" />
      <p className="text-lg md:text-xl text-secondary-ink mb-1">{c.area.title}</p>
      <h1 className="text-3xl md:text-5xl font-bold mb-4">{c.title}</h1>
      <p className="flex flex-wrap items-center gap-x-4 gap-y-2 mb-6 text-lg md:text-xl">
        <StatusTag code={c.status.code} />
        <DeadlineText facts={c} />
      </p>
      <p className="text-lg md:text-xl mb-6 max-w-3xl">{c.summary}</p>
      {c.notice && <InsetText>{c.notice}</InsetText>}
      <UncheckedMark since={data.uncheckedSince} />
      <WordingChanges changes={data.wordingChanges} />

      {data.stale && (
        <WarningText>
          {data.lastConfirmed
            ? `Progress was last confirmed ${days(data.daysSinceConfirmed)} before ${data.asOfGiven ? longDate(data.asOf) : "today"}, in ${datedText(data.lastConfirmed)}. It may have changed since.`
            : `No progress has been confirmed in the ${days(data.daysSinceConfirmed)} since this commitment was announced.`}
        </WarningText>
      )}

      {c.pending && <PendingUpdate pending={c.pending} asOf={data.asOf} />}

      {c.missedDeadlines.length > 0 && (
        <>
          <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8" id="missed">
            {c.missedDeadlines.length === 1 ? "Missed deadline" : "Missed deadlines"}
          </h2>
          <p className="mb-2 max-w-3xl">A deadline that passed unmet stays on the record, whatever followed.</p>
          <MissedDeadlineList items={c.missedDeadlines} />
        </>
      )}

      <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8">At a glance</h2>
      <SummaryList
        rows={[
          {
            key: "Status",
            value: (
              <>
                <StatusTag code={c.status.code} />
                {c.status.confirmed ? (
                  <span className="block mt-2">
                    <StatusDates
                      occurred={c.status.occurred}
                      confirmed={c.status.confirmed}
                      publishedAt={c.status.publishedAt}
                      version={c.status.version}
                      effectiveOn={c.status.effectiveOn}
                    />
                  </span>
                ) : (
                  <span className="block mt-1">{NO_PROGRESS_DEFINITION.sentence}.</span>
                )}
              </>
            ),
          },
          ...ownerRows(c.owners, keep),
          ...[areaRow(c.area.title, c.areaBasis)].filter((r) => r !== null),
          { key: "Deadline as published", value: c.deadline ? `“${c.deadline.label}”` : "None published" },
          { key: "How precise the deadline is", value: c.deadline ? precisionLabel(c.deadline.precision) : "None" },
          {
            key: "Due date",
            value: c.deadline?.dueDate ? (
              <>
                {longDate(c.deadline.dueDate)}
                <span className="block text-secondary-ink text-base mt-1">
                  The last day of the period the deadline describes (<a href="/methodology#deadlines">how we work this out</a>)
                </span>
              </>
            ) : (
              "None: no date was given, so it cannot be overdue"
            ),
          },
          { key: "Against the deadline", value: deadlinePhrase(c) ? <DeadlineText facts={c} /> : "Not applicable" },
          {
            key: "Deadline changes",
            value: c.revisionsCount === 0 ? "None" : `Moved ${c.revisionsCount === 1 ? "once" : `${c.revisionsCount} times`}`,
          },
          { key: "Announced", value: c.announcedLabel ?? longDate(c.announcedOn) },
          {
            key: "Missed deadlines",
            value:
              c.missedDeadlines.length === 0 ? (
                "None"
              ) : (
                <a href="#missed">{c.missedDeadlines.length === 1 ? "1 missed deadline" : `${c.missedDeadlines.length} missed deadlines`}</a>
              ),
          },
          {
            key: "Progress last confirmed",
            value: data.lastConfirmed ? (
              <>
                {datedText(data.lastConfirmed)}
                {data.stale && <strong className="block mt-1">More than {STALE_AFTER_DAYS} days ago</strong>}
              </>
            ) : (
              <>
                Never
                {data.stale && <strong className="block mt-1">Nothing confirmed in more than {STALE_AFTER_DAYS} days</strong>}
              </>
            ),
          },
        ]}
      />

      <h2 className="text-2xl md:text-3xl font-bold mb-2 mt-8">History</h2>
      <p className="text-secondary-ink mb-6">Status updates and deadline changes, newest first, each with its source.</p>
      <CommitmentChart id="commitment-chart" asOf={data.asOf} {...commitmentMarks(timeline, announcement?.announcedOn ?? null)} />
      <Timeline items={[...commitmentTimelineItems(timeline), ...announced]} />

      <CiteThisPage title={c.title} path={path} record={data.record} asOf={data.asOf} origin={origin} version={data.citeVersion} />

      <ShareSnippets origin={origin} slug={slug} query={shareQuery(data)} title={c.title} />

      <GetEmails scope="commitment" slug={slug} subject="this commitment" />
      <FollowLinks path={path} subject="this commitment" calendar={false} />

      <AsOfForm action={path} value={data.values.as_of?.[0]} errors={data.errors} hidden={hiddenRecordFields(data.record)} />
    </>
  );
}
