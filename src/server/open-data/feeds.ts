// Bodies of the Atom feeds and iCalendars, cached like the API: the site-wide /changes.atom and
// /deadlines.ics (?area= for some areas), and one of each per area, organisation and commitment
// (/areas/<slug>/changes.atom…). Every feed is the same read with the filters of its scope.
import { getDb } from "../db";
import { listChanges } from "../queries/changes";
import { listWordingChanges } from "../queries/wording";
import { listCommitments } from "../queries/commitments";
import { publicDataVersion } from "../queries/open-data";
import { OPEN_PUBLIC_STATUS_CODES } from "../../domain/status";
import { changesFeed, FEED_ENTRY_LIMIT } from "./atom";
import { deadlineCalendar } from "./ics";
import { cachedPublicRead } from "./cache";
import { toApiChange, toApiCommitment } from "./serialise";
import type { RecordRef } from "./view";
import { resolveScope, type CalendarScope, type FeedBody, type FeedScope } from "./feed-scope";

/** Used as "last updated" before anything has been published: the roadmap's publication date. */
const ROADMAP_PUBLISHED = new Date("2026-01-21T00:00:00.000Z");

/** The feed of a scope as of a date (today, or the day a chosen version was recorded), at a version. */
export const changesFeedBody = cachedPublicRead(async (origin: string, scope: FeedScope, today: string, rec: RecordRef): Promise<FeedBody> => {
  const resolved = await resolveScope(origin, scope, rec.version);
  if (!resolved.found) return resolved;
  const { filters } = resolved.scope;
  const db = getDb();
  const [{ items }, wordingChanges] = await Promise.all([
    listChanges(db, { asOf: today, ...filters, version: rec.version }, { page: 1, pageSize: FEED_ENTRY_LIMIT }),
    listWordingChanges(db, { ...filters, version: rec.version, limit: FEED_ENTRY_LIMIT }),
  ]);
  const changes = items.map((e) => toApiChange(e, origin));
  const newest = [...changes, ...wordingChanges].reduce<Date | null>(
    (max, c) => (max && max >= new Date(c.publishedAt) ? max : new Date(c.publishedAt)),
    null,
  );
  // An empty feed has not changed since the roadmap was published: a publish elsewhere leaves it (and its ETag) as it was.
  const updated = newest ?? ROADMAP_PUBLISHED;
  return { found: true, body: changesFeed({ origin, scope: resolved.scope, changes, wordingChanges, updated }) };
}, "changes.atom");

const OPEN_STATUSES = [...OPEN_PUBLIC_STATUS_CODES];

export const deadlinesCalendarBody = cachedPublicRead(
  async (origin: string, scope: CalendarScope, today: string, rec: RecordRef): Promise<FeedBody> => {
    const resolved = await resolveScope(origin, scope, rec.version);
    if (!resolved.found) return resolved;
    const { area, organisation } = resolved.scope.filters;
    const db = getDb();
    const [{ items }, version] = await Promise.all([
      listCommitments(db, { asOf: today, area, organisation, status: OPEN_STATUSES, dueAfter: today, sort: "due", version: rec.version }, "all"),
      publicDataVersion(db),
    ]);
    const upcoming = items.filter((c) => c.daysUntilDue !== null).map((c) => toApiCommitment(c, origin));
    return {
      found: true,
      body: deadlineCalendar({
        scope: resolved.scope,
        commitments: upcoming,
        asOf: today,
        stamp: (rec.publishedAt ? new Date(rec.publishedAt) : null) ?? version.lastPublishedAt ?? ROADMAP_PUBLISHED,
      }),
    };
  },
  "deadlines.ics",
);
