// The bodies of the /api/v1 responses, built from the shared queries and cached. Each returns
// plain JSON that has been parsed with its response schema. Every body reads at one record
// version and says which in meta.version.
import { getDb } from "../db";
import { listAreas, listOrganisations, statusCountsByArea } from "../queries/overview";
import { commitmentExists, getCommitmentSummary, listCommitments } from "../queries/commitments";
import { commitmentTimeline, listChanges } from "../queries/changes";
import { getUncheckedSince } from "../queries/commitment-detail";
import { listWordingChanges } from "../queries/wording";
import { getRemoval } from "../queries/corrections";
import type { CommitmentQuery } from "../../schemas/commitment-query";
import {
  areaListSchema,
  changeListSchema,
  commitmentListSchema,
  commitmentResponseSchema,
  organisationListSchema,
  type ApiPageLinks,
} from "../../schemas/api";
import { apiBase, toApiArea, toApiChange, toApiCommitment, toApiHistoryEntry, toApiOrganisation, toApiWordingChange, urlWith } from "./serialise";
import { cachedPublicRead } from "./cache";
import type { ChangeListParams } from "./params";
import type { RecordRef } from "./view";

type QueryValues = Record<string, string | number | boolean | readonly string[] | undefined>;

/** self/first/prev/next/last links for a paged list, keeping every filter. */
function pageLinks(base: string, filters: QueryValues, page: number, pageSize: number, total: number, html?: string): ApiPageLinks {
  const last = Math.max(1, Math.ceil(total / pageSize));
  const at = (p: number) => urlWith(base, { ...filters, page: p, page_size: pageSize });
  return {
    self: at(page),
    first: at(1),
    prev: page > 1 ? at(Math.min(page - 1, last)) : null,
    next: page < last ? at(page + 1) : null,
    last: at(last),
    ...(html ? { html } : {}),
  };
}

const recordMeta = (rec: RecordRef) => ({ version: rec.version, versionPublishedAt: rec.publishedAt });

export const areasBody = cachedPublicRead(async (origin: string, asOf: string, rec: RecordRef) => {
  const db = getDb();
  const [areas, progress] = await Promise.all([listAreas(db), statusCountsByArea(db, asOf, rec.version)]);
  const bySlug = new Map(progress.areas.map((a) => [a.slug, a]));
  const data = areas.map((a) => toApiArea(a, bySlug.get(a.slug), origin));
  return areaListSchema.parse({ data, meta: { asOf, ...recordMeta(rec), total: data.length, page: 1, pageSize: Math.max(1, data.length) } });
}, "areas");

export const organisationsBody = cachedPublicRead(async (origin: string, asOf: string, rec: RecordRef) => {
  const data = (await listOrganisations(getDb(), rec.version)).map((o) => toApiOrganisation(o, origin));
  return organisationListSchema.parse({ data, meta: { asOf, ...recordMeta(rec), total: data.length, page: 1, pageSize: Math.max(1, data.length) } });
}, "organisations");

/** The filters of a commitment query, written back as query parameters (the version as the reader gave it). */
function commitmentFilters(query: CommitmentQuery, keep: QueryValues = {}): QueryValues {
  return {
    area: query.area,
    organisation: query.organisation,
    status: query.status,
    overdue: query.overdue,
    missed: query.missed,
    due_before: query.dueBefore,
    due_after: query.dueAfter,
    q: query.q,
    ...keep,
    sort: query.sort === (query.q ? "relevance" : "due") ? undefined : query.sort,
  };
}

export const commitmentsBody = cachedPublicRead(async (origin: string, query: CommitmentQuery, rec: RecordRef, keep: QueryValues) => {
  const { items, total } = await listCommitments(getDb(), { ...query, version: rec.version }, { page: query.page, pageSize: query.pageSize });
  const filters = commitmentFilters(query, keep);
  return commitmentListSchema.parse({
    data: items.map((c) => toApiCommitment(c, origin)),
    meta: { asOf: query.asOf, ...recordMeta(rec), total, page: query.page, pageSize: query.pageSize },
    links: pageLinks(`${apiBase(origin)}/commitments`, filters, query.page, query.pageSize, total, urlWith(`${origin}/commitments`, filters)),
  });
}, "commitments");

export type CommitmentBody =
  { found: true; body: ReturnType<typeof commitmentResponseSchema.parse> } | { found: false; gone?: boolean; detail: string };

export const commitmentBody = cachedPublicRead(
  async (origin: string, slug: string, asOf: string, rec: RecordRef, pinned: boolean): Promise<CommitmentBody> => {
    const db = getDb();
    const summary = await getCommitmentSummary(db, slug, asOf, rec.version);
    if (!summary) {
      const exists = await commitmentExists(db, slug, rec.version);
      if (exists) return { found: false, detail: `The commitment "${slug}" was announced on ${exists.announcedOn}, after the as_of date ${asOf}.` };
      if (pinned && (await commitmentExists(db, slug)))
        return { found: false, detail: `The commitment "${slug}" was not yet on the record at version ${rec.version}.` };
      const removal = await getRemoval(db, slug);
      if (removal)
        return {
          found: false,
          gone: true,
          detail: `The commitment "${slug}" (“${removal.title}”) was removed from the tracker on ${removal.removedOn} because: ${removal.reason} See ${origin}/corrections. Ask with version= an earlier version to see it as it was then published.`,
        };
      return { found: false, detail: `There is no commitment "${slug}". GET ${apiBase(origin)}/commitments lists them all.` };
    }
    const [timeline, uncheckedSince, wording] = await Promise.all([
      commitmentTimeline(db, slug, asOf, rec.version),
      getUncheckedSince(db, slug, rec.version),
      listWordingChanges(db, { version: rec.version, commitmentSlug: slug }),
    ]);
    const body = commitmentResponseSchema.parse({
      data: {
        ...toApiCommitment(summary, origin),
        secondEditorCheck: { checked: uncheckedSince === null, uncheckedSince },
        history: {
          statusUpdates: timeline.filter((e) => e.kind === "status_update").map(toApiHistoryEntry),
          deadlineRevisions: timeline.filter((e) => e.kind === "deadline_revision").map(toApiHistoryEntry),
          wordingChanges: wording.map(toApiWordingChange),
        },
      },
      meta: { asOf, ...recordMeta(rec) },
    });
    return { found: true, body };
  },
  "commitment",
);

export const changesBody = cachedPublicRead(
  async (origin: string, params: ChangeListParams & { asOf: string }, rec: RecordRef, keep: QueryValues) => {
    const { items, total } = await listChanges(
      getDb(),
      { asOf: params.asOf, version: rec.version, area: params.area, organisation: params.organisation, since: params.since, kind: params.kind },
      { page: params.page, pageSize: params.pageSize },
    );
    const filters: QueryValues = { area: params.area, organisation: params.organisation, kind: params.kind, since: params.since, ...keep };
    return changeListSchema.parse({
      data: items.map((e) => toApiChange(e, origin)),
      meta: { asOf: params.asOf, ...recordMeta(rec), total, page: params.page, pageSize: params.pageSize },
      links: pageLinks(`${apiBase(origin)}/changes`, filters, params.page, params.pageSize, total, `${origin}/changes`),
    });
  },
  "changes",
);

/** The areas, for links to their feeds on /data. */
export const areaList = cachedPublicRead(async () => listAreas(getDb()), "area-list");
