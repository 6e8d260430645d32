// The embeddable status card (/embed/commitments/[slug]): one small HTML document with one
// <style> element allowed by its hash, no scripts, and the only Content-Security-Policy on the
// site that lets any other site frame it (frame-ancestors *). Links open the tracker in a new tab.
import type { ShareCard } from "./card";
import { EMBED_CSS, escapeXml } from "./markup";

export function embedHtml(card: ShareCard, origin: string): string {
  const page = `${origin}/commitments/${card.slug}${card.query}`;
  const when = card.asOfText ? ` (${card.asOfText})` : "";
  return [
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeXml(card.title)}: ${escapeXml(card.status)} – Roadmap Tracker</title><meta name="robots" content="noindex">`,
    `<link rel="canonical" href="${escapeXml(page)}"><style>${EMBED_CSS}</style></head><body><main>`,
    `<p class="area">${escapeXml(card.area)}</p>`,
    `<h1 class="title"><a href="${escapeXml(page)}" target="_blank" rel="noopener">${escapeXml(card.title)}</a></h1>`,
    `<p><span class="tag t-${card.tone}" data-status="">${escapeXml(card.status)}</span>`,
    card.overdue ? "<strong>Overdue</strong>" : "",
    `</p><p>Deadline: ${escapeXml(card.deadline)}${escapeXml(when)}</p>`,
    `<p class="src">Source: <a href="${escapeXml(`${origin}/`)}" target="_blank" rel="noopener">Roadmap Tracker</a>, record version ${card.version}</p>`,
    `</main></body></html>`,
  ].join("");
}
