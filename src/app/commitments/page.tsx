import type { Metadata } from "next";
import { pageTitle } from "@/app/page-title";
import { loadCommitmentsPage, type CommitmentsPage, type RawParams } from "@/server/public-pages";
import { ErrorSummary } from "@/components/govuk/error-summary";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";
import { CommitmentFilters, filterQuery } from "@/components/commitment-filters";
import { CommitmentList } from "@/components/commitment-list";
import { NoSuchPage, Pagination, showing } from "@/components/govuk/pagination";
import { asOfParams, buildHref, type QueryValues } from "@/domain/links";
import { longDate } from "@/domain/dates";
import { plural } from "@/domain/wording";
import { CiteThisPage, ViewBanners, hiddenRecordFields, recordMetadata } from "@/components/record-version";
import { siteOrigin } from "@/server/http";
import { viewShareMetadata } from "@/app/share-metadata";

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const data = await loadCommitmentsPage(await searchParams);
  const title = data.page > 1 ? `Commitments (page ${data.page} of ${data.pageCount})` : "Commitments";
  return {
    title: pageTitle(title, data.errors),
    ...recordMetadata(data, data.revised),
    ...viewShareMetadata(
      "Commitments",
      "/commitments",
      data,
      "Every commitment of the Roadmap for Modern Digital Government, with its status and deadline.",
    ),
  };
}

/** The valid filters as GET parameters: what pagination and "today" links carry over. */
function filterParams(data: CommitmentsPage, withAsOf = true): QueryValues {
  const f = data.filters;
  const defaultSort = f.q ? "relevance" : "due";
  return {
    ...filterQuery(f),
    ...(withAsOf ? asOfParams(data.asOf, data.asOfGiven, data.record) : {}),
    sort: f.sort === defaultSort ? undefined : f.sort,
    page_size: data.pageSizeGiven ? data.pageSize : undefined,
  };
}

function hasFilters(data: CommitmentsPage): boolean {
  const f = data.filters;
  return Boolean(
    f.q ||
    f.status.length ||
    f.area.length ||
    f.organisation.length ||
    f.overdue !== undefined ||
    f.missed !== undefined ||
    f.dueAfter ||
    f.dueBefore,
  );
}

export default async function CommitmentsPage({ searchParams }: Props) {
  const data = await loadCommitmentsPage(await searchParams);
  const params = filterParams(data);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <ErrorSummary errors={data.errors} />
      <ViewBanners view={data} revised={data.revised} todayHref={buildHref("/commitments", { ...filterParams(data, false) })} subject="this list" />
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Commitments</h1>
      <p className="text-lg md:text-xl mb-8 max-w-3xl">
        Every commitment in the roadmap with its status, owner and deadline. Search and filter them; every combination has its own address you can
        share.
      </p>
      <div className="md:grid md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)] md:gap-8">
        <div>
          <p className="md:hidden mb-4">
            <a href="#results">Skip to the {plural(data.total, "result")}</a>
          </p>
          <CommitmentFilters
            values={data.values}
            errors={data.errors}
            areas={data.areas}
            organisations={data.organisations}
            sort={data.filters.sort}
            hasQuery={Boolean(data.filters.q)}
            pageSize={data.pageSizeGiven ? data.pageSize : undefined}
            hidden={hiddenRecordFields(data.record)}
          />
        </div>
        <div>
          <h2 id="results" className="text-2xl md:text-3xl font-bold mb-2" tabIndex={-1}>
            {plural(data.total, "commitment")}
            {hasFilters(data) ? (data.total === 1 ? " matches your filters" : " match your filters") : ""}
          </h2>
          <p className="text-secondary-ink mb-4">
            {data.asOfGiven ? `As it stood on ${longDate(data.asOf)}` : `As of today, ${longDate(data.asOf)}`}
            {showing(data)}
          </p>
          {data.total === 0 ? (
            <div className="mb-8">
              <p className="font-bold mb-2">No commitments match.</p>
              <ul className="list-disc pl-6">
                <li>check the spelling of your search words, or use fewer words</li>
                <li>remove some filters</li>
                {data.asOf < "2026-01-19" && <li>choose a later date: the roadmap was launched on 19 January 2026</li>}
              </ul>
              <p className="mt-4">
                <a href="/commitments">Clear all filters</a>
              </p>
            </div>
          ) : data.pastLastPage ? (
            <NoSuchPage page={data.page} pageCount={data.pageCount} firstPageHref={buildHref("/commitments", { ...params, page: 1 })} />
          ) : (
            <CommitmentList items={data.items} linkParams={asOfParams(data.asOf, data.asOfGiven, data.record)} />
          )}
          {data.total > 0 && (
            <p className="mb-6">
              <a href={buildHref("/data/commitments.csv", { ...params, page_size: undefined, sort: data.filters.sort })} download data-download="">
                Download {data.total === 1 ? "this commitment" : `these ${data.total} commitments`} as CSV
              </a>
            </p>
          )}
          <Pagination
            page={data.page}
            pageCount={data.pageCount}
            hrefFor={(page) => buildHref("/commitments", { ...params, page: page === 1 ? undefined : page })}
          />
        </div>
      </div>
      <CiteThisPage
        title="Commitments"
        path="/commitments"
        params={{ ...filterParams(data, false), page: data.page === 1 ? undefined : data.page }}
        record={data.record}
        asOf={data.asOf}
        origin={siteOrigin()}
      />
    </>
  );
}
