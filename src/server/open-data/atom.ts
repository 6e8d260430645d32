// The Atom 1.0 feeds of published changes (/changes.atom, ?area= for some areas, and one per area,
// organisation and commitment: /areas/<slug>/changes.atom…), written by the `feed` library. One
// entry per change; entry ids are name-based UUIDs of the change id, so they never change, do
// not depend on the host name, and are the same in every feed that holds the change (a reader
// following two feeds sees it once). Each entry links to the commitment's page, and its content
// to the citable version of that page as the change was published (docs/decisions/0019).
import { Feed } from "feed";
import type { ApiChange } from "../../schemas/api";
import type { WordingChange } from "../queries/wording";
import { formatLongDate } from "../../domain/dates";
import { escapeHtml } from "./html";
import { urnUuid } from "./ids";
import { LICENCE } from "./licence";
import { maxIsoDate, todayIso } from "../../domain/dates";
import type { ResolvedScope } from "./feed-scope";

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";
/** The newest changes in the feed; the full log is at /changes and /api/v1/changes. */
export const FEED_ENTRY_LIMIT = 100;

export const changeEntryId = (changeId: string) => urnUuid(`change/${changeId}`);

/**
 * The commitment's page exactly as the tracker published it with the change (its version), on
 * the day the change was published or took effect, whichever is later: a link that always shows
 * the same, to cite.
 */
function citableUrl(origin: string, slug: string, version: number, publishedAt: string, inEffectOn?: string): string {
  const day = todayIso(new Date(publishedAt));
  const asOf = inEffectOn ? maxIsoDate(day, inEffectOn) : day;
  return `${origin}/commitments/${encodeURIComponent(slug)}?version=${version}&as_of=${asOf}`;
}

const cite = (href: string) =>
  `<p>Cite this: <a href="${escapeHtml(href)}">the commitment’s page as published with this change</a> (this link always shows the same).</p>`;

function entryTitle(change: ApiChange): string {
  if (change.kind === "status_update") return `${change.commitment.title}: ${change.status.label}`;
  return change.original
    ? `${change.commitment.title}: deadline published as “${change.label}”`
    : `${change.commitment.title}: deadline moved to “${change.label}”`;
}

function entryContent(change: ApiChange, origin: string): string {
  const p = (html: string) => `<p>${html}</p>`;
  const source = change.source
    ? p(
        `Source: <a href="${escapeHtml(change.source.url)}">${escapeHtml(change.source.title)}</a>, ${escapeHtml(change.source.publisher)}, published ${escapeHtml(change.source.publishedLabel ?? formatLongDate(change.source.publishedOn))}.`,
      )
    : "";
  const recorded =
    p(`Published by the tracker at ${escapeHtml(change.publishedAt)}, record version ${change.version}.`) +
    cite(citableUrl(origin, change.commitment.slug, change.version, change.publishedAt, change.date));
  if (change.kind === "status_update") {
    const happened = change.occurred ? `Happened: ${escapeHtml(change.occurred.label)}.` : "When it happened: not stated by the source.";
    return [
      p(
        `Status: <strong>${escapeHtml(change.status.label)}</strong>, confirmed ${escapeHtml(change.confirmed.label)}. ${happened} In effect from ${formatLongDate(change.effectiveOn)}.`,
      ),
      p(escapeHtml(change.note)),
      source,
      recorded,
    ].join("");
  }
  const due = (d: string | null) => (d ? ` (due ${formatLongDate(d)})` : "");
  const moved = change.previous
    ? `Deadline moved from “${escapeHtml(change.previous.label)}”${due(change.previous.dueDate)} to `
    : "Deadline published as ";
  const slip = change.slipDays ? ` The due date moved ${Math.abs(change.slipDays)} days ${change.slipDays > 0 ? "later" : "earlier"}.` : "";
  return [
    p(`${moved}“${escapeHtml(change.label)}”${due(change.dueDate)}, from ${formatLongDate(change.date)}.${slip}`),
    change.reason ? p(`Reason: ${escapeHtml(change.reason)}`) : "",
    source,
    recorded,
  ].join("");
}

export type ChangesFeedInput = {
  origin: string;
  /** What the feed covers (everything, some areas, one area, organisation or commitment). */
  scope: Pick<ResolvedScope, "names" | "page" | "feedUrl" | "idName">;
  changes: readonly ApiChange[];
  /** Published changes of commitments' wording (title, summary), newest first. */
  wordingChanges?: readonly WordingChange[];
  /** When anything in the feed last changed; stable between publications so the ETag is too. */
  updated: Date;
};

function wordingContent(change: WordingChange, origin: string): string {
  const p = (html: string) => `<p>${html}</p>`;
  return [
    change.title ? p(`Title changed from “${escapeHtml(change.title.before)}” to “${escapeHtml(change.title.after)}”.`) : "",
    change.summary ? p(`Summary changed. Earlier summary: “${escapeHtml(change.summary.before)}”`) : "",
    change.reason ? p(`Reason: ${escapeHtml(change.reason)}`) : "",
    change.source
      ? p(`Source: <a href="${escapeHtml(change.source.url)}">${escapeHtml(change.source.title)}</a>, ${escapeHtml(change.source.publisher)}.`)
      : "",
    p(`Published by the tracker at ${escapeHtml(change.publishedAt)}, record version ${change.version}.`),
    cite(citableUrl(origin, change.commitment.slug, change.version, change.publishedAt)),
  ].join("");
}

export function changesFeed({ origin, scope, changes, wordingChanges = [], updated }: ChangesFeedInput): string {
  const about = scope.names.length ? `: ${scope.names.join(", ")}` : "";
  const feed = new Feed({
    id: urnUuid(scope.idName("changes.atom")),
    title: `Roadmap Tracker: published changes${about}`,
    description: "Every status update, deadline revision and change of wording published by Roadmap Tracker.",
    link: scope.page,
    feedLinks: { atom: scope.feedUrl("changes.atom") },
    updated,
    language: "en-GB",
    author: { name: "Roadmap Tracker", link: `${origin}/` },
    copyright: `${LICENCE.name}: ${LICENCE.url}`,
    generator: "Roadmap Tracker",
  });
  for (const change of changes) {
    const published = new Date(change.publishedAt);
    feed.addItem({
      id: changeEntryId(change.id),
      title: escapeHtml(entryTitle(change)),
      link: change.commitment.links.html,
      date: published,
      published,
      content: entryContent(change, origin),
      category: [
        { term: change.commitment.area.slug, name: change.commitment.area.title, scheme: `${origin}/areas/` },
        {
          term: change.kind === "status_update" ? `status:${change.status.code}` : "deadline",
          name: change.kind === "status_update" ? change.status.label : "Deadline",
        },
      ],
    });
  }
  for (const change of wordingChanges) {
    const published = new Date(change.publishedAt);
    feed.addItem({
      id: urnUuid(`wording/${change.id}`),
      title: escapeHtml(`${change.commitment.title}: wording changed`),
      link: `${origin}/commitments/${encodeURIComponent(change.commitment.slug)}#wording-changes`,
      date: published,
      published,
      content: wordingContent(change, origin),
      category: [
        { term: change.commitment.area.slug, name: change.commitment.area.title, scheme: `${origin}/areas/` },
        { term: "wording", name: "Wording" },
      ],
    });
  }
  return feed.atom1();
}
