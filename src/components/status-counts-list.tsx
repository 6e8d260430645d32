import { PUBLIC_STATUS_DEFINITIONS, type PublicStatusCode } from "../domain/status";
import { buildHref, type QueryValues } from "../domain/links";

/** Summary counts as a GOV.UK summary list, each count linking to the filtered list. */
export function StatusCountsList({
  counts,
  overdue,
  baseHref,
  baseParams,
}: {
  counts: Record<PublicStatusCode, number>;
  overdue: number;
  baseHref: string;
  baseParams: QueryValues;
}) {
  return (
    <dl className="mt-6 max-w-xl">
      {PUBLIC_STATUS_DEFINITIONS.map((d) => (
        <div key={d.code} className="flex justify-between border-b border-border py-2">
          <dt>{d.label}</dt>
          <dd className="font-bold tabular-nums">
            {counts[d.code] > 0 ? (
              <a href={buildHref(baseHref, { ...baseParams, status: d.code })}>
                {counts[d.code]}
                <span className="sr-only"> {d.label.toLowerCase()}</span>
              </a>
            ) : (
              0
            )}
          </dd>
        </div>
      ))}
      <div className="flex justify-between border-b border-border py-2">
        <dt className="font-bold">Overdue</dt>
        <dd className="font-bold tabular-nums">
          {overdue > 0 ? (
            <a href={buildHref(baseHref, { ...baseParams, overdue: "true" })}>
              {overdue}
              <span className="sr-only"> overdue</span>
            </a>
          ) : (
            0
          )}
        </dd>
      </div>
    </dl>
  );
}
