import type { RecordView } from "../server/public-pages";
import type { VersionInfo } from "../server/queries/versions";
import { IMMUTABLE_PAGE_META } from "../server/http";
import { buildHref, type QueryValues } from "../domain/links";
import { longDate } from "../domain/dates";
import { InsetText } from "./govuk/inset-text";
import { NotificationBanner } from "./govuk/notification-banner";
import { AsOfBanner } from "./as-of-banner";
import { publishedText } from "./status-dates";

/**
 * On a page pinned to a version: which version, when it was recorded, and whether the record
 * has been revised since, with a link to the current page. Nothing published later changes what
 * the page shows; only this notice can turn from "not revised" to "revised", and then stays so.
 */
function VersionBanner({
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
    <NotificationBanner title={`Version ${record.version} of the record`} id="version-title">
      <p className="text-lg md:text-xl font-bold mb-2" data-record-version={record.version}>
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
    </NotificationBanner>
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
