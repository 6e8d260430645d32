import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SITE_DESCRIPTION, SITE_NAME, shareMetadata } from "./share-metadata";

/** Every page's defaults, with Open Graph and Twitter tags for the site; pages that can be shared set their own (src/app/share-metadata.ts). */
export function generateMetadata(): Metadata {
  return {
    title: { default: SITE_NAME, template: `%s – ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
    ...shareMetadata({ title: SITE_NAME, path: "/" }),
    // The canonical address is each page's own: none is inherited.
    alternates: undefined,
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b0c0c" };

const navigation = [
  { href: "/commitments", label: "Commitments" },
  { href: "/timeline", label: "Timeline" },
  { href: "/missed", label: "Missed deadlines" },
  { href: "/changes", label: "Changes" },
  { href: "/data", label: "Data" },
  { href: "/methodology", label: "Methodology" },
];

// Plain links, not next/link: public pages are server-rendered documents that work the same
// with or without JavaScript, and nothing is prefetched behind the reader's back.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen flex flex-col text-base md:text-lg">
        <a href="#main-content" className="sr-only focus:not-sr-only focus:block focus:p-3 focus:underline">
          Skip to main content
        </a>
        <header className="bg-ink text-white border-b-[10px] border-brand">
          <div className="mx-auto max-w-5xl px-4 py-3 flex flex-wrap items-center gap-x-8 gap-y-2">
            <a href="/" className="text-white visited:text-white hover:text-white font-bold text-xl md:text-2xl no-underline">
              Roadmap Tracker
            </a>
            <nav aria-label="Main">
              <ul className="flex flex-wrap gap-x-5 gap-y-1">
                {navigation.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} className="text-white visited:text-white hover:text-white font-bold">
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <div className="mx-auto w-full max-w-5xl px-4">
          <p className="py-2 border-b border-border text-sm md:text-base">
            <strong className="inline-block bg-brand text-white px-2 py-0.5 mr-2 uppercase tracking-wide font-bold">Beta</strong>A tracker built from
            published sources, edited by GDS and department staff. Every claim links to its source.
          </p>
        </div>
        <main id="main-content" className="mx-auto w-full max-w-5xl px-4 py-8 flex-1" tabIndex={-1}>
          {children}
        </main>
        <div className="mx-auto w-full max-w-5xl px-4">
          <p className="border-t border-border pt-4 mt-4">
            <a href="/report">Is there anything wrong with this page?</a>
          </p>
        </div>
        <footer className="bg-panel border-t border-border mt-8">
          <div className="mx-auto max-w-5xl px-4 py-6 text-sm md:text-base">
            <h2 className="sr-only">Support links</h2>
            <ul className="flex flex-wrap gap-x-6 gap-y-2 mb-4">
              <li>
                <a href="/methodology">Methodology</a>
              </li>
              <li>
                <a href="/data">Open data and API</a>
              </li>
              <li>
                <a href="/changes">Changes</a>
              </li>
              <li>
                <a href="/areas">Areas</a>
              </li>
              <li>
                <a href="/organisations">Organisations</a>
              </li>
              <li>
                <a href="/corrections">Corrections</a>
              </li>
              <li>
                <a href="/about">About</a>
              </li>
              <li>
                <a href="/accessibility">Accessibility statement</a>
              </li>
            </ul>
            <p className="text-secondary-ink">
              All content is available under the{" "}
              <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license noopener noreferrer">
                Open Government Licence v3.0
              </a>
              , except where otherwise stated.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
