import { changesFeedBody } from "@/server/open-data/feeds";
import { ATOM_CONTENT_TYPE } from "@/server/open-data/atom";
import { invalidParameters, preflight, requestOrigin, sendProblem, sendText, withProblems } from "@/server/open-data/http";
import { parseFeedParams } from "@/server/open-data/params";
import { todayIso } from "@/domain/dates";

export const dynamic = "force-dynamic";

/** Atom feed of published changes; ?area=<slug> for one area. */
export async function GET(request: Request) {
  return withProblems(request, async () => {
    const url = new URL(request.url);
    const parsed = parseFeedParams(url.searchParams);
    if (!parsed.ok) return invalidParameters(request, parsed.errors);
    const result = await changesFeedBody(requestOrigin(request), parsed.value.area, todayIso());
    if (!result.found) return sendProblem(request, "notFound", result.detail);
    return sendText(request, result.body, { contentType: ATOM_CONTENT_TYPE });
  });
}

export const OPTIONS = preflight;
