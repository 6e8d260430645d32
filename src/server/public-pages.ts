// The public pages' loaders: read a page's GET parameters, report every bad one (the page still
// renders, with the rest of the filters applied; src/schemas/param-errors.ts words them for
// people), then read through the cached queries of public-data.ts. Each returns a
// src/server/page-result.ts result. Server-only: never import it from a client component.
// See docs/decisions/0004-public-page-caching.md.
import { cache } from "react";
import { publicData } from "./public-data";
import type { StatusCounts } from "./queries/overview";
import type { ChangeEntry, CommitmentSummary } from "./queries/types";
import { NOT_FOUND, found, paging } from "./page-result";
import {
  commitmentQueryFields,
  paramValues,
  parseCommitmentQuery,
  parseParam,
  type CommitmentQuery,
  type RawParams,
} from "../schemas/commitment-query";
import { PAGE_PARAMS, pageErrors, type ParamError } from "../schemas/param-errors";
import { slugSchema } from "../schemas/common";
import { OPEN_STATUS_CODES, STATUS_CODES } from "../domain/status";
import { daysBetween, todayIso } from "../domain/dates";
import { isStale, lastConfirmedOrAnnounced, upcomingWindow } from "../domain/attention";

export type { RawParams } from "../schemas/commitment-query";

type DeadlineMove = Extract<ChangeEntry, { kind: "deadline_revision" }>;

const CHANGES_PAGE_SIZE = 25;
/** Pages show the first of a long list and link to all of it, so a page's size does not grow with the data. */
export const UPCOMING_SHOWN = 10;
export const MISSED_SHOWN = 50;
export const MOVES_PAGE_SIZE = 25;

// ---------------------------------------------------------------------------------------------
// Parameters

/** What every loader reads first: the as-of date (today unless a valid one was given), with the problems found so far. */
function pageParams(raw: RawParams) {
  const errors: ParamError[] = [];
  const today = todayIso();
  const asOf = parseParam(raw, "as_of", commitmentQueryFields.as_of, errors);
  return { errors, today, asOf: asOf ?? today, asOfGiven: asOf !== undefined };
}

/** The submitted values of every parameter, to show back in the form as they were typed. */
function formValues(raw: RawParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of PAGE_PARAMS) out[name] = paramValues(raw, name);
  return out;
}

/** Drops area and organisation slugs that do not exist, with an error for each; also gives the lists for the filter forms. */
async function knownOwners(area: readonly string[], organisation: readonly string[], errors: ParamError[]) {
  const [areas, organisations] = await Promise.all([publicData.listAreas(), publicData.listOrganisations()]);
  const keep = (field: "area" | "organisation", slugs: readonly string[], valid: Set<string>) =>
    slugs.filter((slug) => valid.has(slug) || (errors.push({ field, message: `${field} "${slug}" does not exist`, value: slug }), false));
  return {
    area: keep("area", area, new Set(areas.map((a) => a.slug))),
    organisation: keep("organisation", organisation, new Set(organisations.map((o) => o.slug))),
    areas,
    organisations,
  };
}

/** Area and organisation filters (repeatable), checked against the real lists. */
function ownerFilters(raw: RawParams, errors: ParamError[]) {
  const f = commitmentQueryFields;
  return knownOwners(
    parseParam(raw, "area", f.area, errors, true) ?? [],
    parseParam(raw, "organisation", f.organisation, errors, true) ?? [],
    errors,
  );
}

/** A stable string for the parameters, so React's per-request cache can share one load between generateMetadata and the page. */
function canonical(raw: RawParams): string {
  const search = new URLSearchParams();
  const entries = raw instanceof URLSearchParams ? [...raw.keys()].map((k) => [k, raw.getAll(k)] as const) : Object.entries(raw);
  for (const [key, value] of entries) for (const v of ([] as string[]).concat(value ?? [])) search.append(key, v);
  search.sort();
  return search.toString();
}

function countStatuses(items: CommitmentSummary[]): { counts: StatusCounts; total: number; overdue: number } {
  const counts = Object.fromEntries(STATUS_CODES.map((c) => [c, 0])) as StatusCounts;
  let overdue = 0;
  for (const item of items) {
    counts[item.status.code] += 1;
    if (item.overdue) overdue += 1;
  }
  return { counts, total: items.length, overdue };
}

// ---------------------------------------------------------------------------------------------
// Loaders

/** Open commitments due in the upcoming window from a date, soonest first (the overview's list, and its "see all" link). */
export function upcomingFilters(asOf: string) {
  const window = upcomingWindow(asOf);
  return { asOf, status: [...OPEN_STATUS_CODES], dueAfter: window.from, dueBefore: window.to, sort: "due" as const };
}

/** `/`: counts, progress per area, upcoming deadlines, latest changes. */
export const loadOverviewPage = (raw: RawParams) => overviewByKey(canonical(raw));
const overviewByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const { errors, ...when } = pageParams(raw);
  const [progress, upcoming, latest] = await Promise.all([
    publicData.statusCountsByArea(when.asOf),
    publicData.listCommitments(upcomingFilters(when.asOf), { page: 1, pageSize: UPCOMING_SHOWN }),
    publicData.listChanges({ asOf: when.asOf }, { page: 1, pageSize: 5 }),
  ]);
  return found({
    ...when,
    errors: pageErrors(errors, raw),
    values: formValues(raw),
    progress,
    upcoming: upcoming.items,
    upcomingTotal: upcoming.total,
    latest: latest.items,
  });
});

export type CommitmentsPage = Awaited<ReturnType<typeof loadCommitmentsPage>>;

/** `/commitments`: the filters of parseCommitmentQuery, checked against the real areas and organisations. */
export const loadCommitmentsPage = (raw: RawParams) => commitmentsByKey(canonical(raw));
const commitmentsByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const today = todayIso();
  const { query, errors: parsed } = parseCommitmentQuery(raw, today);
  const errors: ParamError[] = parsed;
  const { area, organisation, areas, organisations } = await knownOwners(query.area, query.organisation, errors);
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
  return found({
    asOf: query.asOf,
    asOfGiven: query.asOfGiven,
    today,
    errors: pageErrors(errors, raw),
    values: formValues(raw),
    filters,
    ...paging(query.page, query.pageSize, total),
    pageSizeGiven: paramValues(raw, "page_size").length > 0 && !errors.some((e) => e.field === "page_size"),
    items,
    total,
    areas,
    organisations,
  });
});

/** `/commitments/[slug]`: one commitment as of a date, its history and sources. */
export const loadCommitmentPage = (slug: string, raw: RawParams) => commitmentByKey(slug, canonical(raw));
const commitmentByKey = cache(async (slug: string, key: string) => {
  if (!slugSchema.safeParse(slug).success) return NOT_FOUND;
  const raw = new URLSearchParams(key);
  const { errors, ...when } = pageParams(raw);
  const base = { ...when, errors: pageErrors(errors, raw), values: formValues(raw) };
  const summary = await publicData.getCommitmentSummary(slug, when.asOf);
  if (!summary) {
    const exists = await publicData.commitmentExists(slug);
    if (!exists) return NOT_FOUND;
    // It exists but had not been announced by the as-of date.
    const later = await publicData.getCommitmentSummary(slug, exists.announcedOn);
    return { kind: "not-yet-announced" as const, ...base, slug, title: later?.title ?? slug, announcedOn: exists.announcedOn };
  }
  const [timeline, announcement] = await Promise.all([publicData.commitmentTimeline(slug, when.asOf), publicData.getCommitmentAnnouncement(slug)]);
  const lastConfirmedOn = summary.status.confirmedOn;
  const facts = { status: summary.status.code, statusConfirmedOn: lastConfirmedOn, announcedOn: summary.announcedOn };
  return found({
    ...base,
    summary,
    timeline,
    announcement,
    lastConfirmedOn,
    daysSinceConfirmed: daysBetween(lastConfirmedOrAnnounced(facts), when.asOf),
    stale: isStale(facts, when.asOf),
  });
});

/** `/missed`: the most overdue commitments (linking to all of them) and every deadline that moved, a page at a time. */
export const loadMissedPage = (raw: RawParams) => missedByKey(canonical(raw));
const missedByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const { errors, ...when } = pageParams(raw);
  const { area, organisation, areas, organisations } = await ownerFilters(raw, errors);
  const page = parseParam(raw, "page", commitmentQueryFields.page, errors) ?? 1;
  const [missed, moves] = await Promise.all([
    publicData.listCommitments({ asOf: when.asOf, overdue: true, sort: "overdue", area, organisation }, { page: 1, pageSize: MISSED_SHOWN }),
    publicData.listChanges({ asOf: when.asOf, area, organisation, kind: "deadline_revision" }, { page, pageSize: MOVES_PAGE_SIZE }),
  ]);
  return found({
    ...when,
    // The page number belongs to the list of moved deadlines.
    errors: pageErrors(errors, raw, { page: "#moved" }),
    values: formValues(raw),
    area,
    organisation,
    areas,
    organisations,
    missed: missed.items,
    missedTotal: missed.total,
    moves: moves.items.filter((i): i is DeadlineMove => i.kind === "deadline_revision"),
    movesTotal: moves.total,
    ...paging(page, MOVES_PAGE_SIZE, moves.total),
  });
});

/** `/changes`: every published change, newest first, by area and organisation. */
export const loadChangesPage = (raw: RawParams) => changesByKey(canonical(raw));
const changesByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const { errors, ...when } = pageParams(raw);
  const { area, organisation, areas, organisations } = await ownerFilters(raw, errors);
  const page = parseParam(raw, "page", commitmentQueryFields.page, errors) ?? 1;
  const { items, total } = await publicData.listChanges({ asOf: when.asOf, area, organisation }, { page, pageSize: CHANGES_PAGE_SIZE });
  return found({
    ...when,
    errors: pageErrors(errors, raw),
    values: formValues(raw),
    area,
    organisation,
    areas,
    organisations,
    items,
    total,
    ...paging(page, CHANGES_PAGE_SIZE, total),
  });
});

/** `/areas`: every area with its progress. */
export const loadAreasPage = (raw: RawParams) => areasByKey(canonical(raw));
const areasByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const { errors, ...when } = pageParams(raw);
  const [progress, areas] = await Promise.all([publicData.statusCountsByArea(when.asOf), publicData.listAreas()]);
  const summaries = new Map(areas.map((a) => [a.slug, a.summary]));
  return found({ ...when, errors: pageErrors(errors, raw), values: formValues(raw), progress, summaries });
});

/** `/areas/[slug]`: an area's commitments with summary counts. */
export const loadAreaPage = (slug: string, raw: RawParams) => areaByKey(slug, canonical(raw));
const areaByKey = cache(async (slug: string, key: string) => {
  if (!slugSchema.safeParse(slug).success) return NOT_FOUND;
  const [area, areas] = await Promise.all([publicData.getArea(slug), publicData.listAreas()]);
  if (!area) return NOT_FOUND;
  const raw = new URLSearchParams(key);
  const { errors, ...when } = pageParams(raw);
  const { items } = await publicData.listCommitments({ asOf: when.asOf, area: [slug], sort: "due" }, "all");
  return found({ ...when, errors: pageErrors(errors, raw), values: formValues(raw), area, areaCount: areas.length, items, ...countStatuses(items) });
});

/** `/organisations`: every organisation with how many commitments it leads and supports. */
export const loadOrganisationsPage = cache(async () => found({ organisations: await publicData.listOrganisations() }));

/** `/organisations/[slug]`: commitments the organisation leads or supports, with summary counts. */
export const loadOrganisationPage = (slug: string, raw: RawParams) => organisationByKey(slug, canonical(raw));
const organisationByKey = cache(async (slug: string, key: string) => {
  if (!slugSchema.safeParse(slug).success) return NOT_FOUND;
  const organisation = await publicData.getOrganisation(slug);
  if (!organisation) return NOT_FOUND;
  const raw = new URLSearchParams(key);
  const { errors, ...when } = pageParams(raw);
  const { items } = await publicData.listCommitments({ asOf: when.asOf, organisation: [slug], sort: "due" }, "all");
  const leads = items.filter((c) => c.owners.some((o) => o.slug === slug && o.lead));
  return found({
    ...when,
    errors: pageErrors(errors, raw),
    values: formValues(raw),
    organisation,
    items,
    leads: leads.length,
    ...countStatuses(items),
  });
});
