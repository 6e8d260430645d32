import { organisationsBody } from "@/server/open-data/api-data";
import { invalidParameters, preflight, sendJson, withProblems } from "@/server/open-data/http";
import { requestOrigin } from "@/server/http";
import { parseAsOfParams } from "@/server/open-data/params";
import { cacheControlFor, readView, recordRef } from "@/server/open-data/view";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return withProblems(request, async () => {
    const parsed = parseAsOfParams(new URL(request.url).searchParams);
    if (!parsed.ok) return invalidParameters(request, parsed.errors);
    const read = await readView(request, parsed.value);
    if (!read.ok) return read.response;
    return sendJson(request, await organisationsBody(requestOrigin(request), read.view.asOf, recordRef(read.view)), {
      cacheControl: cacheControlFor(read.view),
    });
  });
}

export const OPTIONS = preflight;
