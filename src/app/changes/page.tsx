import type { Metadata } from "next";
import { loadChangesPage, CHANGES_PAGE_SIZE, type RawParams } from "@/server/public-data";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { OwnerFilters } from "@/components/OwnerFilters";
import { ChangeList } from "@/components/Timeline";
import { Pagination } from "@/components/Pagination";
import { ViewBanners, hiddenRecordFields, recordMetadata } from "@/components/RecordVersion";
import { asOfParams, buildHref } from "@/components/urls";
import { longDate, plural } from "@/components/format";

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const data = await loadChangesPage(await searchParams);
  return {
    title: `${data.errors.length ? "Error: " : ""}Changes${data.page > 1 ? ` (page ${data.page} of ${data.pageCount})` : ""}`,
    ...recordMetadata(data, data.revised),
  };
}

export default async function ChangesPage({ searchParams }: Props) {
  const data = await loadChangesPage(await searchParams);
  const keep = asOfParams(data.asOf, data.asOfGiven, data.record);
  const params = { area: data.area, organisation: data.organisation, ...keep };
  const filtered = data.area.length > 0 || data.organisation.length > 0;
  const first = (data.page - 1) * CHANGES_PAGE_SIZE + 1;
  const last = Math.min(data.total, data.page * CHANGES_PAGE_SIZE);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <ErrorSummary errors={data.errors} />
      <ViewBanners
        view={data}
        revised={data.revised}
        todayHref={buildHref("/changes", { area: data.area, organisation: data.organisation })}
        subject="the changes"
      />
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Changes</h1>
      <p className="text-lg md:text-xl mb-4 max-w-3xl">
        Every published change to the tracker, newest first: status updates and deadline changes, each linked to its commitment and its source.
        Nothing is ever overwritten or deleted.
      </p>
      <p className="mb-8">
        Follow changes as they happen with the <a href="/changes.atom">Atom feed</a>.
      </p>

      <OwnerFilters
        action="/changes"
        label="Filter changes"
        areas={data.areas}
        organisations={data.organisations}
        area={data.area[0] ?? ""}
        organisation={data.organisation[0] ?? ""}
        asOf={data.values.as_of?.[0]}
        errors={data.errors}
        hidden={hiddenRecordFields(data.record)}
      />

      <h2 id="results" className="text-2xl md:text-3xl font-bold mb-2">
        {plural(data.total, "change")}
        {filtered ? " for your filters" : ""}
      </h2>
      <p className="text-secondary-ink mb-6">
        {data.asOfGiven ? `Published up to ${longDate(data.asOf)}` : "All published changes"}
        {data.total > 0 && !data.pastLastPage ? `. Showing ${first} to ${last}.` : "."}
      </p>
      {data.total === 0 ? (
        <p className="mb-8">No changes had been published{filtered ? " for the area and organisation you chose" : ""}.</p>
      ) : data.pastLastPage ? (
        <p className="mb-8">
          There is no page {data.page}: there {data.pageCount === 1 ? "is 1 page" : `are ${data.pageCount} pages`}.{" "}
          <a href={buildHref("/changes", params)}>Go to the first page</a>
        </p>
      ) : (
        <ChangeList items={data.items} linkParams={keep} />
      )}
      <Pagination
        page={data.page}
        pageCount={data.pageCount}
        hrefFor={(page) => buildHref("/changes", { ...params, page: page === 1 ? undefined : page })}
      />
    </>
  );
}
