// Bodies of /changes.atom and /deadlines.ics, cached like the API.
import { getDb } from "../db";
import { listAreas } from "../queries/overview";
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

/** Used as "last updated" before anything has been published: the roadmap's publication date. */
const ROADMAP_PUBLISHED = new Date("2026-01-21T00:00:00.000Z");

export type FeedBody = { found: true; body: string } | { found: false; detail: string };

async function areasFor(slugs: readonly string[]) {
  const areas = await listAreas(getDb());
  const chosen = areas.filter((a) => slugs.includes(a.slug));
  const unknown = slugs.filter((s) => !areas.some((a) => a.slug === s));
  return { chosen, unknown, all: areas };
}

const unknownAreas = (unknown: string[], all: { slug: string }[]) =>
  `There is no area ${unknown.map((s) => `"${s}"`).join(", ")}. Areas are: ${all.map((a) => a.slug).join(", ")}.`;

/** The feed as of a date (today, or the day a chosen version was recorded), at a version. */
export const changesFeedBody = cachedPublicRead(async (origin: string, areaSlugs: string[], today: string, rec: RecordRef): Promise<FeedBody> => {
  const { chosen, unknown, all } = await areasFor(areaSlugs);
  if (unknown.length) return { found: false, detail: unknownAreas(unknown, all) };
  const db = getDb();
  const [{ items }, wordingChanges] = await Promise.all([
    listChanges(db, { asOf: today, area: areaSlugs, version: rec.version }, { page: 1, pageSize: FEED_ENTRY_LIMIT }),
    listWordingChanges(db, { version: rec.version, area: areaSlugs, limit: FEED_ENTRY_LIMIT }),
  ]);
  const changes = items.map((e) => toApiChange(e, origin));
  const newest = [...changes, ...wordingChanges].reduce<Date | null>(
    (max, c) => (max && max >= new Date(c.publishedAt) ? max : new Date(c.publishedAt)),
    null,
  );
  const updated =
    newest ?? (rec.publishedAt ? new Date(rec.publishedAt) : null) ?? (await publicDataVersion(db)).lastPublishedAt ?? ROADMAP_PUBLISHED;
  return { found: true, body: changesFeed({ origin, areas: chosen, changes, wordingChanges, updated }) };
}, "changes.atom");

const OPEN_STATUSES = [...OPEN_PUBLIC_STATUS_CODES];

export const deadlinesCalendarBody = cachedPublicRead(
  async (origin: string, areaSlugs: string[], today: string, rec: RecordRef): Promise<FeedBody> => {
    const { chosen, unknown, all } = await areasFor(areaSlugs);
    if (unknown.length) return { found: false, detail: unknownAreas(unknown, all) };
    const db = getDb();
    const [{ items }, version] = await Promise.all([
      listCommitments(db, { asOf: today, area: areaSlugs, status: OPEN_STATUSES, dueAfter: today, sort: "due", version: rec.version }, "all"),
      publicDataVersion(db),
    ]);
    const upcoming = items.filter((c) => c.daysUntilDue !== null).map((c) => toApiCommitment(c, origin));
    return {
      found: true,
      body: deadlineCalendar({
        origin,
        areas: chosen,
        commitments: upcoming,
        asOf: today,
        stamp: (rec.publishedAt ? new Date(rec.publishedAt) : null) ?? version.lastPublishedAt ?? ROADMAP_PUBLISHED,
      }),
    };
  },
  "deadlines.ics",
);
