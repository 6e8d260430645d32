import { areasBody } from "@/server/open-data/api-data";
import { invalidParameters, preflight, requestOrigin, sendJson, withProblems } from "@/server/open-data/http";
import { parseAsOfParams } from "@/server/open-data/params";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return withProblems(request, async () => {
    const url = new URL(request.url);
    const parsed = parseAsOfParams(url.searchParams);
    if (!parsed.ok) return invalidParameters(request, parsed.errors);
    return sendJson(request, await areasBody(requestOrigin(request), parsed.value.asOf));
  });
}

export const OPTIONS = preflight;
