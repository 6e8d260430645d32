// Everything the public pages read, in one server-only module (never import it from a client
// component). Two layers:
//
//  1. publicData: the queries of src/server/queries, each wrapped in unstable_cache under
//     PUBLIC_DATA_TAG and keyed by all its arguments (as-of date, filters, page). Editors call
//     expirePublicData() when they publish, which drops every entry at once. The as-of date is
//     always an argument: nothing inside a cached function reads the clock.
//  2. load…Page(): read a page's GET parameters, report every bad one as a plain-English error
//     (the page still renders, with the rest of the filters applied), then call publicData.
//
// See docs/decisions/0004-public-page-caching.md.
import { cache } from "react";
import { CACHE_EPOCH, cachedPublicData } from "./cache-tags";
import { getDb, type Db } from "./db";
import { commitmentExists, getCommitmentSummary, listCommitments } from "./queries/commitments";
import { commitmentTimeline, listChanges } from "./queries/changes";
import { getArea, getOrganisation, listAreas, listOrganisations, statusCountsByArea, type StatusCounts } from "./queries/overview";
import { getCommitmentAnnouncement } from "./queries/commitment-detail";
import { listMissedDeadlines } from "./queries/missed";
import { lastVersionOf, revisedSince, type VersionInfo } from "./queries/versions";
import { friendlyRecordAtMessage, recordParams, resolveView } from "./record-at";
import type { ChangeEntry, CommitmentSummary } from "./queries/types";
import type { PageError } from "../components/ErrorSummary";
import {
  commitmentQueryFields,
  MAX_PAGE_SIZE,
  MAX_QUERY_LENGTH,
  paramValues,
  parseCommitmentQuery,
  parseParam,
  type CommitmentQuery,
  type FieldError,
  type RawParams,
} from "../schemas/commitment-query";
import { slugSchema } from "../schemas/common";
import { STATUS_CODES, isClosedStatus, isStatusCode, type StatusCode } from "../domain/status";
import { addDays, daysBetween, todayIso } from "../domain/dates";

// ---------------------------------------------------------------------------------------------
// 1. Cached queries

/**
 * A safety net only: entries are dropped by tag the moment anything is published in this process.
 * This bounds how long a change this process was not told about (published through another app
 * instance, or a manual database fix) can stay hidden.
 */
export const CACHE_SAFETY_SECONDS = 300;

function cachedQuery<A extends unknown[], R>(name: string, query: (db: Db, ...args: A) => Promise<R>): (...args: A) => Promise<R> {
  // The key is ["public-data", epoch, name] plus the JSON of the arguments, so every argument
  // (as-of date, filters, paging) is part of it. Results must be JSON: the queries return ISO strings.
  return cachedPublicData((...args: A) => query(getDb(), ...args), ["public-data", CACHE_EPOCH, name], CACHE_SAFETY_SECONDS);
}

export const publicData = {
  listCommitments: cachedQuery("listCommitments", listCommitments),
  getCommitmentSummary: cachedQuery("getCommitmentSummary", getCommitmentSummary),
  commitmentExists: cachedQuery("commitmentExists", commitmentExists),
  getCommitmentAnnouncement: cachedQuery("getCommitmentAnnouncement", getCommitmentAnnouncement),
  commitmentTimeline: cachedQuery("commitmentTimeline", commitmentTimeline),
  listChanges: cachedQuery("listChanges", listChanges),
  statusCountsByArea: cachedQuery("statusCountsByArea", statusCountsByArea),
  listAreas: cachedQuery("listAreas", listAreas),
  listOrganisations: cachedQuery("listOrganisations", listOrganisations),
  getArea: cachedQuery("getArea", getArea),
  getOrganisation: cachedQuery("getOrganisation", getOrganisation),
  listMissedDeadlines: cachedQuery("listMissedDeadlines", listMissedDeadlines),
  revisedSince: cachedQuery("revisedSince", revisedSince),
  lastVersionOf: cachedQuery("lastVersionOf", lastVersionOf),
};

// ---------------------------------------------------------------------------------------------
// 2. Parameters and errors

export type { RawParams } from "../schemas/commitment-query";

/** An error for the GOV.UK error summary: `href` points at the field to fix. */
export type { PageError };

/** A parameter problem; `friendly` is set when the wording for people is already known. */
type ParamError = FieldError & { friendly?: string };

type DeadlineMove = Extract<ChangeEntry, { kind: "deadline_revision" }>;

/** Which version of the record a page shows (docs/decisions/0008-record-versions.md). */
export type RecordView = {
  /** The version read. */
  version: number;
  /** Chosen by the reader (version= or recorded_on=): the page shows the record as published then. */
  pinned: boolean;
  /** What the reader gave, for links that keep it. */
  params: { version?: number; recorded_on?: string };
  publishedAt: string | null;
  recordedOn: string | null;
  latestVersion: number;
  /** Nothing published later can change this page's record. */
  immutable: boolean;
};

export type AsOfView = { asOf: string; asOfGiven: boolean; today: string; record: RecordView };

/** Statuses that can still be overdue. */
export const OPEN_STATUS_CODES: StatusCode[] = STATUS_CODES.filter((c) => !isClosedStatus(c));

export const UPCOMING_DAYS = 90;
export const STALE_AFTER_DAYS = 90;
export const CHANGES_PAGE_SIZE = 25;
/** Pages show the first of a long list and link to all of it, so a page's size does not grow with the data. */
export const UPCOMING_SHOWN = 10;
export const MISSED_SHOWN = 50;
export const MOVES_PAGE_SIZE = 25;

/** Where each field's error links to, and the order errors are listed in (the form's order). */
const FIELD_TARGETS: Record<string, string> = {
  q: "#q",
  status: "#status",
  overdue: "#overdue",
  missed: "#missed",
  area: "#area",
  organisation: "#organisation",
  due_after: "#due_after",
  due_before: "#due_before",
  as_of: "#as_of",
  // No field on the page: the version is chosen by the link (see "Cite this page").
  version: "#main-content",
  recorded_on: "#main-content",
  sort: "#sort",
  page: "#results",
  page_size: "#results",
};
const FIELD_ORDER = Object.keys(FIELD_TARGETS);

const shorten = (v: string, max = 40) => (v.length > max ? `${v.slice(0, max)}…` : v);
const quoted = (v: string) => `“${shorten(v)}”`;

/** The parser's terse message (written for the API) turned into GOV.UK-style wording for a person. */
export function friendlyMessage(error: ParamError, raw: RawParams): string {
  if (error.friendly) return error.friendly;
  const values = paramValues(raw, error.field);
  const first = values[0] ?? "";
  switch (error.field) {
    case "status": {
      const bad = values.find((v) => !isStatusCode(v));
      return bad !== undefined
        ? `There is no status called ${quoted(bad)}: choose statuses from the list`
        : `Choose no more than ${STATUS_CODES.length} statuses`;
    }
    case "area":
    case "organisation": {
      const bad = values.find((v) => !slugSchema.safeParse(v).success);
      return bad !== undefined
        ? `There is no ${error.field} called ${quoted(bad)}`
        : `Choose fewer ${error.field === "area" ? "areas" : "organisations"}`;
    }
    case "overdue":
      return `Choose whether to show overdue commitments (${quoted(first)} is not one of the choices)`;
    case "missed":
      return `Choose whether to show commitments that missed a deadline (${quoted(first)} is not one of the choices)`;
    case "version":
    case "recorded_on":
      return friendlyRecordAtMessage(error.field, error.message, values);
    case "due_after":
    case "due_before": {
      const name = error.field === "due_after" ? "‘due on or after’" : "‘due on or before’";
      if (/due_after must be on or before due_before/.test(error.message)) {
        return "The ‘due on or after’ date must be the same as or earlier than the ‘due on or before’ date";
      }
      return `The ${name} date must be a real date written as year-month-day, for example 2026-12-31`;
    }
    case "q":
      return `Search words must be ${MAX_QUERY_LENGTH} characters or fewer`;
    case "as_of":
      if (/future/.test(error.message)) return "The date to view the tracker on must be today or in the past";
      if (/on or after/.test(error.message))
        return "The date to view the tracker on must be on or after 1 January 2026, when the roadmap was published";
      return "The date to view the tracker on must be a real date written as year-month-day, for example 2026-06-01";
    case "sort":
      return "Choose how to sort commitments from the list";
    case "page":
      return `Page number must be a whole number, 1 or more (${quoted(first)} is not)`;
    case "page_size":
      return `Results per page must be a whole number from 1 to ${MAX_PAGE_SIZE}`;
    default:
      return error.message;
  }
}

function toPageErrors(errors: ParamError[], raw: RawParams): PageError[] {
  const rank = (field: string) => {
    const i = FIELD_ORDER.indexOf(field);
    return i === -1 ? FIELD_ORDER.length : i;
  };
  return [...errors]
    .sort((a, b) => rank(a.field) - rank(b.field))
    .map((e) => ({ field: e.field, href: FIELD_TARGETS[e.field] ?? "#main-content", message: friendlyMessage(e, raw) }));
}

/** The as-of date and record version of a page, with version= / recorded_on= checked against the database. */
async function resolvePageView(
  given: { asOf?: string; version?: number; recordedOn?: string },
  errors: FieldError[],
  today: string,
): Promise<AsOfView> {
  const view = await resolveView(getDb(), given, today, errors);
  const { at } = view;
  return {
    asOf: view.asOf,
    asOfGiven: view.asOfGiven,
    today,
    record: {
      version: at.version,
      pinned: at.pinned,
      params: recordParams(at),
      publishedAt: at.info?.publishedAt ?? null,
      recordedOn: at.info?.recordedOn ?? null,
      latestVersion: at.latest?.version ?? 0,
      immutable: view.immutable,
    },
  };
}

async function parseAsOf(raw: RawParams, errors: FieldError[], today: string): Promise<AsOfView> {
  const asOf = parseParam(raw, "as_of", commitmentQueryFields.as_of, errors);
  const version = parseParam(raw, "version", commitmentQueryFields.version, errors);
  let recordedOn = parseParam(raw, "recorded_on", commitmentQueryFields.recorded_on, errors);
  if (version !== undefined && recordedOn !== undefined) {
    errors.push({ field: "recorded_on", message: "recorded_on cannot be combined with version: give one or the other" });
    recordedOn = undefined;
  }
  return resolvePageView({ asOf, version, recordedOn }, errors, today);
}

/** What was revised after a pinned version: anything (a list) or one commitment. Null when the page is not pinned or nothing was. */
async function revisedAfter(record: RecordView, slug?: string): Promise<VersionInfo | null> {
  return record.pinned ? publicData.revisedSince(record.version, slug) : null;
}

type Known = { areas: { slug: string; title: string }[]; organisations: { slug: string; name: string }[] };

/** Drops area and organisation slugs that do not exist, with an error for each. */
function keepKnown(field: "area" | "organisation", slugs: string[], known: Known, errors: ParamError[]): string[] {
  const valid = new Set(field === "area" ? known.areas.map((a) => a.slug) : known.organisations.map((o) => o.slug));
  const kept: string[] = [];
  for (const slug of slugs) {
    if (valid.has(slug)) kept.push(slug);
    else errors.push({ field, message: `${field} "${slug}" does not exist`, friendly: `There is no ${field} called ${quoted(slug)}` });
  }
  return kept;
}

/** Reads area and organisation filters (repeatable), checked against the real lists. */
async function parseOwnerFilters(raw: RawParams, errors: ParamError[], version: number) {
  const [areas, organisations] = await Promise.all([publicData.listAreas(), publicData.listOrganisations(version)]);
  const known = { areas, organisations };
  const area = keepKnown("area", parseParam(raw, "area", commitmentQueryFields.area, errors, true) ?? [], known, errors);
  const organisation = keepKnown(
    "organisation",
    parseParam(raw, "organisation", commitmentQueryFields.organisation, errors, true) ?? [],
    known,
    errors,
  );
  return { area, organisation, areas, organisations };
}

/** The submitted values of every parameter, to show back in the form as they were typed. */
function formValues(raw: RawParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of FIELD_ORDER) out[name] = paramValues(raw, name);
  return out;
}

/** A stable string for the parameters, so React's per-request cache can share one load between generateMetadata and the page. */
function canonical(raw: RawParams): string {
  const search = new URLSearchParams();
  const entries = raw instanceof URLSearchParams ? [...raw.keys()].map((k) => [k, raw.getAll(k)] as const) : Object.entries(raw);
  for (const [key, value] of entries) for (const v of ([] as string[]).concat(value ?? [])) search.append(key, v);
  search.sort();
  return search.toString();
}

export function countStatuses(items: CommitmentSummary[]): { counts: StatusCounts; total: number; overdue: number } {
  const counts = Object.fromEntries(STATUS_CODES.map((c) => [c, 0])) as StatusCounts;
  let overdue = 0;
  for (const item of items) {
    counts[item.status.code] += 1;
    if (item.overdue) overdue += 1;
  }
  return { counts, total: items.length, overdue };
}

// ---------------------------------------------------------------------------------------------
// 3. Page loaders

/** Open commitments due in the UPCOMING_DAYS from a date, soonest first (the overview's list, and its "see all" link). */
export function upcomingFilters(asOf: string) {
  return { asOf, status: OPEN_STATUS_CODES, dueAfter: asOf, dueBefore: addDays(asOf, UPCOMING_DAYS), sort: "due" as const };
}

/** `/`: counts, progress per area, upcoming deadlines, latest changes. */
export const loadOverviewPage = (raw: RawParams) => overviewByKey(canonical(raw));
const overviewByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const errors: ParamError[] = [];
  const when = await parseAsOf(raw, errors, todayIso());
  const version = when.record.version;
  const [progress, upcoming, latest, revised] = await Promise.all([
    publicData.statusCountsByArea(when.asOf, version),
    publicData.listCommitments({ ...upcomingFilters(when.asOf), version }, { page: 1, pageSize: UPCOMING_SHOWN }),
    publicData.listChanges({ asOf: when.asOf, version }, { page: 1, pageSize: 5 }),
    revisedAfter(when.record),
  ]);
  return {
    ...when,
    revised,
    errors: toPageErrors(errors, raw),
    values: formValues(raw),
    progress,
    upcoming: upcoming.items,
    upcomingTotal: upcoming.total,
    latest: latest.items,
  };
});

export type CommitmentsPage = Awaited<ReturnType<typeof loadCommitmentsPage>>;

/** `/commitments`: the filters of parseCommitmentQuery, checked against the real areas and organisations. */
export const loadCommitmentsPage = (raw: RawParams) => commitmentsByKey(canonical(raw));
const commitmentsByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const today = todayIso();
  const { query, errors: parsed } = parseCommitmentQuery(raw, today);
  const errors: ParamError[] = parsed;
  const when = await resolvePageView(
    { asOf: query.asOfGiven ? query.asOf : undefined, version: query.version, recordedOn: query.recordedOn },
    errors,
    today,
  );
  const [areas, organisations] = await Promise.all([publicData.listAreas(), publicData.listOrganisations(when.record.version)]);
  const known = { areas, organisations };
  const area = keepKnown("area", query.area, known, errors);
  const organisation = keepKnown("organisation", query.organisation, known, errors);
  const sort = query.sort === "relevance" && !query.q ? "due" : query.sort;
  const filters: Omit<CommitmentQuery, "asOfGiven" | "page" | "pageSize"> = {
    area,
    organisation,
    status: query.status,
    overdue: query.overdue,
    missed: query.missed,
    dueBefore: query.dueBefore,
    dueAfter: query.dueAfter,
    q: query.q,
    asOf: when.asOf,
    version: when.record.version,
    sort,
  };
  const [{ items, total }, revised] = await Promise.all([
    publicData.listCommitments(filters, { page: query.page, pageSize: query.pageSize }),
    revisedAfter(when.record),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  return {
    ...when,
    revised,
    errors: toPageErrors(errors, raw),
    values: formValues(raw),
    filters,
    page: query.page,
    pageSize: query.pageSize,
    pageSizeGiven: paramValues(raw, "page_size").length > 0 && !errors.some((e) => e.field === "page_size"),
    pageCount,
    pastLastPage: query.page > pageCount,
    items,
    total,
    areas,
    organisations,
  };
});

/** `/commitments/[slug]`: one commitment as of a date, its history and sources. */
export const loadCommitmentPage = (slug: string, raw: RawParams) => commitmentByKey(slug, canonical(raw));
const commitmentByKey = cache(async (slug: string, key: string) => {
  if (!slugSchema.safeParse(slug).success) return { kind: "not-found" as const };
  const raw = new URLSearchParams(key);
  const errors: ParamError[] = [];
  const when = await parseAsOf(raw, errors, todayIso());
  const version = when.record.version;
  const base = { ...when, errors: toPageErrors(errors, raw), values: formValues(raw) };
  const summary = await publicData.getCommitmentSummary(slug, when.asOf, version);
  if (!summary) {
    const exists = await publicData.commitmentExists(slug, version);
    if (!exists) {
      // On the record now, but not yet at the version asked for.
      const now = when.record.pinned ? await publicData.commitmentExists(slug) : null;
      if (!now) return { kind: "not-found" as const };
      return { kind: "not-yet-recorded" as const, ...base, slug, title: now.title };
    }
    // It exists but had not been announced by the as-of date.
    return { kind: "not-yet-announced" as const, ...base, slug, title: exists.title, announcedOn: exists.announcedOn };
  }
  const [timeline, announcement, revised, lastChanged] = await Promise.all([
    publicData.commitmentTimeline(slug, when.asOf, version),
    publicData.getCommitmentAnnouncement(slug, version),
    revisedAfter(when.record, slug),
    publicData.lastVersionOf(slug, version),
  ]);
  // The last day of the period in which the status was confirmed; nothing about a closed commitment is stale.
  const lastConfirmed = summary.status.confirmed;
  const lastConfirmedOn = lastConfirmed?.to ?? summary.status.confirmedOn;
  const daysSinceConfirmed = Math.max(0, daysBetween(lastConfirmedOn ?? summary.announcedOn, when.asOf));
  return {
    kind: "found" as const,
    ...base,
    revised,
    // Cite the version the reader chose, or else the last one that changed this commitment: the
    // same record, and a link that does not change whenever anything else is published.
    citeVersion: when.record.pinned ? when.record.version : (lastChanged ?? version),
    summary,
    timeline,
    announcement,
    lastConfirmed,
    lastConfirmedOn,
    daysSinceConfirmed,
    stale: !isClosedStatus(summary.status.code) && daysSinceConfirmed > STALE_AFTER_DAYS,
  };
});

/** The groups of /missed, each most late first: deadlines missed and then moved, delivered late or dropped. */
export const MISSED_GROUPS = ["moved", "delivered_late", "dropped"] as const;

/**
 * `/missed`: every deadline missed, in groups, each most late first with its count: overdue now
 * (the most overdue commitments, linking to all of them); missed, then moved; delivered late;
 * missed, then dropped. Then every deadline that moved, a page at a time.
 */
export const loadMissedPage = (raw: RawParams) => missedByKey(canonical(raw));
const missedByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const errors: ParamError[] = [];
  const when = await parseAsOf(raw, errors, todayIso());
  const version = when.record.version;
  const { area, organisation, areas, organisations } = await parseOwnerFilters(raw, errors, version);
  const page = parseParam(raw, "page", commitmentQueryFields.page, errors) ?? 1;
  const missedIn = (outcome: (typeof MISSED_GROUPS)[number]) =>
    publicData.listMissedDeadlines({ asOf: when.asOf, version, outcome, area, organisation }, { page: 1, pageSize: MISSED_SHOWN });
  const [missed, moved, deliveredLate, dropped, moves, revised] = await Promise.all([
    publicData.listCommitments({ asOf: when.asOf, version, overdue: true, sort: "overdue", area, organisation }, { page: 1, pageSize: MISSED_SHOWN }),
    missedIn("moved"),
    missedIn("delivered_late"),
    missedIn("dropped"),
    publicData.listChanges({ asOf: when.asOf, version, area, organisation, kind: "deadline_revision" }, { page, pageSize: MOVES_PAGE_SIZE }),
    revisedAfter(when.record),
  ]);
  const pageCount = Math.max(1, Math.ceil(moves.total / MOVES_PAGE_SIZE));
  return {
    ...when,
    revised,
    // The page number belongs to the list of moved deadlines.
    errors: toPageErrors(errors, raw).map((e) => (e.field === "page" ? { ...e, href: "#moved" } : e)),
    values: formValues(raw),
    area,
    organisation,
    areas,
    organisations,
    missed: missed.items,
    missedTotal: missed.total,
    groups: { moved, delivered_late: deliveredLate, dropped },
    moves: moves.items.filter((i): i is DeadlineMove => i.kind === "deadline_revision"),
    movesTotal: moves.total,
    page,
    pageCount,
    pastLastPage: page > pageCount,
  };
});

/** `/changes`: every published change, newest first, by area and organisation. */
export const loadChangesPage = (raw: RawParams) => changesByKey(canonical(raw));
const changesByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const errors: ParamError[] = [];
  const when = await parseAsOf(raw, errors, todayIso());
  const version = when.record.version;
  const { area, organisation, areas, organisations } = await parseOwnerFilters(raw, errors, version);
  const page = parseParam(raw, "page", commitmentQueryFields.page, errors) ?? 1;
  const [{ items, total }, revised] = await Promise.all([
    publicData.listChanges({ asOf: when.asOf, version, area, organisation }, { page, pageSize: CHANGES_PAGE_SIZE }),
    revisedAfter(when.record),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / CHANGES_PAGE_SIZE));
  return {
    ...when,
    revised,
    errors: toPageErrors(errors, raw),
    values: formValues(raw),
    area,
    organisation,
    areas,
    organisations,
    items,
    total,
    page,
    pageCount,
    pastLastPage: page > pageCount,
  };
});

/** `/areas`: every area with its progress. */
export const loadAreasPage = (raw: RawParams) => areasByKey(canonical(raw));
const areasByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const errors: ParamError[] = [];
  const when = await parseAsOf(raw, errors, todayIso());
  const [progress, areas, revised] = await Promise.all([
    publicData.statusCountsByArea(when.asOf, when.record.version),
    publicData.listAreas(),
    revisedAfter(when.record),
  ]);
  const summaries = new Map(areas.map((a) => [a.slug, a.summary]));
  return { ...when, revised, errors: toPageErrors(errors, raw), values: formValues(raw), progress, summaries };
});

/** `/areas/[slug]`: an area's commitments with summary counts. */
export const loadAreaPage = (slug: string, raw: RawParams) => areaByKey(slug, canonical(raw));
const areaByKey = cache(async (slug: string, key: string) => {
  if (!slugSchema.safeParse(slug).success) return null;
  const area = await publicData.getArea(slug);
  if (!area) return null;
  const raw = new URLSearchParams(key);
  const errors: ParamError[] = [];
  const when = await parseAsOf(raw, errors, todayIso());
  const [{ items }, revised] = await Promise.all([
    publicData.listCommitments({ asOf: when.asOf, version: when.record.version, area: [slug], sort: "due" }, "all"),
    revisedAfter(when.record),
  ]);
  return { ...when, revised, errors: toPageErrors(errors, raw), values: formValues(raw), area, items, ...countStatuses(items) };
});

/** `/organisations`: every organisation with how many commitments it leads and supports. */
export const loadOrganisationsPage = (raw: RawParams = {}) => organisationsByKey(canonical(raw));
const organisationsByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const errors: ParamError[] = [];
  const when = await parseAsOf(raw, errors, todayIso());
  const [organisations, revised] = await Promise.all([publicData.listOrganisations(when.record.version), revisedAfter(when.record)]);
  return { ...when, revised, errors: toPageErrors(errors, raw), values: formValues(raw), organisations };
});

/** `/organisations/[slug]`: commitments the organisation leads or supports, with summary counts. */
export const loadOrganisationPage = (slug: string, raw: RawParams) => organisationByKey(slug, canonical(raw));
const organisationByKey = cache(async (slug: string, key: string) => {
  if (!slugSchema.safeParse(slug).success) return null;
  const organisation = await publicData.getOrganisation(slug);
  if (!organisation) return null;
  const raw = new URLSearchParams(key);
  const errors: ParamError[] = [];
  const when = await parseAsOf(raw, errors, todayIso());
  const [{ items }, revised] = await Promise.all([
    publicData.listCommitments({ asOf: when.asOf, version: when.record.version, organisation: [slug], sort: "due" }, "all"),
    revisedAfter(when.record),
  ]);
  const leads = items.filter((c) => c.owners.some((o) => o.slug === slug && o.lead));
  return {
    ...when,
    revised,
    errors: toPageErrors(errors, raw),
    values: formValues(raw),
    organisation,
    items,
    leads: leads.length,
    ...countStatuses(items),
  };
});
