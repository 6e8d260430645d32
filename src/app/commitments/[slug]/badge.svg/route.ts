import { loadShareCard } from "@/server/share/card";
import { badgeSvg } from "@/server/share/badge";
import { preflight, sendText, withProblems } from "@/server/open-data/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** The commitment's status as an SVG badge, for READMEs and articles. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withProblems(request, async () => {
    const loaded = await loadShareCard(request, (await params).slug);
    if ("response" in loaded) return loaded.response;
    return sendText(request, badgeSvg(loaded.card), { contentType: "image/svg+xml; charset=utf-8", cacheControl: loaded.card.cacheControl });
  });
}
export const OPTIONS = preflight;
