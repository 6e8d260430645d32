import type { Metadata } from "next";
import { pageTitle } from "@/app/page-title";
import { loadChangesPage, type RawParams } from "@/server/public-pages";
import { ErrorSummary } from "@/components/govuk/error-summary";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";
import { OwnerFilters } from "@/components/owner-filters";
import { ChangeList } from "@/components/timeline";
import { NoSuchPage, Pagination, showing } from "@/components/govuk/pagination";
import { asOfParams, buildHref } from "@/domain/links";
import { longDate } from "@/domain/dates";
import { plural } from "@/domain/wording";
import { WordingChanges } from "@/components/wording-changes";
import { ViewBanners, hiddenRecordFields, recordMetadata } from "@/components/record-version";
import { viewShareMetadata } from "@/app/share-metadata";

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const data = await loadChangesPage(await searchParams);
  return {
    title: pageTitle(`Changes${data.page > 1 ? ` (page ${data.page} of ${data.pageCount})` : ""}`, data.errors),
    ...recordMetadata(data, data.revised),
    ...viewShareMetadata(
      "Changes",
      "/changes",
      data,
      "Every published change to the tracker: status updates, moved deadlines and changes of wording.",
    ),
  };
}

export default async function ChangesPage({ searchParams }: Props) {
  const data = await loadChangesPage(await searchParams);
  const keep = asOfParams(data.asOf, data.asOfGiven, data.record);
  const params = { area: data.area, organisation: data.organisation, ...keep };
  const filtered = data.area.length > 0 || data.organisation.length > 0;
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
        Every published change to the tracker, newest first: status updates and deadline changes, each linked to its commitment and its source, then
        the latest changes to the wording of commitments. Nothing is ever overwritten or deleted.
      </p>
      <p className="mb-8">
        Follow changes as they happen with the <a href="/changes.atom">Atom feed</a>.
      </p>

      <OwnerFilters action="/changes" label="Filter changes" page={data} hidden={hiddenRecordFields(data.record)} />

      <h2 id="results" className="text-2xl md:text-3xl font-bold mb-2">
        {plural(data.total, "change")}
        {filtered ? " for your filters" : ""}
      </h2>
      <p className="text-secondary-ink mb-6">
        {data.asOfGiven ? `Published up to ${longDate(data.asOf)}` : "All published changes"}
        {showing(data)}
      </p>
      {data.total === 0 ? (
        <p className="mb-8">No changes had been published{filtered ? " for the area and organisation you chose" : ""}.</p>
      ) : data.pastLastPage ? (
        <NoSuchPage page={data.page} pageCount={data.pageCount} firstPageHref={buildHref("/changes", params)} />
      ) : (
        <ChangeList items={data.items} linkParams={keep} />
      )}
      <Pagination
        page={data.page}
        pageCount={data.pageCount}
        hrefFor={(page) => buildHref("/changes", { ...params, page: page === 1 ? undefined : page })}
      />
      <WordingChanges changes={data.wordingChanges} linkTo={(slug) => buildHref(`/commitments/${slug}`, keep)} />
    </>
  );
}
