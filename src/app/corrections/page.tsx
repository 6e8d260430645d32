import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";
import { InsetText } from "@/components/govuk/inset-text";
import { loadCorrectionsPage } from "@/server/public-pages";
import { formatDateTime, longDate } from "@/domain/dates";

export const metadata: Metadata = { title: "Corrections: every correction made to the tracker" };
export const dynamic = "force-dynamic";

export default async function CorrectionsPage() {
  const { corrections, removals, fromReaders } = await loadCorrectionsPage();
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Corrections</h1>
      <p className="text-lg md:text-xl mb-6 max-w-3xl">
        Every correction made to the tracker’s public record: what changed and when. Nothing is rewritten in place: a correction is published as a new
        version, and earlier versions stay readable.
      </p>

      <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8" id="reported">
        Corrections from readers’ reports
      </h2>
      {fromReaders.length === 0 ? (
        <p className="mb-6">No reader’s report has led to a correction yet.</p>
      ) : (
        <ul className="border-t border-border mb-8">
          {fromReaders.map((r) => (
            <li key={r.id} className="border-b border-border py-4" data-reader-correction="">
              <p className="text-secondary-ink text-base mb-1">
                Accepted on {formatDateTime(r.acceptedOn)}, about <a href={r.pagePath}>{r.pagePath}</a>
              </p>
              <p>{r.correction}</p>
            </li>
          ))}
        </ul>
      )}

      <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8" id="removed">
        Commitments removed from the tracker
      </h2>
      {removals.length === 0 ? (
        <p className="mb-6">No commitment has been removed.</p>
      ) : (
        <ul className="border-t border-border mb-8">
          {removals.map((r) => (
            <li key={r.slug} className="border-b border-border py-4" id={`removed-${r.slug}`}>
              <h3 className="text-lg md:text-xl font-bold mb-2">{r.title}</h3>
              <p className="mb-1">
                Removed on {longDate(r.removedOn)}. {r.reason}
              </p>
              <p className="text-secondary-ink text-base">
                Its address, <code>/commitments/{r.slug}</code>, now says it was removed.
              </p>
            </li>
          ))}
        </ul>
      )}

      <h2 className="text-2xl md:text-3xl font-bold mb-4 mt-8" id="corrected">
        Records corrected
      </h2>
      {corrections.length === 0 ? (
        <p className="mb-6">No record has been corrected.</p>
      ) : (
        <>
          <InsetText>
            <p>The re-audit of December 2026 checked every record against the five published articles it comes from.</p>
          </InsetText>
          <ul className="border-t border-border mb-8">
            {corrections.map((c) => (
              <li key={`${c.slug}-${c.correctedOn}`} className="border-b border-border py-4">
                <h3 className="text-lg md:text-xl font-bold mb-2">
                  {c.title ? <a href={`/commitments/${c.slug}`}>{c.title}</a> : <code>{c.slug}</code>}
                </h3>
                <p className="text-secondary-ink text-base mb-1">Corrected on {longDate(c.correctedOn)}</p>
                <ul className="list-disc pl-6 space-y-1">
                  {c.what.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
