import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Roadmap Tracker", template: "%s – Roadmap Tracker" },
  description: "Independent, always-current record of progress on the UK government's Roadmap for Modern Digital Government.",
};

const navigation = [
  { href: "/commitments", label: "Commitments" },
  { href: "/missed", label: "Missed deadlines" },
  { href: "/changes", label: "Changes" },
  { href: "/data", label: "Data" },
  { href: "/methodology", label: "Methodology" },
];

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen flex flex-col text-base md:text-lg">
        <a href="#main-content" className="sr-only focus:not-sr-only focus:block focus:p-2 focus:bg-[var(--color-focus)] focus:text-ink">
          Skip to main content
        </a>
        <header className="bg-ink text-white border-b-8 border-brand">
          <div className="mx-auto max-w-5xl px-4 py-3 flex flex-wrap items-center gap-x-8 gap-y-2">
            <Link href="/" className="text-white! visited:text-white font-bold text-xl no-underline">
              Roadmap Tracker
            </Link>
            <nav aria-label="Main">
              <ul className="flex flex-wrap gap-x-5 gap-y-1">
                {navigation.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} className="text-white! visited:text-white font-bold">
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <div className="mx-auto w-full max-w-5xl px-4">
          <p className="py-2 border-b border-border text-sm">
            <strong className="inline-block bg-brand text-white px-2 py-0.5 mr-2 uppercase tracking-wide">Beta</strong>
            An independent tracker built from published sources. Every claim links to its source.
          </p>
        </div>
        <main id="main-content" className="mx-auto w-full max-w-5xl px-4 py-8 flex-1" tabIndex={-1}>
          {children}
        </main>
        <footer className="bg-panel border-t border-border mt-8">
          <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-secondary-ink">
            <p>Data available under the Open Government Licence v3.0. See <Link href="/data">open data</Link> and <Link href="/methodology">methodology</Link>.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
