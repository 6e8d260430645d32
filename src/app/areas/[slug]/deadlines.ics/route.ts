import { scopedFeedRoute } from "@/server/open-data/feed-routes";
import { preflight } from "@/server/open-data/http";

export const dynamic = "force-dynamic";

/** iCalendar of the upcoming deadlines of one area. */
export const GET = scopedFeedRoute("deadlines.ics", "area");

export const OPTIONS = preflight;
