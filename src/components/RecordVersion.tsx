import type { RecordView } from "../server/public-data";
import type { VersionInfo } from "../server/queries/versions";
import { IMMUTABLE_PAGE_META } from "../server/page-cache/store";
import { InsetText } from "./WarningText";
import { AsOfBanner } from "./AsOfBanner";
import { buildHref, type QueryValues } from "./urls";
import { longDate } from "./format";
import { publishedText } from "./StatusDates";

/**
 * On a page pinned to a version: which version, when it was recorded, and whether the record
 * has been revised since, with a link to the current page. Nothing published later changes what
 * the page shows; only this notice can turn from "not revised" to "revised", and then stays so.
 */
export function VersionBanner({
  record,
  revised,
  currentHref,
  subject,
}: {
  record: RecordView;
  revised: VersionInfo | null;
  currentHref: string;
  subject: string;
}) {
  if (!record.pinned) return null;
  return (
    <section aria-labelledby="version-title" className="border-4 border-ink mb-8" data-record-version={record.version}>
      <h2 id="version-title" className="bg-ink text-white font-bold px-4 py-1 text-base">
        Version {record.version} of the record
      </h2>
      <div className="p-4 md:p-5">
        <p className="text-lg md:text-xl font-bold mb-2">
          You are looking at {subject} exactly as the tracker published it in version {record.version}
          {record.publishedAt ? `, on ${publishedText(record.publishedAt, null)}` : ""}.
        </p>
        <p className="mb-2">Nothing published later, even about earlier dates, changes what this page shows.</p>
        {revised ? (
          <p className="mb-2" data-revised-since={revised.version}>
            <strong>The record has been revised since:</strong> first in version {revised.version}, on {publishedText(revised.publishedAt, null)}.
          </p>
        ) : (
          <p className="mb-2" data-revised-since="">
            It has not been revised since: this is still the latest version of the record.
          </p>
        )}
        <p>
          <a href={currentHref} className="font-bold">
            See the current page
          </a>
        </p>
      </div>
    </section>
  );
}

/**
 * "Cite this page": the link that always shows exactly what the reader sees now, with the version
 * and the as-of date in it, and a citation to copy.
 */
export function CiteThisPage({
  title,
  path,
  params,
  record,
  asOf,
  origin,
  version = record.version,
}: {
  title: string;
  path: string;
  params?: QueryValues;
  record: RecordView;
  asOf: string;
  origin: string;
  /** The version to cite, when an earlier one holds the same record (default: the version shown). */
  version?: number;
}) {
  const href = buildHref(path, { ...params, version, as_of: asOf });
  return (
    <>
      <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8" id="cite">
        Cite this page
      </h2>
      <p className="mb-2">
        This link always shows exactly what this page shows now: version {version} of the record, as of {longDate(asOf)}. Nothing published later
        changes it.
      </p>
      <p className="mb-4">
        <a href={href} className="font-bold" data-cite-link="">
          {title}, as of {longDate(asOf)} (version {version})
        </a>
      </p>
      <InsetText>
        <p>
          Roadmap Tracker, “{title}”, as of {longDate(asOf)}, version {version}. {origin}
          {href}
        </p>
      </InsetText>
    </>
  );
}

/** as_of, version and recorded_on as the reader gave them, so links keep the reader in that view. */
export function viewParams(view: { asOf: string; asOfGiven: boolean; record: RecordView }): QueryValues {
  return { ...(view.asOfGiven ? { as_of: view.asOf } : {}), ...view.record.params };
}

/** Next's metadata for a page: marks one whose record can never change again, for the response cache. */
export function recordMetadata(view: { record: RecordView }, revised: VersionInfo | null): { other?: Record<string, string> } {
  // A pinned page that says "revised since" can never say anything else: it is fixed for good.
  return view.record.immutable && revised ? { other: { [IMMUTABLE_PAGE_META]: "immutable" } } : {};
}

/** The banners of a page seen at a past date and/or at a chosen version. */
export function ViewBanners({
  view,
  revised,
  todayHref,
  subject,
}: {
  view: { asOf: string; asOfGiven: boolean; record: RecordView };
  revised: VersionInfo | null;
  todayHref: string;
  subject: string;
}) {
  return (
    <>
      <VersionBanner record={view.record} revised={revised} currentHref={todayHref} subject={subject} />
      {view.asOfGiven && <AsOfBanner asOf={view.asOf} todayHref={todayHref} pinned={view.record.pinned} />}
    </>
  );
}

/** The version the reader chose, as hidden fields of a GET form, so submitting it keeps the version. */
export function hiddenRecordFields(record: RecordView): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(record.params).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));
}

/** " (as of 30 June 2026, version 12)" for page titles; empty for today's latest record. */
export function viewSuffix(view: { asOf: string; asOfGiven: boolean; record: RecordView }): string {
  const parts = [view.asOfGiven ? `as of ${longDate(view.asOf)}` : "", view.record.pinned ? `version ${view.record.version}` : ""].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}
