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
import type { ChangeEntry, CommitmentSummary } from "./queries/types";
import type { FieldError, PageError } from "../schemas/errors";
import {
  commitmentQueryFields,
  MAX_PAGE_SIZE,
  MAX_QUERY_LENGTH,
  paramValues,
  parseCommitmentQuery,
  parseParam,
  type CommitmentQuery,
  type RawParams,
} from "../schemas/commitment-query";
import { slugSchema } from "../schemas/common";
import { OPEN_STATUS_CODES, STATUS_CODES, isStatusCode } from "../domain/status";
import { daysBetween, todayIso } from "../domain/dates";
import { isStale, lastConfirmedOrAnnounced, upcomingWindow } from "../domain/attention";

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
};

// ---------------------------------------------------------------------------------------------
// 2. Parameters and errors

export type { RawParams } from "../schemas/commitment-query";

/** An error for the GOV.UK error summary: `href` points at the field to fix. */
export type { PageError };

/** A parameter problem; `friendly` is set when the wording for people is already known. */
type ParamError = FieldError & { friendly?: string };

type DeadlineMove = Extract<ChangeEntry, { kind: "deadline_revision" }>;

export type AsOfView = { asOf: string; asOfGiven: boolean; today: string };

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
  area: "#area",
  organisation: "#organisation",
  due_after: "#due_after",
  due_before: "#due_before",
  as_of: "#as_of",
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
      return bad !== undefined ? `There is no status called ${quoted(bad)}: choose statuses from the list` : `Choose no more than ${STATUS_CODES.length} statuses`;
    }
    case "area":
    case "organisation": {
      const bad = values.find((v) => !slugSchema.safeParse(v).success);
      return bad !== undefined ? `There is no ${error.field} called ${quoted(bad)}` : `Choose fewer ${error.field === "area" ? "areas" : "organisations"}`;
    }
    case "overdue":
      return `Choose whether to show overdue commitments (${quoted(first)} is not one of the choices)`;
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
      if (/on or after/.test(error.message)) return "The date to view the tracker on must be on or after 1 January 2026, when the roadmap was published";
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

function parseAsOf(raw: RawParams, errors: FieldError[], today: string): AsOfView {
  const asOf = parseParam(raw, "as_of", commitmentQueryFields.as_of, errors);
  return { asOf: asOf ?? today, asOfGiven: asOf !== undefined, today };
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
async function parseOwnerFilters(raw: RawParams, errors: ParamError[]) {
  const [areas, organisations] = await Promise.all([publicData.listAreas(), publicData.listOrganisations()]);
  const known = { areas, organisations };
  const area = keepKnown("area", parseParam(raw, "area", commitmentQueryFields.area, errors, true) ?? [], known, errors);
  const organisation = keepKnown("organisation", parseParam(raw, "organisation", commitmentQueryFields.organisation, errors, true) ?? [], known, errors);
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

/** Open commitments due in the upcoming window from a date, soonest first (the overview's list, and its "see all" link). */
export function upcomingFilters(asOf: string) {
  const window = upcomingWindow(asOf);
  return { asOf, status: [...OPEN_STATUS_CODES], dueAfter: window.from, dueBefore: window.to, sort: "due" as const };
}

/** `/`: counts, progress per area, upcoming deadlines, latest changes. */
export const loadOverviewPage = (raw: RawParams) => overviewByKey(canonical(raw));
const overviewByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const errors: ParamError[] = [];
  const when = parseAsOf(raw, errors, todayIso());
  const [progress, upcoming, latest] = await Promise.all([
    publicData.statusCountsByArea(when.asOf),
    publicData.listCommitments(upcomingFilters(when.asOf), { page: 1, pageSize: UPCOMING_SHOWN }),
    publicData.listChanges({ asOf: when.asOf }, { page: 1, pageSize: 5 }),
  ]);
  return {
    ...when,
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
  const [areas, organisations] = await Promise.all([publicData.listAreas(), publicData.listOrganisations()]);
  const known = { areas, organisations };
  const area = keepKnown("area", query.area, known, errors);
  const organisation = keepKnown("organisation", query.organisation, known, errors);
  const sort = query.sort === "relevance" && !query.q ? "due" : query.sort;
  const filters: Omit<CommitmentQuery, "asOfGiven" | "page" | "pageSize"> = {
    area,
    organisation,
    status: query.status,
    overdue: query.overdue,
    dueBefore: query.dueBefore,
    dueAfter: query.dueAfter,
    q: query.q,
    asOf: query.asOf,
    sort,
  };
  const { items, total } = await publicData.listCommitments(filters, { page: query.page, pageSize: query.pageSize });
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  return {
    asOf: query.asOf,
    asOfGiven: query.asOfGiven,
    today,
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
  const when = parseAsOf(raw, errors, todayIso());
  const base = { ...when, errors: toPageErrors(errors, raw), values: formValues(raw) };
  const summary = await publicData.getCommitmentSummary(slug, when.asOf);
  if (!summary) {
    const exists = await publicData.commitmentExists(slug);
    if (!exists) return { kind: "not-found" as const };
    // It exists but had not been announced by the as-of date.
    const later = await publicData.getCommitmentSummary(slug, exists.announcedOn);
    return { kind: "not-yet-announced" as const, ...base, slug, title: later?.title ?? slug, announcedOn: exists.announcedOn };
  }
  const [timeline, announcement] = await Promise.all([publicData.commitmentTimeline(slug, when.asOf), publicData.getCommitmentAnnouncement(slug)]);
  const lastConfirmedOn = summary.status.confirmedOn;
  const facts = { status: summary.status.code, statusConfirmedOn: lastConfirmedOn, announcedOn: summary.announcedOn };
  const daysSinceConfirmed = daysBetween(lastConfirmedOrAnnounced(facts), when.asOf);
  return {
    kind: "found" as const,
    ...base,
    summary,
    timeline,
    announcement,
    lastConfirmedOn,
    daysSinceConfirmed,
    stale: isStale(facts, when.asOf),
  };
});

/** `/missed`: the most overdue commitments (linking to all of them) and every deadline that moved, a page at a time. */
export const loadMissedPage = (raw: RawParams) => missedByKey(canonical(raw));
const missedByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const errors: ParamError[] = [];
  const when = parseAsOf(raw, errors, todayIso());
  const { area, organisation, areas, organisations } = await parseOwnerFilters(raw, errors);
  const page = parseParam(raw, "page", commitmentQueryFields.page, errors) ?? 1;
  const [missed, moves] = await Promise.all([
    publicData.listCommitments({ asOf: when.asOf, overdue: true, sort: "overdue", area, organisation }, { page: 1, pageSize: MISSED_SHOWN }),
    publicData.listChanges({ asOf: when.asOf, area, organisation, kind: "deadline_revision" }, { page, pageSize: MOVES_PAGE_SIZE }),
  ]);
  const pageCount = Math.max(1, Math.ceil(moves.total / MOVES_PAGE_SIZE));
  return {
    ...when,
    // The page number belongs to the list of moved deadlines.
    errors: toPageErrors(errors, raw).map((e) => (e.field === "page" ? { ...e, href: "#moved" } : e)),
    values: formValues(raw),
    area,
    organisation,
    areas,
    organisations,
    missed: missed.items,
    missedTotal: missed.total,
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
  const when = parseAsOf(raw, errors, todayIso());
  const { area, organisation, areas, organisations } = await parseOwnerFilters(raw, errors);
  const page = parseParam(raw, "page", commitmentQueryFields.page, errors) ?? 1;
  const { items, total } = await publicData.listChanges({ asOf: when.asOf, area, organisation }, { page, pageSize: CHANGES_PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(total / CHANGES_PAGE_SIZE));
  return {
    ...when,
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
  const when = parseAsOf(raw, errors, todayIso());
  const [progress, areas] = await Promise.all([publicData.statusCountsByArea(when.asOf), publicData.listAreas()]);
  const summaries = new Map(areas.map((a) => [a.slug, a.summary]));
  return { ...when, errors: toPageErrors(errors, raw), values: formValues(raw), progress, summaries };
});

/** `/areas/[slug]`: an area's commitments with summary counts. */
export const loadAreaPage = (slug: string, raw: RawParams) => areaByKey(slug, canonical(raw));
const areaByKey = cache(async (slug: string, key: string) => {
  if (!slugSchema.safeParse(slug).success) return null;
  const area = await publicData.getArea(slug);
  if (!area) return null;
  const raw = new URLSearchParams(key);
  const errors: ParamError[] = [];
  const when = parseAsOf(raw, errors, todayIso());
  const { items } = await publicData.listCommitments({ asOf: when.asOf, area: [slug], sort: "due" }, "all");
  return { ...when, errors: toPageErrors(errors, raw), values: formValues(raw), area, items, ...countStatuses(items) };
});

/** `/organisations`: every organisation with how many commitments it leads and supports. */
export const loadOrganisationsPage = cache(async () => ({ organisations: await publicData.listOrganisations() }));

/** `/organisations/[slug]`: commitments the organisation leads or supports, with summary counts. */
export const loadOrganisationPage = (slug: string, raw: RawParams) => organisationByKey(slug, canonical(raw));
const organisationByKey = cache(async (slug: string, key: string) => {
  if (!slugSchema.safeParse(slug).success) return null;
  const organisation = await publicData.getOrganisation(slug);
  if (!organisation) return null;
  const raw = new URLSearchParams(key);
  const errors: ParamError[] = [];
  const when = parseAsOf(raw, errors, todayIso());
  const { items } = await publicData.listCommitments({ asOf: when.asOf, organisation: [slug], sort: "due" }, "all");
  const leads = items.filter((c) => c.owners.some((o) => o.slug === slug && o.lead));
  return { ...when, errors: toPageErrors(errors, raw), values: formValues(raw), organisation, items, leads: leads.length, ...countStatuses(items) };
});
