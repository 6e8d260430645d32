import { ImageResponse } from "next/og";
import { loadShareCard, TONE_COLOURS } from "@/server/share/card";
import { preflight, weakEtag, withProblems } from "@/server/open-data/http";
import { CORS_HEADERS, etagMatches } from "@/server/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** Bump when the picture's design changes, so caches do not keep the old one. */
const DESIGN = "1";

/**
 * The commitment's share image (Open Graph and Twitter cards): status, deadline as published and
 * area, drawn on the server by next/og with the font it bundles (no network). Its ETag is made
 * from what it shows, so a client that has it gets 304.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withProblems(request, async () => {
    const loaded = await loadShareCard(request, (await params).slug);
    if ("response" in loaded) return loaded.response;
    const { card } = loaded;
    const etag = weakEtag(["card.png", DESIGN, card.slug, card.title, card.area, card.status, card.deadline, String(card.overdue), card.asOfText]);
    const headers = { ...CORS_HEADERS, ETag: etag, "Cache-Control": card.cacheControl, "X-Content-Type-Options": "nosniff" };
    if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
    const image = new ImageResponse(
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", background: "#ffffff", color: "#0b0c0c" }}>
        <div
          style={{ display: "flex", background: "#0b0c0c", color: "#ffffff", padding: "28px 56px", fontSize: 36, borderBottom: "12px solid #1d70b8" }}
        >
          Roadmap Tracker
        </div>
        <div style={{ display: "flex", flexDirection: "column", padding: "40px 56px", flexGrow: 1 }}>
          <div style={{ display: "flex", fontSize: 30, color: "#484949" }}>{card.area}</div>
          <div style={{ display: "flex", fontSize: 56, marginTop: 16, lineHeight: 1.15 }}>{card.title}</div>
          <div style={{ display: "flex", marginTop: "auto", alignItems: "center", fontSize: 36 }}>
            <div style={{ display: "flex", background: TONE_COLOURS[card.tone], color: "#ffffff", padding: "8px 20px", marginRight: 24 }}>
              {card.status}
            </div>
            {card.overdue ? <div style={{ display: "flex", marginRight: 24 }}>Overdue</div> : null}
            <div style={{ display: "flex" }}>Deadline: {card.deadline}</div>
          </div>
          {card.asOfText ? (
            <div style={{ display: "flex", fontSize: 26, marginTop: 12 }}>{`As it stood ${card.asOfText.replace(/^as of /, "on ")}`}</div>
          ) : null}
        </div>
      </div>,
      { width: 1200, height: 630 },
    );
    const body = await image.arrayBuffer();
    return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "image/png", "Content-Length": String(body.byteLength) } });
  });
}
export const OPTIONS = preflight;
