// The public pages' loaders: read a page's GET parameters, report every bad one (the page still
// renders, with the rest of the filters applied; src/schemas/param-errors.ts words them for
// people), then read through the cached queries of public-data.ts, everything at one record
// version (version= / recorded_on=, or the latest; docs/decisions/0009-record-versions.md). Each
// returns a src/server/page-result.ts result. Server-only: never import it from a client component.
// See docs/decisions/0004-public-page-caching.md.
import { cache } from "react";
import { publicData } from "./public-data";
import { getDb } from "./db";
import { recordParams, resolveView } from "./record-at";
import type { VersionInfo } from "./queries/versions";
import { emptyCounts, type StatusCounts } from "./queries/overview";
import type { ChangeEntry, CommitmentSummary } from "./queries/types";
import { NOT_FOUND, found, paging } from "./page-result";
import {
  commitmentQueryFields,
  paramValues,
  parseCommitmentQuery,
  parseParam,
  parseRecordVersion,
  type CommitmentQuery,
  type RawParams,
} from "../schemas/commitment-query";
import { PAGE_PARAMS, pageErrors, type ParamError } from "../schemas/param-errors";
import { slugSchema } from "../schemas/common";
import { OPEN_PUBLIC_STATUS_CODES } from "../domain/status";
import { daysBetween, todayIso } from "../domain/dates";
import type { FieldError } from "../schemas/errors";
import { isStale, lastConfirmedOrAnnounced, upcomingWindow } from "../domain/attention";
import { quarterIndex, quarterLabel, quarterOf, quarterWindow } from "../domain/glance";
import { sortScorecard } from "../domain/scorecard";
import { parseScorecardQuery } from "../schemas/scorecard-query";
import { foldDateFields } from "../schemas/date-input";
import { PUBLIC_DATE_PARAMS } from "../schemas/param-errors";

export type { RawParams } from "../schemas/commitment-query";

type DeadlineMove = Extract<ChangeEntry, { kind: "deadline_revision" }>;

/** Which version of the record a page shows (docs/decisions/0009-record-versions.md). */
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

/** The as-of date and record version every page shows. */
type AsOfView = { asOf: string; asOfGiven: boolean; today: string; record: RecordView };

const CHANGES_PAGE_SIZE = 25;
/** Pages show the first of a long list and link to all of it, so a page's size does not grow with the data. */
export const UPCOMING_SHOWN = 10;
export const MISSED_SHOWN = 50;
export const MOVES_PAGE_SIZE = 25;

// ---------------------------------------------------------------------------------------------
// Parameters

/** The as-of date and record version of a page, with version= / recorded_on= checked against the database. */
async function pageView(given: { asOf?: string; version?: number; recordedOn?: string }, errors: FieldError[], today: string): Promise<AsOfView> {
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

/**
 * What every loader reads first: the as-of date (today, or for a pinned version the day it was
 * recorded, unless a valid one was given) and the record version, with the problems found so far.
 */
async function pageParams(raw: RawParams) {
  const errors: ParamError[] = [];
  const asOf = parseParam(raw, "as_of", commitmentQueryFields.as_of, errors);
  const when = await pageView({ asOf, ...parseRecordVersion(raw, errors) }, errors, todayIso());
  return { errors, ...when };
}

/** What was revised after a pinned version: anything (a list) or one commitment. Null when the page is not pinned or nothing was. */
async function revisedAfter(record: RecordView, slug?: string): Promise<VersionInfo | null> {
  return record.pinned ? publicData.revisedSince(record.version, slug) : null;
}

/** The submitted values of every parameter, to show back in the form as they were typed. */
function formValues(raw: RawParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of PAGE_PARAMS) out[name] = paramValues(raw, name);
  return out;
}

/** Drops area and organisation slugs that do not exist, with an error for each; also gives the lists for the filter forms. */
async function knownOwners(area: readonly string[], organisation: readonly string[], errors: ParamError[], version: number) {
  const [areas, organisations] = await Promise.all([publicData.listAreas(), publicData.listOrganisations(version)]);
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
function ownerFilters(raw: RawParams, errors: ParamError[], version: number) {
  const f = commitmentQueryFields;
  return knownOwners(
    parseParam(raw, "area", f.area, errors, true) ?? [],
    parseParam(raw, "organisation", f.organisation, errors, true) ?? [],
    errors,
    version,
  );
}

/** A stable string for the parameters, so React's per-request cache can share one load between generateMetadata and the page. */
function canonical(raw: RawParams): string {
  const search = new URLSearchParams();
  const entries = raw instanceof URLSearchParams ? [...raw.keys()].map((k) => [k, raw.getAll(k)] as const) : Object.entries(raw);
  for (const [key, value] of entries) for (const v of ([] as string[]).concat(value ?? [])) search.append(key, v);
  // A date typed in the date input's three boxes, or as 30/06/2026, is read as the one parameter.
  const folded = foldDateFields(search, PUBLIC_DATE_PARAMS);
  folded.sort();
  return folded.toString();
}

function countStatuses(items: CommitmentSummary[]): { counts: StatusCounts; total: number; overdue: number } {
  const counts = emptyCounts();
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
  return { asOf, status: [...OPEN_PUBLIC_STATUS_CODES], dueAfter: window.from, dueBefore: window.to, sort: "due" as const };
}

/** `/`: counts, progress per area, upcoming deadlines, latest changes. */
export const loadOverviewPage = (raw: RawParams) => overviewByKey(canonical(raw));
const overviewByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const { errors, ...when } = await pageParams(raw);
  const version = when.record.version;
  const [progress, byMonth, upcoming, latest, revised] = await Promise.all([
    publicData.statusCountsByArea(when.asOf, version),
    publicData.progressByMonth(when.asOf, version),
    publicData.listCommitments({ ...upcomingFilters(when.asOf), version }, { page: 1, pageSize: UPCOMING_SHOWN }),
    publicData.listChanges({ asOf: when.asOf, version }, { page: 1, pageSize: 5 }),
    revisedAfter(when.record),
  ]);
  return found({
    ...when,
    revised,
    errors: pageErrors(errors, raw),
    values: formValues(raw),
    progress,
    byMonth,
    upcoming: upcoming.items,
    upcomingTotal: upcoming.total,
    latest: latest.items,
  });
});

/** The filters of /commitments (parseCommitmentQuery), checked against the real areas and organisations: /commitments and /timeline read them alike. */
async function commitmentFilters(raw: URLSearchParams) {
  const today = todayIso();
  const { query, errors: parsed } = parseCommitmentQuery(raw, today);
  const errors: ParamError[] = parsed;
  const when = await pageView(
    { asOf: query.asOfGiven ? query.asOf : undefined, version: query.version, recordedOn: query.recordedOn },
    errors,
    today,
  );
  const { area, organisation, areas, organisations } = await knownOwners(query.area, query.organisation, errors, when.record.version);
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
  return { query, errors, when, filters, areas, organisations };
}

export type CommitmentsPage = Awaited<ReturnType<typeof loadCommitmentsPage>>;

/** `/commitments`: the filters of parseCommitmentQuery, checked against the real areas and organisations. */
export const loadCommitmentsPage = (raw: RawParams) => commitmentsByKey(canonical(raw));
const commitmentsByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const { query, errors, when, filters, areas, organisations } = await commitmentFilters(raw);
  const [{ items, total }, revised] = await Promise.all([
    publicData.listCommitments(filters, { page: query.page, pageSize: query.pageSize }),
    revisedAfter(when.record),
  ]);
  return found({
    ...when,
    revised,
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
  const { errors, ...when } = await pageParams(raw);
  const version = when.record.version;
  const base = { ...when, errors: pageErrors(errors, raw), values: formValues(raw) };
  const summary = await publicData.getCommitmentSummary(slug, when.asOf, version);
  if (!summary) {
    const exists = await publicData.commitmentExists(slug, version);
    if (!exists) {
      // Taken off the tracker (answered 410 Gone by src/proxy.ts): why and when.
      const removal = await publicData.getRemoval(slug);
      if (removal) return { kind: "removed" as const, ...base, slug, removal };
      // On the record now, but not yet at the version asked for.
      const now = when.record.pinned ? await publicData.commitmentExists(slug) : null;
      if (!now) return NOT_FOUND;
      return { kind: "not-yet-recorded" as const, ...base, slug, title: now.title };
    }
    // It exists but had not been announced by the as-of date.
    return {
      kind: "not-yet-announced" as const,
      ...base,
      slug,
      title: exists.title,
      announcedOn: exists.announcedOn,
      announcedLabel: exists.announcedLabel,
    };
  }
  const [timeline, announcement, revised, lastChanged, lastConfirmed, uncheckedSince, wordingChanges] = await Promise.all([
    publicData.commitmentTimeline(slug, when.asOf, version),
    publicData.getCommitmentAnnouncement(slug, version),
    revisedAfter(when.record, slug),
    publicData.lastVersionOf(slug, version),
    publicData.getLastConfirmation(slug, when.asOf, version),
    publicData.getUncheckedSince(slug, version),
    publicData.listWordingChanges({ version, commitmentSlug: slug }),
  ]);
  // Progress counts as confirmed on the last day of the period its source gives ("June 2026": 30 June).
  const lastConfirmedOn = lastConfirmed?.to ?? null;
  const facts = { status: summary.status.code, statusConfirmedOn: lastConfirmedOn, announcedOn: summary.announcedOn };
  return found({
    ...base,
    revised,
    // Cite the version the reader chose, or else the last one that changed this commitment: the
    // same record, and a link that does not change whenever anything else is published.
    citeVersion: when.record.pinned ? when.record.version : (lastChanged ?? version),
    summary,
    timeline,
    announcement,
    uncheckedSince,
    wordingChanges,
    lastConfirmed,
    lastConfirmedOn,
    daysSinceConfirmed: Math.max(0, daysBetween(lastConfirmedOrAnnounced(facts), when.asOf)),
    stale: isStale(facts, when.asOf),
  });
});

/** The groups of /missed, each most late first: deadlines missed and then moved, delivered late or dropped. */
type MissedGroup = "moved" | "delivered_late" | "dropped";

/**
 * `/missed`: every deadline missed, in groups, each most late first with its count: overdue now
 * (the most overdue commitments, linking to all of them); missed, then moved; delivered late;
 * missed, then dropped. Then every deadline that moved, a page at a time.
 */
export const loadMissedPage = (raw: RawParams) => missedByKey(canonical(raw));
const missedByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const { errors, ...when } = await pageParams(raw);
  const version = when.record.version;
  const { area, organisation, areas, organisations } = await ownerFilters(raw, errors, version);
  const page = parseParam(raw, "page", commitmentQueryFields.page, errors) ?? 1;
  const missedIn = (outcome: MissedGroup) =>
    publicData.listMissedDeadlines({ asOf: when.asOf, version, outcome, area, organisation }, { page: 1, pageSize: MISSED_SHOWN });
  const [missed, moved, deliveredLate, dropped, moves, revised] = await Promise.all([
    publicData.listCommitments({ asOf: when.asOf, version, overdue: true, sort: "overdue", area, organisation }, { page: 1, pageSize: MISSED_SHOWN }),
    missedIn("moved"),
    missedIn("delivered_late"),
    missedIn("dropped"),
    publicData.listChanges({ asOf: when.asOf, version, area, organisation, kind: "deadline_revision" }, { page, pageSize: MOVES_PAGE_SIZE }),
    revisedAfter(when.record),
  ]);
  return found({
    ...when,
    revised,
    // The page number belongs to the list of moved deadlines.
    errors: pageErrors(errors, raw, { page: "#moved" }),
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
    ...paging(page, MOVES_PAGE_SIZE, moves.total),
  });
});

/** `/changes`: every published change, newest first, by area and organisation. */
/** The latest wording changes shown on the first page of /changes. */
const WORDING_CHANGES_SHOWN = 20;
export const loadChangesPage = (raw: RawParams) => changesByKey(canonical(raw));
const changesByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const { errors, ...when } = await pageParams(raw);
  const version = when.record.version;
  const { area, organisation, areas, organisations } = await ownerFilters(raw, errors, version);
  const page = parseParam(raw, "page", commitmentQueryFields.page, errors) ?? 1;
  const [{ items, total }, revised, wordingChanges] = await Promise.all([
    publicData.listChanges({ asOf: when.asOf, version, area, organisation }, { page, pageSize: CHANGES_PAGE_SIZE }),
    revisedAfter(when.record),
    page === 1 ? publicData.listWordingChanges({ version, area, organisation, limit: WORDING_CHANGES_SHOWN }) : [],
  ]);
  return found({
    ...when,
    revised,
    wordingChanges,
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
  const { errors, ...when } = await pageParams(raw);
  const [progress, areas, revised] = await Promise.all([
    publicData.statusCountsByArea(when.asOf, when.record.version),
    publicData.listAreas(),
    revisedAfter(when.record),
  ]);
  const summaries = new Map(areas.map((a) => [a.slug, a.summary]));
  return found({ ...when, revised, errors: pageErrors(errors, raw), values: formValues(raw), progress, summaries });
});

/** `/areas/[slug]`: an area's commitments with summary counts. */
export const loadAreaPage = (slug: string, raw: RawParams) => areaByKey(slug, canonical(raw));
const areaByKey = cache(async (slug: string, key: string) => {
  if (!slugSchema.safeParse(slug).success) return NOT_FOUND;
  const [area, areas] = await Promise.all([publicData.getArea(slug), publicData.listAreas()]);
  if (!area) return NOT_FOUND;
  const raw = new URLSearchParams(key);
  const { errors, ...when } = await pageParams(raw);
  const [{ items }, byMonth, revised] = await Promise.all([
    publicData.listCommitments({ asOf: when.asOf, version: when.record.version, area: [slug], sort: "due" }, "all"),
    publicData.progressByMonth(when.asOf, when.record.version, { area: slug }),
    revisedAfter(when.record),
  ]);
  return found({
    ...when,
    revised,
    errors: pageErrors(errors, raw),
    values: formValues(raw),
    area,
    areaCount: areas.length,
    items,
    byMonth,
    ...countStatuses(items),
  });
});

/** `/organisations`: every organisation with how many commitments it leads and supports, and its scorecard, sorted as asked. */
export const loadOrganisationsPage = (raw: RawParams = {}) => organisationsByKey(canonical(raw));
const organisationsByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const { errors, ...when } = await pageParams(raw);
  const version = when.record.version;
  const { sort, order, area: areaGiven } = parseScorecardQuery(raw, errors);
  const { area, areas } = await knownOwners(areaGiven, [], errors, version);
  const [organisations, scorecards, revised] = await Promise.all([
    publicData.listOrganisations(version),
    publicData.listScorecards(when.asOf, version, { area }),
    revisedAfter(when.record),
  ]);
  const supports = new Map(organisations.map((o) => [o.slug, o.supports]));
  return found({
    ...when,
    revised,
    errors: pageErrors(errors, raw, { sort: "#scorecards", order: "#scorecards" }),
    values: formValues(raw),
    sort,
    order,
    area,
    areas,
    scorecards: sortScorecard(scorecards, sort, order).map((row) => ({ ...row, supports: supports.get(row.slug) ?? 0 })),
  });
});

/** `/organisations/[slug]`: commitments the organisation leads or supports, with summary counts. */
export const loadOrganisationPage = (slug: string, raw: RawParams) => organisationByKey(slug, canonical(raw));
const organisationByKey = cache(async (slug: string, key: string) => {
  if (!slugSchema.safeParse(slug).success) return NOT_FOUND;
  const organisation = await publicData.getOrganisation(slug);
  if (!organisation) return NOT_FOUND;
  const raw = new URLSearchParams(key);
  const { errors, ...when } = await pageParams(raw);
  const [{ items }, byMonth, scorecards, revised] = await Promise.all([
    publicData.listCommitments({ asOf: when.asOf, version: when.record.version, organisation: [slug], sort: "due" }, "all"),
    publicData.progressByMonth(when.asOf, when.record.version, { organisation: slug }),
    publicData.listScorecards(when.asOf, when.record.version, {}),
    revisedAfter(when.record),
  ]);
  const scorecard = scorecards.find((row) => row.slug === slug) ?? null;
  const leads = items.filter((c) => c.owners.some((o) => o.slug === slug && o.role === "lead"));
  const joint = items.filter((c) => c.owners.some((o) => o.slug === slug && o.role === "joint"));
  return found({
    ...when,
    revised,
    errors: pageErrors(errors, raw),
    values: formValues(raw),
    organisation,
    items,
    byMonth,
    scorecard,
    leads: leads.length,
    joint: joint.length,
    ...countStatuses(items),
  });
});

/** A commitment on the roadmap timeline: placed in the quarter its due date falls in. */
export type TimelineItem = {
  slug: string;
  title: string;
  status: CommitmentSummary["status"]["code"];
  /** The deadline in effect, exactly as published, and its due date. */
  label: string;
  dueDate: string;
  quarter: { index: number; label: string; from: string; to: string };
  /** The deadline as first published, when it was moved since. */
  original: { label: string; dueDate: string | null; quarter: { index: number; label: string } | null } | null;
  overdue: boolean;
  daysOverdue: number;
  missed: number;
};

const placed = (due: string) => {
  const q = quarterOf(due);
  return { index: quarterIndex(q), label: quarterLabel(q), ...quarterWindow(q) };
};

/** `/timeline`: every commitment with a due date, matching the /commitments filters, by area, on a quarter-by-quarter axis. */
export const loadTimelinePage = (raw: RawParams) => timelineByKey(canonical(raw));
const timelineByKey = cache(async (key: string) => {
  const raw = new URLSearchParams(key);
  const { errors, when, filters, areas, organisations } = await commitmentFilters(raw);
  const [{ items }, revised] = await Promise.all([publicData.listCommitments({ ...filters, sort: "due" }, "all"), revisedAfter(when.record)]);
  const dated = items.filter((c) => c.deadline?.dueDate);
  const originals = new Map(
    (
      await publicData.originalDeadlines(
        dated.filter((c) => c.revisionsCount > 0).map((c) => c.id),
        when.record.version,
      )
    ).map((o) => [o.id, o]),
  );
  const byArea = new Map<string, { slug: string; title: string; items: TimelineItem[] }>();
  for (const c of dated) {
    const due = c.deadline!.dueDate!;
    const first = originals.get(c.id);
    const moved = first && (first.label !== c.deadline!.label || first.dueDate !== due) ? first : null;
    const group = byArea.get(c.area.slug) ?? { slug: c.area.slug, title: c.area.title, items: [] };
    byArea.set(c.area.slug, group);
    group.items.push({
      slug: c.slug,
      title: c.title,
      status: c.status.code,
      label: c.deadline!.label,
      dueDate: due,
      quarter: placed(due),
      original: moved ? { label: moved.label, dueDate: moved.dueDate, quarter: moved.dueDate ? placed(moved.dueDate) : null } : null,
      overdue: c.overdue,
      daysOverdue: c.daysOverdue,
      missed: c.missedDeadlines.length,
    });
  }
  const order = new Map(areas.map((a) => [a.slug, a.position]));
  return found({
    ...when,
    revised,
    errors: pageErrors(errors, raw),
    values: formValues(raw),
    filters,
    areas: [...byArea.values()].sort((a, b) => (order.get(a.slug) ?? 0) - (order.get(b.slug) ?? 0)),
    allAreas: areas,
    organisations,
    total: dated.length,
    undated: items.length - dated.length,
  });
});

/** `/corrections`: every correction made to the public record, and every commitment removed. */
export const loadCorrectionsPage = cache(async () => publicData.listCorrections());
