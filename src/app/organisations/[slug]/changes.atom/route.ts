import { scopedFeedRoute } from "@/server/open-data/feed-routes";
import { preflight } from "@/server/open-data/http";

export const dynamic = "force-dynamic";

/** Atom feed of the published changes of one organisation. */
export const GET = scopedFeedRoute("changes.atom", "organisation");

export const OPTIONS = preflight;
