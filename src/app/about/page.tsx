import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";
import { InsetText } from "@/components/govuk/inset-text";

export const metadata: Metadata = { title: "About the tracker: who edits it and how evidence is judged" };
// Rendered per request: the Content-Security-Policy nonce (src/proxy.ts) goes on Next.js's scripts.
export const dynamic = "force-dynamic";

// None of the five articles gives the roadmap's own address, and the tracker never invents one:
// the roadmap is reached through the articles that report its launch.
const LAUNCH_ARTICLES = [
  { href: "https://worldcue.news/article/uk-digital-government-roadmap", label: "Global Government Forum, 19 January 2026" },
  {
    href: "https://www.government-transformation.com/transformation/roadmap-for-modern-digital-government-sets-out-tech-led-transformation-to-2030",
    label: "Government Transformation, January 2026",
  },
  { href: "https://www.techuk.org/resource/a-roadmap-for-modern-digital-government.html", label: "techUK, 2026" },
];

export default function AboutPage() {
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <h1 className="text-3xl md:text-5xl font-bold mb-6">About Roadmap Tracker</h1>
      <p className="text-lg md:text-xl mb-6 max-w-3xl">
        Roadmap Tracker follows the commitments in the UK government’s Roadmap for Modern Digital Government (January 2026): what was promised, by
        whom, by when, and what published sources say has happened since.
      </p>
      <p className="mb-4 max-w-3xl">
        The published sources the tracker uses do not give the roadmap’s own web address, so we do not link to it directly. These articles report its
        launch:
      </p>
      <ul className="list-disc pl-6 space-y-1 mb-6 max-w-3xl">
        {LAUNCH_ARTICLES.map((a) => (
          <li key={a.href}>
            <a href={a.href} rel="noopener noreferrer">
              {a.label}
            </a>
          </li>
        ))}
      </ul>

      <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8">Who edits it</h2>
      <p className="mb-4 max-w-3xl">
        The tracker is edited by staff of the Government Digital Service (GDS) and of the departments that own commitments. Editors can only propose
        changes to commitments their organisation owns, and every change is checked by a second editor before it is published.
      </p>
      <InsetText>
        <p>
          It is not independent of government: the people who edit it work for the organisations whose commitments it tracks. What keeps it honest is
          that every fact on it comes from a published source that anyone can read, the rules it applies are published, and its history cannot be
          rewritten.
        </p>
      </InsetText>

      <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8">Editorial policy</h2>
      <ul className="list-disc pl-6 space-y-2 mb-4 max-w-3xl">
        <li>Every fact is stated by a cited, published source, or marked as not stated. Nothing is guessed: not an owner, a date or a status.</li>
        <li>
          An owner is shown with the source that names it. Where no source names a lead organisation, the page says “Lead organisation not named in
          published sources”.
        </li>
        <li>Deadlines are kept exactly as they were published (“this summer”, “by March 2028”), with how precise they are.</li>
        <li>
          Summaries are written in our own words. Names of programmes, services and groups, and short quotations, are kept as published, with the
          source named.
        </li>
        <li>
          History is append-only: a status update or deadline change is never edited or deleted, and a correction is published as a new version and
          listed on <a href="/corrections">Corrections</a>.
        </li>
      </ul>

      <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8">How evidence is judged</h2>
      <ul className="list-disc pl-6 space-y-2 mb-4 max-w-3xl">
        <li>
          Progress is recorded only from a source that reports it at the time, for example a spokesperson’s statement reported in the press. Articles
          about the roadmap’s launch describe plans, never progress.
        </li>
        <li>
          A commitment no source has reported on reads “No progress reported since the roadmap was published”. “Not started” is used only when a
          source says work has not started.
        </li>
        <li>
          Each update keeps three dates: when it happened (as the source words it), when a source confirmed it, and when the tracker published it.
        </li>
        <li>
          Overdue, missed and delivered-late are worked out from dates by published rules, never typed in. See{" "}
          <a href="/methodology">how the tracker works</a>.
        </li>
      </ul>

      <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8">Where the data comes from</h2>
      <p className="mb-4 max-w-3xl">
        The starting data comes from five published articles about the roadmap, audited record by record by two fact-checkers. The data, the sources
        and the audit are open: see <a href="/data">Open data and API</a>.
      </p>
      <p className="mb-4 max-w-3xl">
        If you think something on the tracker is wrong, tell us with the “Is there anything wrong with this page?” link at the bottom of every page.
      </p>
    </>
  );
}
