import { openApiDocument } from "@/server/open-data/openapi";
import { invalidParameters, preflight, sendJson, withProblems } from "@/server/open-data/http";
import { requestOrigin } from "@/server/http";
import { parseNoParams } from "@/server/open-data/params";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return withProblems(request, async () => {
    const parsed = parseNoParams(new URL(request.url).searchParams);
    if (!parsed.ok) return invalidParameters(request, parsed.errors);
    return sendJson(request, openApiDocument(requestOrigin(request)), { contentType: "application/vnd.oai.openapi+json;version=3.1" });
  });
}

export const OPTIONS = preflight;
