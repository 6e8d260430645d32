import { siteFeedRoute } from "@/server/open-data/feed-routes";
import { preflight } from "@/server/open-data/http";

export const dynamic = "force-dynamic";

/** iCalendar of upcoming deadlines; ?area=<slug> for one area (repeat for several). */
export const GET = siteFeedRoute("deadlines.ics");

export const OPTIONS = preflight;
