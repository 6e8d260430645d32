// The Atom 1.0 feed of published changes (/changes.atom, and ?area= for one area), written by
// the `feed` library. One entry per change; entry ids are name-based UUIDs of the change id, so
// they never change and do not depend on the host name.
import { Feed } from "feed";
import type { ApiChange } from "../../schemas/api";
import type { WordingChange } from "../queries/wording";
import { formatLongDate } from "../../domain/dates";
import { escapeHtml } from "./html";
import { urnUuid } from "./ids";
import { LICENCE } from "./licence";
import { urlWith } from "./serialise";

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";
/** The newest changes in the feed; the full log is at /changes and /api/v1/changes. */
export const FEED_ENTRY_LIMIT = 100;

export const changeEntryId = (changeId: string) => urnUuid(`change/${changeId}`);
const feedId = (areaSlugs: readonly string[]) => urnUuid(areaSlugs.length ? `changes.atom?area=${[...areaSlugs].sort().join(",")}` : "changes.atom");

function entryTitle(change: ApiChange): string {
  if (change.kind === "status_update") return `${change.commitment.title}: ${change.status.label}`;
  return change.original
    ? `${change.commitment.title}: deadline published as “${change.label}”`
    : `${change.commitment.title}: deadline moved to “${change.label}”`;
}

function entryContent(change: ApiChange): string {
  const p = (html: string) => `<p>${html}</p>`;
  const source = change.source
    ? p(
        `Source: <a href="${escapeHtml(change.source.url)}">${escapeHtml(change.source.title)}</a>, ${escapeHtml(change.source.publisher)}, published ${escapeHtml(change.source.publishedLabel ?? formatLongDate(change.source.publishedOn))}.`,
      )
    : "";
  const recorded = p(`Published by the tracker at ${escapeHtml(change.publishedAt)}, record version ${change.version}.`);
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
  /** The areas the feed is limited to (empty: every area). */
  areas: readonly { slug: string; title: string }[];
  changes: readonly ApiChange[];
  /** Published changes of commitments' wording (title, summary), newest first. */
  wordingChanges?: readonly WordingChange[];
  /** When anything in the feed last changed; stable between publications so the ETag is too. */
  updated: Date;
};

function wordingContent(change: WordingChange): string {
  const p = (html: string) => `<p>${html}</p>`;
  return [
    change.title ? p(`Title changed from “${escapeHtml(change.title.before)}” to “${escapeHtml(change.title.after)}”.`) : "",
    change.summary ? p(`Summary changed. Earlier summary: “${escapeHtml(change.summary.before)}”`) : "",
    change.reason ? p(`Reason: ${escapeHtml(change.reason)}`) : "",
    change.source
      ? p(`Source: <a href="${escapeHtml(change.source.url)}">${escapeHtml(change.source.title)}</a>, ${escapeHtml(change.source.publisher)}.`)
      : "",
    p(`Published by the tracker at ${escapeHtml(change.publishedAt)}, record version ${change.version}.`),
  ].join("");
}

export function changesFeed({ origin, areas, changes, wordingChanges = [], updated }: ChangesFeedInput): string {
  const areaSlugs = areas.map((a) => a.slug);
  const scope = areas.length ? `: ${areas.map((a) => a.title).join(", ")}` : "";
  const feed = new Feed({
    id: feedId(areaSlugs),
    title: `Roadmap Tracker: published changes${scope}`,
    description: "Every status update, deadline revision and change of wording published by Roadmap Tracker.",
    link: areas.length === 1 ? `${origin}/areas/${encodeURIComponent(areas[0]!.slug)}` : `${origin}/changes`,
    feedLinks: { atom: urlWith(`${origin}/changes.atom`, { area: areaSlugs }) },
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
      content: entryContent(change),
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
      content: wordingContent(change),
      category: [
        { term: change.commitment.area.slug, name: change.commitment.area.title, scheme: `${origin}/areas/` },
        { term: "wording", name: "Wording" },
      ],
    });
  }
  return feed.atom1();
}
