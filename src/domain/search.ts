// Finding what people type: the words people use for a thing are often not the words the
// sources use ("artificial intelligence" for AI, "onelogin" for GOV.UK One Login, "tax office"
// for HMRC). The search (PostgreSQL full-text search, src/server/queries/commitments.ts) expands
// every phrase of a synonym group found in the query into "any of the group", and keeps the rest
// of the query as typed. The groups come from the wording of the five source articles
// (seeds/articles/) and the names people commonly use for the same things.
// See docs/decisions/0017-search-synonyms.md.

/**
 * Each group lists phrases that mean the same thing here. A query containing any of them matches
 * a commitment containing any of them. Phrases are matched as whole words, ignoring case.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  [
    "ai",
    "artificial intelligence",
    "machine learning",
    "ml",
    "llm",
    "llms",
    "large language model",
    "large language models",
    "generative ai",
    "genai",
    "gen ai",
    "chatbot",
    "chatbots",
  ],
  [
    "one login",
    "onelogin",
    "gov.uk one login",
    "govuk one login",
    "gov uk one login",
    "sign in",
    "sign-in",
    "log in",
    "login",
    "single sign-on",
    "sso",
  ],
  [
    "digital id",
    "digital ids",
    "digital identity",
    "digital identities",
    "id card",
    "id cards",
    "identity card",
    "identity cards",
    "brit card",
    "britcard",
  ],
  ["digital wallet", "wallet", "gov.uk wallet", "govuk wallet", "credentials"],
  ["api", "apis", "application programming interface", "application programming interfaces", "interoperability"],
  ["hmrc", "hm revenue and customs", "revenue and customs", "tax office", "taxman"],
  ["paye", "pay as you earn"],
  ["self assessment", "self-assessment", "tax return", "tax returns"],
  ["gds", "government digital service"],
  ["dsit", "department for science, innovation and technology", "department for science innovation and technology"],
  ["cyber", "cyber security", "cybersecurity", "information security", "infosec"],
  ["cloud", "cloud computing", "hyperscaler", "hyperscalers"],
  ["legacy", "legacy it", "old systems", "outdated systems", "legacy systems", "technical debt", "tech debt"],
  ["procurement", "buying", "purchasing", "commercial", "tender", "tenders", "contracts"],
  ["council", "councils", "local government", "local authority", "local authorities"],
  ["civil servant", "civil servants", "civil service", "officials"],
  ["inclusion", "digital inclusion", "accessibility", "accessible", "inclusive"],
  ["nhs app", "nhs application"],
  ["gov.uk app", "govuk app", "gov uk app"],
  ["skills", "training", "learning"],
  ["data sharing", "sharing data", "share data"],
];

/** What a query becomes: groups of alternatives that must each match, and the words left as typed. */
export interface ExpandedSearch {
  /** One entry per synonym group found in the query: its phrases, any of which may match. */
  groups: string[][];
  /** The rest of the query, as typed (PostgreSQL's web search syntax: quotes, or, -). */
  rest: string;
}

/** Lower case, with runs of spaces made one. */
const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every phrase of every group, longest first, so "generative ai" is found before "ai". */
const PHRASES: readonly { phrase: string; group: number }[] = SYNONYM_GROUPS.flatMap((g, group) => g.map((phrase) => ({ phrase, group }))).sort(
  (a, b) => b.phrase.length - a.phrase.length,
);

/**
 * Finds the synonym groups a query names and takes their phrases out of it. A query with a
 * double quote (an exact phrase), a minus (a word to leave out) or "or" is left as typed: the
 * person said exactly what they want.
 */
export function expandSearch(q: string): ExpandedSearch {
  let rest = ` ${normalise(q)} `;
  if (/["]|\s-\S|\sor\s/.test(rest)) return { groups: [], rest: q.trim() };
  const found: number[] = [];
  for (const { phrase, group } of PHRASES) {
    const pattern = new RegExp(`(?<=[\\s(])${escape(phrase)}(?=[\\s),.;:!?])`, "g");
    if (!pattern.test(rest)) continue;
    rest = rest.replace(pattern, " ");
    if (!found.includes(group)) found.push(group);
  }
  return { groups: found.map((g) => [...SYNONYM_GROUPS[g]!]), rest: normalise(rest) };
}
