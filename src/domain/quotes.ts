// Whether a quotation occurs in the text it cites. The seed check (scripts/ops/check-seeds.ts)
// verifies every quoted owner basis, deadline label and occurred label this way.

/** Curly quotes made straight, runs of white space made one space, lower case. */
function normaliseQuoteText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .toLowerCase()
    .trim();
}

/**
 * True when the quotation occurs in the text, ignoring case, curly quotes and spacing. An
 * ellipsis ("…" or "...") marks words left out: the parts must all occur, in order.
 */
export function quoteOccursIn(text: string, quote: string): boolean {
  const hay = normaliseQuoteText(text);
  const parts = normaliseQuoteText(quote)
    .split(/…|\.\.\./) // NFKC writes "…" as "..."
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return false;
  let from = 0;
  for (const part of parts) {
    const at = hay.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** An article's paragraphs: one non-empty line is one paragraph, numbered from 1 (seeds/articles/). */
export function articleParagraphs(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== "");
}

/** Phrases a summary puts in quotation marks (‘…’ or '…', at least eight characters). */
export function quotedPhrases(summary: string): string[] {
  const found: string[] = [];
  for (const m of summary.matchAll(/\u2018([^\u2019]{8,})\u2019|(?<![A-Za-z])'([^']{8,})'(?![a-z])/g)) found.push((m[1] ?? m[2])!);
  return found;
}
