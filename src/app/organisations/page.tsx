import type { Metadata } from "next";
import { pageTitle } from "@/app/page-title";
import { loadOrganisationsPage, type RawParams } from "@/server/public-pages";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";
import { DataTable, cellClass } from "@/components/govuk/table";
import { ErrorSummary } from "@/components/govuk/error-summary";
import { ViewBanners, recordMetadata } from "@/components/record-version";
import { asOfParams, buildHref } from "@/domain/links";

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const data = await loadOrganisationsPage(await searchParams);
  return { title: pageTitle("Organisations", data.errors), ...recordMetadata(data, data.revised) };
}
// Read from the database at request time (through the cache), never at build time.
export const dynamic = "force-dynamic";

export default async function OrganisationsPage({ searchParams }: Props) {
  const data = await loadOrganisationsPage(await searchParams);
  const { organisations } = data;
  const keep = asOfParams(data.asOf, data.asOfGiven, data.record);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <ErrorSummary errors={data.errors} />
      <ViewBanners view={data} revised={data.revised} todayHref="/organisations" subject="the organisations" />
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Organisations</h1>
      <p className="text-lg md:text-xl mb-8 max-w-3xl">The departments and units that own the roadmap’s commitments, as lead or supporting owner.</p>
      <DataTable id="organisations-table" caption="Organisations and the commitments they own" head={["Organisation", "Leads", "Supports"]}>
        {organisations.map((o) => (
          <tr key={o.slug}>
            <td className={cellClass}>
              <a href={buildHref(`/organisations/${o.slug}`, keep)}>{o.name}</a>
              {o.abbreviation && <span className="text-secondary-ink"> ({o.abbreviation})</span>}
            </td>
            <td className={`${cellClass} tabular-nums`}>{o.leads}</td>
            <td className={`${cellClass} tabular-nums`}>{o.supports}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
