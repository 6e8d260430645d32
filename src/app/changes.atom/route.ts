import { changesFeedBody } from "@/server/open-data/feeds";
import { ATOM_CONTENT_TYPE } from "@/server/open-data/atom";
import { invalidParameters, preflight, sendProblem, sendText, withProblems } from "@/server/open-data/http";
import { requestOrigin } from "@/server/http";
import { parseFeedParams } from "@/server/open-data/params";
import { cacheControlFor, readView, recordRef } from "@/server/open-data/view";

export const dynamic = "force-dynamic";

/** Atom feed of published changes; ?area=<slug> for one area. */
export async function GET(request: Request) {
  return withProblems(request, async () => {
    const url = new URL(request.url);
    const parsed = parseFeedParams(url.searchParams);
    if (!parsed.ok) return invalidParameters(request, parsed.errors);
    const read = await readView(request, { version: parsed.value.version, recordedOn: parsed.value.recordedOn });
    if (!read.ok) return read.response;
    const { view } = read;
    const result = await changesFeedBody(requestOrigin(request), parsed.value.area, view.asOf, recordRef(view));
    if (!result.found) return sendProblem(request, "notFound", result.detail);
    return sendText(request, result.body, { contentType: ATOM_CONTENT_TYPE, cacheControl: cacheControlFor(view) });
  });
}

export const OPTIONS = preflight;
