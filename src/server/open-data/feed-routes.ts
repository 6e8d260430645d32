// The route handlers of every Atom feed and iCalendar: the site-wide /changes.atom and
// /deadlines.ics (?area=), and those of one area, organisation or commitment. One handler, so
// every feed answers the same way: 400 naming bad parameters, 404 (410 for a commitment taken
// off the tracker) as a problem, ETag and 304, and the cache-control of its version.
import { slugSchema } from "../../schemas/common";
import { requestOrigin } from "../http";
import { ATOM_CONTENT_TYPE } from "./atom";
import type { CalendarScope, FeedFile, FeedScope } from "./feed-scope";
import { changesFeedBody, deadlinesCalendarBody } from "./feeds";
import { invalidParameters, sendProblem, sendText, withProblems } from "./http";
import { ICS_CONTENT_TYPE } from "./ics";
import { parseFeedParams } from "./params";
import { cacheControlFor, readView, recordRef } from "./view";

type Scoped = Exclude<FeedScope["kind"], "site">;
type SlugContext = { params: Promise<{ slug: string }> };

type Target = { kind: "site" } | { kind: Scoped; slug: string };

async function answer(request: Request, file: FeedFile, target: Target): Promise<Response> {
  return withProblems(request, async () => {
    const parsed = parseFeedParams(new URL(request.url).searchParams, target.kind === "site");
    if (!parsed.ok) return invalidParameters(request, parsed.errors);
    if (target.kind !== "site" && !slugSchema.safeParse(target.slug).success)
      return sendProblem(
        request,
        "notFound",
        `There is no ${target.kind} "${target.slug.slice(0, 120)}": slugs are lower-case letters, digits and hyphens.`,
      );
    const chosen: FeedScope = target.kind === "site" ? { kind: "site", areas: parsed.value.area } : target;
    const read = await readView(request, { version: parsed.value.version, recordedOn: parsed.value.recordedOn });
    if (!read.ok) return read.response;
    const { view } = read;
    const origin = requestOrigin(request);
    const result =
      file === "changes.atom"
        ? await changesFeedBody(origin, chosen, view.asOf, recordRef(view))
        : await deadlinesCalendarBody(origin, chosen as CalendarScope, view.asOf, recordRef(view));
    if (!result.found) return sendProblem(request, result.gone ? "gone" : "notFound", result.detail);
    if (file === "changes.atom") return sendText(request, result.body, { contentType: ATOM_CONTENT_TYPE, cacheControl: cacheControlFor(view) });
    const name = chosen.kind === "site" ? "roadmap-tracker-deadlines.ics" : `roadmap-tracker-deadlines-${chosen.slug}.ics`;
    return sendText(request, result.body, {
      contentType: ICS_CONTENT_TYPE,
      cacheControl: cacheControlFor(view),
      headers: { "Content-Disposition": `inline; filename="${name}"` },
    });
  });
}

/** GET of /changes.atom or /deadlines.ics: everything, or the areas of ?area=. */
export function siteFeedRoute(file: FeedFile) {
  return (request: Request) => answer(request, file, { kind: "site" });
}

/** GET of /<areas|organisations|commitments>/<slug>/<file>. A slug that cannot exist is 404 at once. */
export function scopedFeedRoute(file: "changes.atom", kind: Scoped): (request: Request, context: SlugContext) => Promise<Response>;
export function scopedFeedRoute(
  file: "deadlines.ics",
  kind: Exclude<Scoped, "commitment">,
): (request: Request, context: SlugContext) => Promise<Response>;
export function scopedFeedRoute(file: FeedFile, kind: Scoped) {
  return async (request: Request, { params }: SlugContext) => answer(request, file, { kind, slug: (await params).slug });
}
