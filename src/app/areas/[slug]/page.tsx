import type { Metadata } from "next";
import { pageTitle } from "@/app/page-title";
import { notFound } from "next/navigation";
import { loadAreaPage, type RawParams } from "@/server/public-pages";
import { ErrorSummary } from "@/components/govuk/error-summary";
import { AsOfForm } from "@/components/as-of-form";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";
import { ProgressBar } from "@/components/progress-bar";
import { CommitmentList } from "@/components/commitment-list";
import { StatusCountsList } from "@/components/status-counts-list";
import { StatusOverTime } from "@/components/charts";
import { asOfParams, buildHref } from "@/domain/links";
import { longDate } from "@/domain/dates";
import { plural } from "@/domain/wording";
import { ViewBanners, hiddenRecordFields, recordMetadata } from "@/components/record-version";
import { viewShareMetadata, withFeeds } from "@/app/share-metadata";
import { FollowLinks } from "@/components/follow-links";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const data = await loadAreaPage((await params).slug, await searchParams);
  if (data.kind === "not-found") return { title: "Page not found" };
  const path = `/areas/${data.area.slug}`;
  return withFeeds(
    { title: pageTitle(data.area.title, data.errors), ...recordMetadata(data, data.revised), ...viewShareMetadata(data.area.title, path, data) },
    { path, name: data.area.title, calendar: true },
  );
}

export default async function AreaPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const data = await loadAreaPage(slug, await searchParams);
  if (data.kind === "not-found") notFound();
  const keep = asOfParams(data.asOf, data.asOfGiven, data.record);
  const path = `/areas/${slug}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Home" },
          { href: buildHref("/areas", keep), label: "Areas" },
        ]}
      />
      <ErrorSummary errors={data.errors} />
      <ViewBanners view={data} revised={data.revised} todayHref={path} subject="this area" />
      <p className="text-lg md:text-xl text-secondary-ink mb-1">
        Area {data.area.position} of {data.areaCount}
      </p>
      <h1 className="text-3xl md:text-5xl font-bold mb-6">{data.area.title}</h1>
      <p className="text-lg md:text-xl mb-8 max-w-3xl">{data.area.summary}</p>

      <h2 className="text-2xl md:text-3xl font-bold mb-4">Summary</h2>
      {data.total === 0 ? (
        <p className="mb-8">No commitments in this area had been announced on {longDate(data.asOf)}.</p>
      ) : (
        <div className="mb-8">
          <ProgressBar counts={data.counts} total={data.total} overdue={data.overdue} label={data.area.title} />
          <StatusCountsList counts={data.counts} overdue={data.overdue} baseHref="/commitments" baseParams={{ area: slug, ...keep }} />
        </div>
      )}
      {data.total > 0 && <StatusOverTime id="status-over-time" months={data.byMonth} subject="This area’s commitments" />}

      <h2 className="text-2xl md:text-3xl font-bold mb-2">{plural(data.total, "commitment")}</h2>
      <p className="text-secondary-ink mb-4">Soonest deadline first.</p>
      {data.total > 0 && <CommitmentList items={data.items} linkParams={keep} showArea={false} />}
      <p>
        <a href={buildHref("/commitments", { area: slug, ...keep })}>Search and filter this area’s commitments</a>
      </p>
      <FollowLinks path={path} subject="this area" calendar />
      <AsOfForm action={path} value={data.values.as_of?.[0]} errors={data.errors} hidden={hiddenRecordFields(data.record)} />
    </>
  );
}
