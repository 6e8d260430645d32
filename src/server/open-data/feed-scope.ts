// What a feed covers (site-wide, or one area, organisation or commitment), checked against the
// database, with how its feeds are named and linked. Shared by the Atom feeds and the calendars.
import { getDb } from "../db";
import { getArea, getOrganisation, listAreas } from "../queries/overview";
import { commitmentExists } from "../queries/commitments";
import { getRemoval } from "../queries/corrections";
import { urlWith } from "./serialise";

/** What a feed covers: the whole tracker (or the areas of ?area=), or one area, organisation or commitment. */
export type FeedScope = { kind: "site"; areas: string[] } | { kind: "area" | "organisation" | "commitment"; slug: string };

/** Calendars are site-wide, per area and per organisation (a commitment has one deadline: its page says it). */
export type CalendarScope = Exclude<FeedScope, { kind: "commitment" }>;

export type FeedFile = "changes.atom" | "deadlines.ics";

/** A scope found in the database: what to read, and how its feeds name and link themselves. */
export type ResolvedScope = {
  filters: { area?: string[]; organisation?: string[]; commitmentSlug?: string };
  /** What the feed is about (none: everything), put after its title: "… published changes: Area title". */
  names: string[];
  /** The HTML page the feed follows. */
  page: string;
  /** A feed file of this scope, absolute. */
  feedUrl: (file: FeedFile) => string;
  /** The feed's name for its id (a UUID made from it): independent of the host. */
  idName: (file: FeedFile) => string;
};

export type FeedBody = { found: true; body: string } | { found: false; gone?: boolean; detail: string };

const DETAIL_PATH = { area: "areas", organisation: "organisations", commitment: "commitments" } as const;

function scoped(origin: string, kind: keyof typeof DETAIL_PATH, slug: string, name: string, filters: ResolvedScope["filters"]): ResolvedScope {
  const base = `/${DETAIL_PATH[kind]}/${encodeURIComponent(slug)}`;
  return {
    filters,
    names: [name],
    page: `${origin}${base}`,
    feedUrl: (file) => `${origin}${base}/${file}`,
    idName: (file) => `${base.slice(1)}/${file}`,
  };
}

/** The scope, or why there is none: an unknown slug (404) or a commitment taken off the tracker (410). */
export async function resolveScope(
  origin: string,
  scope: FeedScope,
  version: number,
): Promise<{ found: true; scope: ResolvedScope } | Extract<FeedBody, { found: false }>> {
  const db = getDb();
  if (scope.kind === "site") {
    const all = await listAreas(db);
    const chosen = all.filter((a) => scope.areas.includes(a.slug));
    const unknown = scope.areas.filter((s) => !all.some((a) => a.slug === s));
    if (unknown.length)
      return {
        found: false,
        detail: `There is no area ${unknown.map((s) => `"${s}"`).join(", ")}. Areas are: ${all.map((a) => a.slug).join(", ")}.`,
      };
    const slugs = chosen.map((a) => a.slug);
    return {
      found: true,
      scope: {
        filters: { area: scope.areas },
        names: chosen.map((a) => a.title),
        page: chosen.length === 1 ? `${origin}/areas/${encodeURIComponent(chosen[0]!.slug)}` : `${origin}/changes`,
        feedUrl: (file) => urlWith(`${origin}/${file}`, { area: slugs }),
        idName: (file) => (slugs.length ? `${file}?area=${[...slugs].sort().join(",")}` : file),
      },
    };
  }
  const { kind, slug } = scope;
  if (kind === "area") {
    const area = await getArea(db, slug);
    if (area) return { found: true, scope: scoped(origin, kind, slug, area.title, { area: [slug] }) };
    return { found: false, detail: `There is no area "${slug}". ${origin}/areas lists them all.` };
  }
  if (kind === "organisation") {
    const organisation = await getOrganisation(db, slug);
    if (organisation) return { found: true, scope: scoped(origin, kind, slug, organisation.name, { organisation: [slug] }) };
    return { found: false, detail: `There is no organisation "${slug}". ${origin}/organisations lists them all.` };
  }
  const commitment = await commitmentExists(db, slug, version);
  if (commitment) return { found: true, scope: scoped(origin, kind, slug, commitment.title, { commitmentSlug: slug }) };
  if (await commitmentExists(db, slug)) return { found: false, detail: `The commitment "${slug}" was not yet on the record at version ${version}.` };
  const removal = await getRemoval(db, slug);
  if (removal)
    return {
      found: false,
      gone: true,
      detail: `The commitment "${slug}" (“${removal.title}”) was removed from the tracker on ${removal.removedOn} because: ${removal.reason} See ${origin}/corrections.`,
    };
  return { found: false, detail: `There is no commitment "${slug}". ${origin}/commitments lists them all.` };
}
