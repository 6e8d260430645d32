import { commitmentBody } from "@/server/open-data/api-data";
import { invalidParameters, preflight, sendJson, sendProblem, withProblems } from "@/server/open-data/http";
import { requestOrigin } from "@/server/http";
import { parseAsOfParams } from "@/server/open-data/params";
import { cacheControlFor, readView, recordRef } from "@/server/open-data/view";
import { slugSchema } from "@/schemas/common";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return withProblems(request, async () => {
    const url = new URL(request.url);
    const { slug } = await params;
    const parsed = parseAsOfParams(url.searchParams);
    if (!parsed.ok) return invalidParameters(request, parsed.errors);
    if (!slugSchema.safeParse(slug).success) {
      return sendProblem(request, "notFound", `There is no commitment "${slug.slice(0, 120)}": slugs are lower-case letters, digits and hyphens.`);
    }
    const read = await readView(request, parsed.value);
    if (!read.ok) return read.response;
    const { view } = read;
    const result = await commitmentBody(requestOrigin(request), slug, view.asOf, recordRef(view), view.at.pinned);
    if (result.found) return sendJson(request, result.body, { cacheControl: cacheControlFor(view) });
    return sendProblem(request, result.gone ? "gone" : "notFound", result.detail);
  });
}

export const OPTIONS = preflight;
