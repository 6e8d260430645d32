import type { Metadata } from "next";
import { pageTitle } from "@/app/page-title";
import { loadOrganisationsPage, type RawParams } from "@/server/public-pages";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";
import { Select } from "@/components/govuk/select";
import { Button } from "@/components/govuk/button";
import { AsOfForm, errorFor } from "@/components/as-of-form";
import { HowWeCount, ScorecardTable } from "@/components/scorecard";
import { longDate } from "@/domain/dates";
import { ErrorSummary } from "@/components/govuk/error-summary";
import { ViewBanners, hiddenRecordFields, recordMetadata } from "@/components/record-version";
import { asOfParams, buildHref } from "@/domain/links";
import { viewShareMetadata } from "@/app/share-metadata";

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const data = await loadOrganisationsPage(await searchParams);
  return {
    title: pageTitle("Organisations", data.errors),
    ...recordMetadata(data, data.revised),
    ...viewShareMetadata(
      "Organisations",
      "/organisations",
      data,
      "Department scorecards: what each organisation leads, delivered on time or late, overdue and missed.",
    ),
  };
}
// Read from the database at request time (through the cache), never at build time.
export const dynamic = "force-dynamic";

export default async function OrganisationsPage({ searchParams }: Props) {
  const data = await loadOrganisationsPage(await searchParams);
  const keep = asOfParams(data.asOf, data.asOfGiven, data.record);
  const sortParams = { ...keep, area: data.area, sort: data.sort, order: data.order };
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <ErrorSummary errors={data.errors} />
      <ViewBanners view={data} revised={data.revised} todayHref="/organisations" subject="the organisations" />
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Organisations</h1>
      <p className="text-lg md:text-xl mb-8 max-w-3xl">
        The departments and units that own the roadmap’s commitments, as lead or supporting owner, and how the commitments each one leads stand
        {data.asOfGiven ? ` on ${longDate(data.asOf)}` : " today"}.
      </p>
      <form method="get" action="/organisations" className="no-print mb-6">
        {Object.entries({
          ...hiddenRecordFields(data.record),
          as_of: data.asOfGiven ? data.asOf : undefined,
          sort: data.sort,
          order: data.order,
        }).map(([name, v]) => (v ? <input key={name} type="hidden" name={name} value={v} /> : null))}
        <Select
          name="area"
          label="Count only the commitments in one area"
          error={errorFor(data.errors, "area")}
          value={data.area[0] ?? ""}
          placeholder="All areas"
          width="medium"
          options={data.areas.map((a) => ({ value: a.slug, label: a.title }))}
        />
        <Button variant="secondary">Show scorecards</Button>
      </form>
      <ScorecardTable rows={data.scorecards} sort={data.sort} order={data.order} path="/organisations" params={sortParams} linkParams={keep} />
      <p className="mb-4">
        <a href={buildHref("/data/scorecards.csv", sortParams)} download>
          Download these scorecards as CSV
        </a>{" "}
        (in the order shown{data.area.length ? ", for the area chosen" : ""}).
      </p>
      <HowWeCount asOf={data.asOf} />
      <AsOfForm
        action="/organisations"
        value={data.values.as_of?.[0]}
        errors={data.errors}
        hidden={{ ...hiddenRecordFields(data.record), sort: data.sort, order: data.order, area: data.area[0] }}
      />
    </>
  );
}
