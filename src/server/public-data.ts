// The data the public pages read (server-only: never import it from a client component):
// publicData holds the queries of src/server/queries, each wrapped in unstable_cache under
// PUBLIC_DATA_TAG and keyed by all its arguments (as-of date, record version, filters, page).
// Editors call expirePublicData() when they publish, which drops every entry at once. The as-of
// date is always an argument: nothing inside a cached function reads the clock. The pages'
// loaders, which read GET parameters and call these, are in public-pages.ts.
//
// See docs/decisions/0004-public-page-caching.md.
import { CACHE_EPOCH, cachedPublicData } from "./cache-tags";
import { getDb, type Db } from "./db";
import { commitmentExists, getCommitmentSummary, listCommitments } from "./queries/commitments";
import { commitmentTimeline, listChanges } from "./queries/changes";
import { getArea, getOrganisation, listAreas, listOrganisations, statusCountsByArea } from "./queries/overview";
import { getCommitmentAnnouncement, getLastConfirmation, getUncheckedSince } from "./queries/commitment-detail";
import { listMissedDeadlines } from "./queries/missed";
import { listWordingChanges } from "./queries/wording";
import { lastVersionOf, revisedSince } from "./queries/versions";
import { getRemoval, listCorrections } from "./queries/corrections";
import { listScorecards } from "./queries/scorecards";

/**
 * A safety net only: entries are dropped by tag the moment anything is published in this process.
 * This bounds how long a change this process was not told about (published through another app
 * instance, or a manual database fix) can stay hidden.
 */
const CACHE_SAFETY_SECONDS = 300;

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
  getLastConfirmation: cachedQuery("getLastConfirmation", getLastConfirmation),
  getUncheckedSince: cachedQuery("getUncheckedSince", getUncheckedSince),
  commitmentTimeline: cachedQuery("commitmentTimeline", commitmentTimeline),
  listChanges: cachedQuery("listChanges", listChanges),
  listWordingChanges: cachedQuery("listWordingChanges", listWordingChanges),
  statusCountsByArea: cachedQuery("statusCountsByArea", statusCountsByArea),
  listAreas: cachedQuery("listAreas", listAreas),
  listOrganisations: cachedQuery("listOrganisations", listOrganisations),
  getArea: cachedQuery("getArea", getArea),
  getOrganisation: cachedQuery("getOrganisation", getOrganisation),
  listMissedDeadlines: cachedQuery("listMissedDeadlines", listMissedDeadlines),
  revisedSince: cachedQuery("revisedSince", revisedSince),
  lastVersionOf: cachedQuery("lastVersionOf", lastVersionOf),
  getRemoval: cachedQuery("getRemoval", getRemoval),
  listCorrections: cachedQuery("listCorrections", listCorrections),
  listScorecards: cachedQuery("listScorecards", listScorecards),
};
