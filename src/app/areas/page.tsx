import type { Metadata } from "next";
import { pageTitle } from "@/app/page-title";
import { loadAreasPage, type RawParams } from "@/server/public-pages";
import { ErrorSummary } from "@/components/govuk/error-summary";
import { AsOfForm } from "@/components/as-of-form";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";
import { ProgressBar } from "@/components/progress-bar";
import { asOfParams, buildHref } from "@/domain/links";
import { ViewBanners, hiddenRecordFields, recordMetadata } from "@/components/record-version";
import { viewShareMetadata } from "@/app/share-metadata";

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const data = await loadAreasPage(await searchParams);
  return { title: pageTitle("Areas", data.errors), ...recordMetadata(data, data.revised), ...viewShareMetadata("Areas", "/areas", data) };
}

export default async function AreasPage({ searchParams }: Props) {
  const data = await loadAreasPage(await searchParams);
  const keep = asOfParams(data.asOf, data.asOfGiven, data.record);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <ErrorSummary errors={data.errors} />
      <ViewBanners view={data} revised={data.revised} todayHref="/areas" subject="the areas" />
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Areas of the roadmap</h1>
      <p className="text-lg md:text-xl mb-8 max-w-3xl">The roadmap groups its commitments into six areas.</p>
      <ul className="space-y-10">
        {data.progress.areas.map((area) => (
          <li key={area.slug}>
            <h2 className="text-xl md:text-2xl font-bold mb-2">
              <a href={buildHref(`/areas/${area.slug}`, keep)}>{area.title}</a>
            </h2>
            <p className="mb-3 max-w-3xl">{data.summaries.get(area.slug)}</p>
            {area.total > 0 ? (
              <ProgressBar counts={area.counts} total={area.total} overdue={area.overdue} label={area.title} />
            ) : (
              <p>No commitments announced yet.</p>
            )}
          </li>
        ))}
      </ul>
      <AsOfForm action="/areas" value={data.values.as_of?.[0]} errors={data.errors} hidden={hiddenRecordFields(data.record)} />
    </>
  );
}
