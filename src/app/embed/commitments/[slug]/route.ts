import { loadShareCard } from "@/server/share/card";
import { embedHtml } from "@/server/share/embed";
import { EMBED_POLICY } from "@/server/share/markup";
import { sendText, withProblems } from "@/server/open-data/http";
import { siteOrigin } from "@/server/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** The embeddable status card: the only page other sites may frame (src/server/security-headers.ts). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withProblems(request, async () => {
    const loaded = await loadShareCard(request, (await params).slug);
    if ("response" in loaded) return loaded.response;
    return sendText(request, embedHtml(loaded.card, siteOrigin()), {
      contentType: "text/html; charset=utf-8",
      cacheControl: loaded.card.cacheControl,
      headers: { "Content-Security-Policy": EMBED_POLICY },
    });
  });
}
