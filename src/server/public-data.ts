// The data the public pages read (server-only: never import it from a client component):
// publicData holds the queries of src/server/queries, each a cached read (src/server/freshness)
// keyed by all its arguments (as-of date, record version, filters, page). Every publish drops
// every entry at once, on every instance (docs/decisions/0013). The as-of
// date is always an argument: nothing inside a cached function reads the clock. The pages'
// loaders, which read GET parameters and call these, are in public-pages.ts.
//
// See docs/decisions/0013-one-truth-for-freshness.md.
import { cachedRead } from "./freshness";
import { getDb, type Db } from "./db";
import { commitmentExists, getCommitmentSummary, listCommitments } from "./queries/commitments";
import { commitmentTimeline, listChanges } from "./queries/changes";
import { getArea, getOrganisation, listAreas, listOrganisations, statusCountsByArea } from "./queries/overview";
import { getCommitmentAnnouncement, getLastConfirmation, getUncheckedSince } from "./queries/commitment-detail";
import { listMissedDeadlines } from "./queries/missed";
import { listWordingChanges } from "./queries/wording";
import { progressByMonth } from "./queries/progress-over-time";
import { originalDeadlines } from "./queries/timeline";
import { lastVersionOf, revisedSince } from "./queries/versions";
import { getRemoval, listCorrections } from "./queries/corrections";
import { listScorecards } from "./queries/scorecards";

function cachedQuery<A extends unknown[], R>(name: string, query: (db: Db, ...args: A) => Promise<R>): (...args: A) => Promise<R> {
  // The key is the name plus the JSON of the arguments, so every argument (as-of date, filters,
  // paging) is part of it. Results must be JSON: the queries return ISO strings.
  return cachedRead(`public-data ${name}`, (...args: A) => query(getDb(), ...args));
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
  progressByMonth: cachedQuery("progressByMonth", progressByMonth),
  originalDeadlines: cachedQuery("originalDeadlines", originalDeadlines),
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
