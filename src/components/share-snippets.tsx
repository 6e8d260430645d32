import { Details } from "./govuk/details";
import { embedIframe } from "../server/share/oembed";
import { escapeXml } from "../server/share/markup";

/** ?as_of=…&version=… as the reader chose them, so a shared card shows what the page shows. */
export function shareQuery(view: { asOf: string; asOfGiven: boolean; record: { pinned: boolean; version: number } }): string {
  const q = new URLSearchParams();
  if (view.asOfGiven) q.set("as_of", view.asOf);
  if (view.record.pinned) q.set("version", String(view.record.version));
  return q.size ? `?${q}` : "";
}

function Snippet({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-bold mb-1">
        {label}
      </label>
      <textarea id={id} readOnly rows={3} defaultValue={value} className="block w-full p-2 border-2 border-ink font-mono text-sm" />
    </div>
  );
}

/**
 * "Share or embed this commitment": copy-paste snippets that work without JavaScript (a
 * <details> with read-only boxes): the live status card to put in an article, the status badge,
 * and a link. A card or badge for a chosen version (?version=) never changes.
 */
export function ShareSnippets({ origin, slug, query, title }: { origin: string; slug: string; query: string; title: string }) {
  const page = `${origin}/commitments/${slug}${query}`;
  const badge = `${origin}/commitments/${slug}/badge.svg${query}`;
  return (
    <section aria-labelledby="share-heading" className="no-print mt-10">
      <h2 id="share-heading" className="text-2xl md:text-3xl font-bold mb-4">
        Share or embed this commitment
      </h2>
      <Details summary="Copy a status card, a badge or a link">
        <p className="mb-4">
          The card and the badge show the status as it is now, and change when it does
          {query.includes("version=") ? "; these are for the version you are looking at, and never change" : ""}. Paste one into a web page or an
          article.
        </p>
        <Snippet id="share-embed" label="Status card (HTML)" value={embedIframe(origin, slug, query, title)} />
        <Snippet id="share-badge-markdown" label="Status badge (Markdown)" value={`[![Roadmap Tracker: ${title}](${badge})](${page})`} />
        <Snippet
          id="share-badge-html"
          label="Status badge (HTML)"
          value={`<a href="${escapeXml(page)}"><img src="${escapeXml(badge)}" alt="${escapeXml(`Roadmap Tracker: ${title}`)}"></a>`}
        />
        <Snippet id="share-link" label="Link" value={page} />
      </Details>
    </section>
  );
}
