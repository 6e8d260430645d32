// oEmbed (https://oembed.com): GET /api/oembed?url=<a commitment page>&format=json answers the
// "rich" type whose html is an <iframe> of the embeddable status card, for that version when the
// URL names one (a citable embed never changes). Unknown URLs are 404; format=xml is 501 (only
// JSON is offered), as the specification allows.
import { CORS_HEADERS, requestOrigin, siteOrigin } from "../http";
import { sendJson } from "../open-data/http";
import { loadShareCard } from "./card";
import { escapeXml } from "./markup";
import { SLUG_SOURCE } from "../../schemas/common";

const EMBED_WIDTH = 480;
const EMBED_HEIGHT = 190;
const COMMITMENT_PATH = new RegExp(`^/(?:embed/)?commitments/(${SLUG_SOURCE})$`);

const problem = (status: number, detail: string) =>
  new Response(JSON.stringify({ status, detail }), {
    status,
    headers: { ...CORS_HEADERS, "Content-Type": "application/json", "Cache-Control": "public, max-age=60" },
  });

/** The iframe that embeds a commitment's card (also shown on its page, to copy). */
export function embedIframe(origin: string, slug: string, query: string, title: string, width = EMBED_WIDTH, height = EMBED_HEIGHT): string {
  const src = `${origin}/embed/commitments/${slug}${query}`;
  return `<iframe src="${escapeXml(src)}" width="${width}" height="${height}" title="${escapeXml(`Roadmap Tracker: ${title}`)}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

export async function oembed(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "json";
  if (format === "xml") return problem(501, "Only format=json is offered.");
  if (format !== "json") return problem(400, `format must be json (not "${format}").`);
  const given = params.get("url");
  if (!given) return problem(400, "url is required: the address of a commitment's page on this tracker.");
  let target: URL;
  try {
    target = new URL(given);
  } catch {
    return problem(404, "url is not the address of a commitment's page on this tracker.");
  }
  const origins = new Set([siteOrigin(), requestOrigin(request)]);
  const slug = COMMITMENT_PATH.exec(target.pathname)?.[1];
  if (!slug || !origins.has(target.origin)) return problem(404, "url is not the address of a commitment's page on this tracker.");
  const keep = new URLSearchParams([...target.searchParams].filter(([k]) => ["as_of", "version", "recorded_on"].includes(k)));
  const loaded = await loadShareCard(new Request(`${target.origin}${target.pathname}?${keep}`, { headers: request.headers }), slug);
  if ("response" in loaded) return loaded.response.status === 410 ? loaded.response : problem(404, "There is no such commitment on this tracker.");
  const { card } = loaded;
  const maxwidth = Number(params.get("maxwidth")) || Infinity;
  const maxheight = Number(params.get("maxheight")) || Infinity;
  const width = Math.max(200, Math.min(EMBED_WIDTH, maxwidth));
  const height = Math.max(120, Math.min(EMBED_HEIGHT, maxheight));
  const origin = siteOrigin();
  return sendJson(
    request,
    {
      version: "1.0",
      type: "rich",
      title: `${card.title}: ${card.status}`,
      provider_name: "Roadmap Tracker",
      provider_url: `${origin}/`,
      html: embedIframe(origin, card.slug, card.query, card.title, width, height),
      width,
      height,
      thumbnail_url: `${origin}/commitments/${card.slug}/card.png${card.query}`,
      thumbnail_width: 1200,
      thumbnail_height: 630,
    },
    { cacheControl: card.cacheControl },
  );
}
