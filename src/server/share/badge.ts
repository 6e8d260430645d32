// The status badge (/commitments/[slug]/badge.svg): "roadmap tracker | Delivered", the status in
// its colour, sized to its words. Text is Verdana/DejaVu Sans at 11px; widths are estimated per
// character, as shields.io-style badges do, so no font is loaded.
import type { ShareCard } from "./card";
import { TONE_COLOURS, escapeXml } from "./markup";

const LEFT = "Roadmap Tracker";
/** An estimate of the width of 11px Verdana text, generous so nothing is clipped. */
const textWidth = (text: string) => Math.ceil([...text].reduce((w, c) => w + (/[A-Z]/.test(c) ? 8 : /[ il.,:'’]/.test(c) ? 4 : 7), 0));

export function badgeSvg(card: ShareCard): string {
  const right = card.overdue ? `${card.status} · overdue` : card.status;
  const lw = textWidth(LEFT) + 12;
  const rw = textWidth(right) + 12;
  const w = lw + rw;
  const label = `${LEFT}: ${right}. ${card.title}. Deadline: ${card.deadline}${card.asOfText ? ` (${card.asOfText})` : ""}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" viewBox="0 0 ${w} 20" role="img" aria-label="${escapeXml(label)}">`,
    `<title>${escapeXml(label)}</title>`,
    `<rect width="${lw}" height="20" fill="#0b0c0c"/>`,
    `<rect x="${lw}" width="${rw}" height="20" fill="${card.overdue && card.tone !== "red" ? TONE_COLOURS.red : TONE_COLOURS[card.tone]}"/>`,
    `<g fill="#ffffff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">`,
    `<text x="6" y="14">${escapeXml(LEFT)}</text>`,
    `<text x="${lw + 6}" y="14">${escapeXml(right)}</text>`,
    `</g></svg>`,
  ].join("");
}
