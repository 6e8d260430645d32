import { siteFeedRoute } from "@/server/open-data/feed-routes";
import { preflight } from "@/server/open-data/http";

export const dynamic = "force-dynamic";

/** Atom feed of published changes; ?area=<slug> for one area (repeat for several). */
export const GET = siteFeedRoute("changes.atom");

export const OPTIONS = preflight;
