import { deadlinesCalendarBody } from "@/server/open-data/feeds";
import { ICS_CONTENT_TYPE } from "@/server/open-data/ics";
import { invalidParameters, preflight, sendProblem, sendText, withProblems } from "@/server/open-data/http";
import { requestOrigin } from "@/server/http";
import { parseFeedParams } from "@/server/open-data/params";
import { cacheControlFor, readView, recordRef } from "@/server/open-data/view";

export const dynamic = "force-dynamic";

/** iCalendar of upcoming deadlines; ?area=<slug> for one area. */
export async function GET(request: Request) {
  return withProblems(request, async () => {
    const url = new URL(request.url);
    const parsed = parseFeedParams(url.searchParams);
    if (!parsed.ok) return invalidParameters(request, parsed.errors);
    const read = await readView(request, { version: parsed.value.version, recordedOn: parsed.value.recordedOn });
    if (!read.ok) return read.response;
    const { view } = read;
    const result = await deadlinesCalendarBody(requestOrigin(request), parsed.value.area, view.asOf, recordRef(view));
    if (!result.found) return sendProblem(request, "notFound", result.detail);
    return sendText(request, result.body, {
      contentType: ICS_CONTENT_TYPE,
      cacheControl: cacheControlFor(view),
      headers: { "Content-Disposition": 'inline; filename="roadmap-tracker-deadlines.ics"' },
    });
  });
}

export const OPTIONS = preflight;
