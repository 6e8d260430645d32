import type { Metadata } from "next";
import { pageTitle } from "@/app/page-title";
import { notFound } from "next/navigation";
import { loadOrganisationPage, type RawParams } from "@/server/public-pages";
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
import { OWNER_ROLE_NOUNS } from "@/domain/ownership";
import { HowWeCount, OrganisationScorecard } from "@/components/scorecard";
import { viewShareMetadata, withFeeds } from "@/app/share-metadata";
import { FollowLinks } from "@/components/follow-links";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const data = await loadOrganisationPage((await params).slug, await searchParams);
  if (data.kind === "not-found") return { title: "Page not found" };
  const path = `/organisations/${data.organisation.slug}`;
  return withFeeds(
    {
      title: pageTitle(data.organisation.name, data.errors),
      ...recordMetadata(data, data.revised),
      ...viewShareMetadata(data.organisation.name, path, data),
    },
    { path, name: data.organisation.name, calendar: true },
  );
}

export default async function OrganisationPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const data = await loadOrganisationPage(slug, await searchParams);
  if (data.kind === "not-found") notFound();
  const keep = asOfParams(data.asOf, data.asOfGiven, data.record);
  const path = `/organisations/${slug}`;
  const { organisation } = data;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Home" },
          { href: "/organisations", label: "Organisations" },
        ]}
      />
      <ErrorSummary errors={data.errors} />
      <ViewBanners view={data} revised={data.revised} todayHref={path} subject="this organisation" />
      <p className="text-lg md:text-xl text-secondary-ink mb-1">Organisation</p>
      <h1 className="text-3xl md:text-5xl font-bold mb-6">
        {organisation.name}
        {organisation.abbreviation && organisation.abbreviation !== organisation.name ? ` (${organisation.abbreviation})` : ""}
      </h1>
      <p className="text-lg md:text-xl mb-8 max-w-3xl">
        Leads {plural(data.leads, "commitment")}
        {data.joint > 0 ? `, is named jointly with others for ${plural(data.joint, "commitment")},` : ""} and supports{" "}
        {plural(data.total - data.leads - data.joint, "other")}
        {data.asOfGiven ? ` (as of ${longDate(data.asOf)})` : ""}.
      </p>

      <h2 className="text-2xl md:text-3xl font-bold mb-4">Summary</h2>
      {data.total === 0 ? (
        <p className="mb-8" data-no-owned-commitments="">
          {data.asOfGiven
            ? `No published source names this organisation as owner of a commitment the tracker held on ${longDate(data.asOf)}.`
            : "No published source names this organisation as owner of a tracked commitment."}
        </p>
      ) : (
        <div className="mb-8">
          <ProgressBar counts={data.counts} total={data.total} overdue={data.overdue} label={organisation.name} />
          <StatusCountsList counts={data.counts} overdue={data.overdue} baseHref="/commitments" baseParams={{ organisation: slug, ...keep }} />
        </div>
      )}
      {data.total > 0 && <StatusOverTime id="status-over-time" months={data.byMonth} subject="The commitments it leads or supports" />}

      {data.scorecard && (
        <section aria-labelledby="scorecard-heading" className="mb-8">
          <h2 id="scorecard-heading" className="text-2xl md:text-3xl font-bold mb-4">
            Scorecard
          </h2>
          <p className="mb-4">Of the {plural(data.scorecard.leads, "commitment")} it leads:</p>
          <OrganisationScorecard row={data.scorecard} />
          <p className="mb-4">
            <a href={buildHref("/organisations", { ...keep, sort: "overdue", order: "desc" })}>Compare with other organisations</a>
          </p>
          <HowWeCount asOf={data.asOf} />
        </section>
      )}

      <h2 className="text-2xl md:text-3xl font-bold mb-2">{plural(data.total, "commitment")}</h2>
      <p className="text-secondary-ink mb-4">Led or supported by {organisation.name}, soonest deadline first.</p>
      {data.total > 0 && (
        <CommitmentList
          items={data.items}
          linkParams={keep}
          roleOf={(c) => OWNER_ROLE_NOUNS[c.owners.find((o) => o.slug === slug)?.role ?? "supporting"]}
        />
      )}
      <p>
        <a href={buildHref("/commitments", { organisation: slug, ...keep })}>Search and filter this organisation’s commitments</a>
      </p>
      <FollowLinks path={path} subject="this organisation" calendar />
      <AsOfForm action={path} value={data.values.as_of?.[0]} errors={data.errors} hidden={hiddenRecordFields(data.record)} />
    </>
  );
}
