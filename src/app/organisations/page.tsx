import type { Metadata } from "next";
import { loadOrganisationsPage } from "@/server/public-pages";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";
import { DataTable, cellClass } from "@/components/govuk/table";

export const metadata: Metadata = { title: "Organisations" };
// Read from the database at request time (through the cache), never at build time.
export const dynamic = "force-dynamic";

export default async function OrganisationsPage() {
  const { organisations } = await loadOrganisationsPage();
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Organisations</h1>
      <p className="text-lg md:text-xl mb-8 max-w-3xl">The departments and units that own the roadmap’s commitments, as lead or supporting owner.</p>
      <DataTable id="organisations-table" caption="Organisations and the commitments they own" head={["Organisation", "Leads", "Supports"]}>
        {organisations.map((o) => (
          <tr key={o.slug}>
            <td className={cellClass}>
              <a href={`/organisations/${o.slug}`}>{o.name}</a>
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
