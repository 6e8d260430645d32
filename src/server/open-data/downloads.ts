// The bulk downloads of /data: three CSV files and the tracker.json snapshot. Each is streamed
// from the database in batches (src/server/queries/open-data.ts), never built whole in memory.
import type { Db } from "../db";
import { getDb } from "../db";
import { listAreas, listOrganisations, statusCountsByArea } from "../queries/overview";
import {
  publicDataVersion,
  streamCommitments,
  streamFilteredCommitments,
  streamDeadlineRevisions,
  streamStatusUpdates,
  type HistoryScope,
} from "../queries/open-data";
import { snapshotMetaSchema, statusUpdateChangeSchema, deadlineRevisionChangeSchema, type SnapshotMeta } from "../../schemas/api";
import { todayIso } from "../../domain/dates";
import { COMMITMENT_COLUMNS, CSV_CONTENT_TYPE, DEADLINE_REVISION_COLUMNS, SCORECARD_COLUMNS, STATUS_UPDATE_COLUMNS, csvStream } from "./csv";
import { apiBase, toApiArea, toApiChange, toApiCommitment, toApiOrganisation } from "./serialise";
import { inChunks, mapAsync, toWebStream } from "./stream";
import { DATASET_TITLE, LICENCE, suggestedCitation } from "./licence";
import { invalidParameters, sendStream, weakEtag, withProblems } from "./http";
import { requestOrigin } from "../http";
import { parseAsOfParams, parseCommitmentDownloadParams, parseScorecardParams, type Parsed, type WhenParams } from "./params";
import type { CommitmentQuery } from "../../schemas/commitment-query";
import type { FieldError } from "../../schemas/errors";
import { listScorecards } from "../queries/scorecards";
import { sortScorecard } from "../../domain/scorecard";
import { cacheControlFor, readView, recordRef, type RecordRef } from "./view";
import type { ApiDeadlineRevisionChange, ApiStatusUpdateChange } from "../../schemas/api";

/**
 * One download: everything is read at one record version, so the file is one consistent cut.
 * `filters`: the /commitments query a commitments download was asked for (null: every commitment).
 */
type DownloadContext = { db: Db; origin: string; asOf: string; record: RecordRef; now: Date; filters: CommitmentQuery | null };

const historyScope = (ctx: DownloadContext): HistoryScope => ({ asOf: ctx.asOf, version: ctx.record.version });

const commitments = (ctx: DownloadContext) =>
  mapAsync(
    ctx.filters
      ? streamFilteredCommitments(ctx.db, { ...ctx.filters, asOf: ctx.asOf, version: ctx.record.version })
      : streamCommitments(ctx.db, ctx.asOf, ctx.record.version),
    (c) => toApiCommitment(c, ctx.origin),
  );
const statusUpdates = (ctx: DownloadContext) =>
  mapAsync(streamStatusUpdates(ctx.db, historyScope(ctx)), (u) => toApiChange(u, ctx.origin) as ApiStatusUpdateChange);
const deadlineRevisions = (ctx: DownloadContext) =>
  mapAsync(streamDeadlineRevisions(ctx.db, historyScope(ctx)), (d) => toApiChange(d, ctx.origin) as ApiDeadlineRevisionChange);

async function* jsonArray(items: AsyncIterable<unknown>): AsyncGenerator<string> {
  yield "[";
  let first = true;
  for await (const item of items) {
    yield (first ? "" : ",") + JSON.stringify(item);
    first = false;
  }
  yield "]";
}

/** The whole tracker as one JSON document (schema: TrackerSnapshot in the OpenAPI document). */
async function* snapshot(ctx: DownloadContext): AsyncGenerator<string> {
  const meta: SnapshotMeta = snapshotMetaSchema.parse({
    title: DATASET_TITLE,
    asOf: ctx.asOf,
    version: ctx.record.version,
    versionPublishedAt: ctx.record.publishedAt,
    generatedAt: ctx.now.toISOString(),
    licence: LICENCE,
    citation: suggestedCitation(ctx.origin, ctx.asOf, todayIso(ctx.now)),
    documentation: `${ctx.origin}/data`,
    schema: `${apiBase(ctx.origin)}/openapi.json`,
  });
  const [areas, progress, organisations] = await Promise.all([
    listAreas(ctx.db),
    statusCountsByArea(ctx.db, ctx.asOf, ctx.record.version),
    listOrganisations(ctx.db, ctx.record.version),
  ]);
  const bySlug = new Map(progress.areas.map((a) => [a.slug, a]));
  yield `{"meta":${JSON.stringify(meta)}`;
  yield `,"areas":${JSON.stringify(areas.map((a) => toApiArea(a, bySlug.get(a.slug), ctx.origin)))}`;
  yield `,"organisations":${JSON.stringify(organisations.map((o) => toApiOrganisation(o, ctx.origin)))}`;
  yield `,"commitments":`;
  yield* jsonArray(commitments(ctx));
  yield `,"statusUpdates":`;
  yield* jsonArray(mapAsync(statusUpdates(ctx), (u) => statusUpdateChangeSchema.parse(u)));
  yield `,"deadlineRevisions":`;
  yield* jsonArray(mapAsync(deadlineRevisions(ctx), (d) => deadlineRevisionChangeSchema.parse(d)));
  yield "}\n";
}

/** A download at a version the reader chose says so in its name: roadmap-tracker-commitments-2026-06-30-v12.csv. */
const versionSuffix = (version?: number) => (version === undefined ? "" : `-v${version}`);

const DOWNLOADS = {
  commitments: {
    path: "/data/commitments.csv",
    filename: (asOf: string, version?: number) => `roadmap-tracker-commitments-${asOf}${versionSuffix(version)}.csv`,
    contentType: CSV_CONTENT_TYPE,
    open: (ctx: DownloadContext) =>
      csvStream(
        mapAsync(commitments(ctx), (c) => ({ ...c, recordVersion: ctx.record.version })),
        COMMITMENT_COLUMNS,
      ),
  },
  statusUpdates: {
    path: "/data/status-updates.csv",
    filename: (asOf: string, version?: number) => `roadmap-tracker-status-updates-${asOf}${versionSuffix(version)}.csv`,
    contentType: CSV_CONTENT_TYPE,
    open: (ctx: DownloadContext) => csvStream(statusUpdates(ctx), STATUS_UPDATE_COLUMNS),
  },
  deadlineRevisions: {
    path: "/data/deadline-revisions.csv",
    filename: (asOf: string, version?: number) => `roadmap-tracker-deadline-revisions-${asOf}${versionSuffix(version)}.csv`,
    contentType: CSV_CONTENT_TYPE,
    open: (ctx: DownloadContext) => csvStream(deadlineRevisions(ctx), DEADLINE_REVISION_COLUMNS),
  },
  tracker: {
    path: "/data/tracker.json",
    filename: (asOf: string, version?: number) => `roadmap-tracker-${asOf}${versionSuffix(version)}.json`,
    contentType: "application/json",
    open: (ctx: DownloadContext) => toWebStream(inChunks(snapshot(ctx))),
  },
} as const;

export type DownloadKind = keyof typeof DOWNLOADS;

/** Areas and organisations a download filters by that do not exist, one problem each. */
async function unknownOwners(db: Db, version: number, given: { area?: readonly string[]; organisation?: readonly string[] }): Promise<FieldError[]> {
  const [areas, organisations] = await Promise.all([listAreas(db), listOrganisations(db, version)]);
  const known = { area: new Set(areas.map((a) => a.slug)), organisation: new Set(organisations.map((o) => o.slug)) };
  return (["area", "organisation"] as const).flatMap((field) =>
    (given[field] ?? []).filter((slug) => !known[field].has(slug)).map((slug) => ({ field, message: `${field} "${slug}" does not exist` })),
  );
}

/**
 * GET handler of one download: ?as_of= chooses the date and ?version= (or ?recorded_on=) the
 * version of the record; the ETag follows the data's version. The commitments download also
 * takes the filters and sort of /commitments, and then holds exactly what that page lists.
 */
export function downloadHandler(kind: DownloadKind) {
  return async function GET(request: Request): Promise<Response> {
    return withProblems(request, async () => {
      const url = new URL(request.url);
      const parsed: Parsed<WhenParams & { filters?: CommitmentQuery | null }> =
        kind === "commitments" ? parseCommitmentDownloadParams(url.searchParams) : parseAsOfParams(url.searchParams);
      if (!parsed.ok) return invalidParameters(request, parsed.errors);
      const read = await readView(request, parsed.value);
      if (!read.ok) return read.response;
      const { view } = read;
      const db = getDb();
      const given = parsed.value.filters ?? null;
      const filters = given && { ...given, sort: given.sort === "relevance" && !given.q ? ("due" as const) : given.sort };
      if (filters) {
        const unknown = await unknownOwners(db, view.at.version, filters);
        if (unknown.length) return invalidParameters(request, unknown);
      }
      const download = DOWNLOADS[kind];
      const origin = requestOrigin(request);
      const ctx: DownloadContext = { db, origin, asOf: view.asOf, record: recordRef(view), now: new Date(), filters };
      return sendStream(request, () => download.open(ctx), {
        etag: weakEtag([kind, view.asOf, origin, await validatorOf(db, view), ...(filters ? [url.search] : [])]),
        contentType: download.contentType,
        filename: download.filename(view.asOf, view.at.pinned ? view.at.version : undefined),
        cacheControl: cacheControlFor(view),
      });
    });
  };
}

/** A pinned version never changes; the latest changes with anything published, areas and organisations included. */
async function validatorOf(db: Db, view: { at: { pinned: boolean; version: number } }): Promise<string> {
  return view.at.pinned ? `version ${view.at.version}` : (await publicDataVersion(db)).fingerprint;
}

/** GET /data/scorecards.csv: the scorecards of /organisations, in the order and for the areas asked (the page's own parameters). */
export async function scorecardsDownload(request: Request): Promise<Response> {
  return withProblems(request, async () => {
    const url = new URL(request.url);
    const parsed = parseScorecardParams(url.searchParams);
    if (!parsed.ok) return invalidParameters(request, parsed.errors);
    const read = await readView(request, parsed.value);
    if (!read.ok) return read.response;
    const { view } = read;
    const db = getDb();
    const { sort, order, area } = parsed.value;
    const unknown = await unknownOwners(db, view.at.version, { area });
    if (unknown.length) return invalidParameters(request, unknown);
    const rows = async function* () {
      const all = await listScorecards(db, view.asOf, view.at.version, { area });
      for (const row of sortScorecard(all, sort, order)) yield { ...row, asOf: view.asOf, recordVersion: view.at.version };
    };
    return sendStream(request, () => csvStream(rows(), SCORECARD_COLUMNS), {
      etag: weakEtag(["scorecards", view.asOf, await validatorOf(db, view), url.search]),
      contentType: CSV_CONTENT_TYPE,
      filename: `roadmap-tracker-scorecards-${view.asOf}${versionSuffix(view.at.pinned ? view.at.version : undefined)}.csv`,
      cacheControl: cacheControlFor(view),
    });
  });
}
