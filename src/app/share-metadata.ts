// Open Graph and Twitter card tags for public pages, with absolute addresses from the site's public
// origin (SITE_URL; src/server/open-data/http.ts siteOrigin). Next.js merges metadata shallowly, so
// every field is given here rather than inherited from the layout.
import type { Metadata } from "next";
import { siteOrigin } from "@/server/http";
import { shareQuery } from "@/components/share-snippets";

export const SITE_NAME = "Roadmap Tracker";
export const SITE_DESCRIPTION = "Independent, always-current record of progress on the UK government's Roadmap for Modern Digital Government.";

export function shareMetadata({
  title,
  description = SITE_DESCRIPTION,
  path,
  image,
}: {
  title: string;
  description?: string;
  /** The page's path with any query that chooses what it shows (as_of, version). */
  path: string;
  /** An image path (1200 × 630 PNG) with its description. */
  image?: { path: string; alt: string };
}): Metadata {
  const origin = siteOrigin();
  const url = `${origin}${path}`;
  const images = image ? [{ url: `${origin}${image.path}`, width: 1200, height: 630, alt: image.alt }] : undefined;
  return {
    alternates: { canonical: url },
    openGraph: { type: "website", locale: "en_GB", siteName: SITE_NAME, title, description, url, images },
    twitter: { card: image ? "summary_large_image" : "summary", title, description, images: images?.map((i) => ({ url: i.url, alt: i.alt })) },
  };
}

/**
 * The share tags of a page that shows the record as it stands, or as of a date or version: its
 * link keeps as_of and version (so a shared card shows what the sharer saw) and nothing else.
 */
export function viewShareMetadata(title: string, path: string, view: Parameters<typeof shareQuery>[0], description?: string): Metadata {
  return shareMetadata({ title, description, path: `${path}${shareQuery(view)}` });
}

type AlternateTypes = NonNullable<NonNullable<Metadata["alternates"]>["types"]>;

/**
 * The metadata with the <link rel="alternate"> of the feeds of one commitment, area or
 * organisation (`path`, its page's path): its Atom feed and, for an area or organisation, its
 * deadline calendar. `types`: other alternates of the page (oEmbed), kept.
 */
export function withFeeds(metadata: Metadata, feeds: { path: string; name: string; calendar: boolean }, types: AlternateTypes = {}): Metadata {
  const base = `${siteOrigin()}${feeds.path}`;
  return {
    ...metadata,
    alternates: {
      ...metadata.alternates,
      types: {
        ...types,
        "application/atom+xml": [{ url: `${base}/changes.atom`, title: `${SITE_NAME}: published changes: ${feeds.name}` }],
        ...(feeds.calendar ? { "text/calendar": [{ url: `${base}/deadlines.ics`, title: `${SITE_NAME}: upcoming deadlines: ${feeds.name}` }] } : {}),
      },
    },
  };
}
