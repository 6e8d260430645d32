import { commitmentsBody } from "@/server/open-data/api-data";
import { invalidParameters, linkHeader, preflight, sendJson, withProblems } from "@/server/open-data/http";
import { requestOrigin } from "@/server/http";
import { parseCommitmentListParams } from "@/server/open-data/params";
import { cacheControlFor, readView, recordRef, viewParams } from "@/server/open-data/view";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return withProblems(request, async () => {
    const url = new URL(request.url);
    const parsed = parseCommitmentListParams(url.searchParams);
    if (!parsed.ok) return invalidParameters(request, parsed.errors);
    const query = parsed.value;
    const read = await readView(request, { asOf: query.asOfGiven ? query.asOf : undefined, version: query.version, recordedOn: query.recordedOn });
    if (!read.ok) return read.response;
    const { view } = read;
    const origin = requestOrigin(request);
    const body = await commitmentsBody(origin, { ...query, asOf: view.asOf, version: view.at.version }, recordRef(view), viewParams(view));
    return sendJson(request, body, {
      headers: { Link: linkHeader(body.links, `${origin}/api/v1/openapi.json`) },
      cacheControl: cacheControlFor(view),
    });
  });
}

export const OPTIONS = preflight;
