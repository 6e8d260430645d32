// "Wording changed on …": each published change of a commitment's title or summary, with the
// earlier text and why it changed (issue 12: the original promise text is never lost).
import type { WordingChange } from "../server/queries/wording";
import { formatLongDate } from "../domain/dates";
import { SourceLink } from "./govuk/source-link";

/** On a commitment's page, its own changes; on /changes (`linkTo`), each with a link to its commitment. */
export function WordingChanges({ changes, linkTo }: { changes: readonly WordingChange[]; linkTo?: (slug: string) => string }) {
  if (!changes.length) return null;
  return (
    <section id="wording-changes" aria-labelledby="wording-changes-heading" className="mb-8 max-w-3xl">
      <h2 id="wording-changes-heading" className="text-2xl md:text-3xl font-bold mb-4">
        Changes to the wording
      </h2>
      <ul className="list-none p-0 m-0">
        {changes.map((c) => (
          <li key={c.id} className="border-l-4 border-border pl-4 mb-6">
            {linkTo && (
              <p className="mb-1">
                <a href={linkTo(c.commitment.slug)}>{c.commitment.title}</a>
              </p>
            )}
            <p className="font-bold mb-2">Wording changed on {formatLongDate(c.publishedAt.slice(0, 10))}</p>
            {c.title && (
              <p className="mb-2">
                Earlier title: <q>{c.title.before}</q>
              </p>
            )}
            {c.summary && (
              <p className="mb-2 whitespace-pre-wrap">
                Earlier summary: <q>{c.summary.before}</q>
              </p>
            )}
            <p className="mb-2">Why: {c.reason ?? "No reason was recorded (changed before the tracker kept reasons)."}</p>
            {c.source && (
              <p className="mb-2">
                Source: <SourceLink source={c.source} />
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
