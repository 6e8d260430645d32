import { organisationsBody } from "@/server/open-data/api-data";
import { invalidParameters, preflight, requestOrigin, sendJson, withProblems } from "@/server/open-data/http";
import { parseNoParams } from "@/server/open-data/params";
import { todayIso } from "@/domain/dates";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return withProblems(request, async () => {
    const url = new URL(request.url);
    const parsed = parseNoParams(url.searchParams);
    if (!parsed.ok) return invalidParameters(request, parsed.errors);
    return sendJson(request, await organisationsBody(requestOrigin(request), todayIso()));
  });
}

export const OPTIONS = preflight;
