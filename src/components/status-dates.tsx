import type { DatedRef } from "../server/queries/types";
import { normaliseDeadlineLabel } from "../domain/deadline";
import { windowLabel } from "../domain/occurrence";
import { longDate } from "../domain/dates";

/** A date as the source words it, with the period it means when the words leave the year out: "in March (March 2026)". */
export function datedText(d: DatedRef): string {
  const period = windowLabel({ from: d.from, to: d.to });
  return normaliseDeadlineLabel(d.label) === normaliseDeadlineLabel(period) ? d.label : `${d.label} (${period})`;
}

/** When the tracker published something: "2 December 2026, version 3". */
export function publishedText(publishedAt: string, version: number | null): string {
  const day = new Date(publishedAt).toLocaleDateString("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" });
  return version === null ? day : `${day}, version ${version}`;
}

/**
 * The three dates of a status update, never mixed: when it happened (or that no source says),
 * when a source confirmed it, and when the tracker published it.
 */
export function StatusDates({
  occurred,
  confirmed,
  publishedAt,
  version,
  effectiveOn,
}: {
  occurred: DatedRef | null;
  confirmed: DatedRef;
  publishedAt: string | null;
  version: number | null;
  effectiveOn: string | null;
}) {
  return (
    <dl className="text-base grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5" data-status-dates="">
      <dt className="text-secondary-ink">Happened</dt>
      <dd data-occurred={occurred ? occurred.label : ""}>
        {occurred ? datedText(occurred) : <>Not stated by the source: the confirmation date stands in</>}
      </dd>
      <dt className="text-secondary-ink">Confirmed</dt>
      <dd data-confirmed={confirmed.label}>{datedText(confirmed)}</dd>
      {publishedAt && (
        <>
          <dt className="text-secondary-ink">Published by the tracker</dt>
          <dd>{publishedText(publishedAt, version)}</dd>
        </>
      )}
      {effectiveOn && (
        <>
          <dt className="text-secondary-ink">Counts from</dt>
          <dd>{longDate(effectiveOn)}</dd>
        </>
      )}
    </dl>
  );
}
