import { PUBLIC_STATUS_DEFINITIONS, deliveredCount, type PublicStatusCode, type PublicStatusDefinition, type StatusTone } from "../domain/status";
import { percent, plural } from "../domain/wording";

/** Bar order: done first, then work under way, then not started, then nothing reported. */
const BAR_ORDER: PublicStatusCode[] = [
  "delivered",
  "delivered_differently",
  "in_progress",
  "at_risk",
  "not_started",
  "no_progress_reported",
  "dropped",
];

/** The fill of each status tone, as a background (the bars, the timeline's marks). */
export const BAR_CLASSES: Record<StatusTone, string> = {
  grey: "bg-bar-grey",
  blue: "bg-bar-blue",
  orange: "bg-bar-orange",
  green: "bg-bar-green",
  turquoise: "bg-bar-turquoise",
  red: "bg-bar-red",
};

const FILL_CLASSES: Record<StatusTone, string> = {
  grey: "fill-bar-grey",
  blue: "fill-bar-blue",
  orange: "fill-bar-orange",
  green: "fill-bar-green",
  turquoise: "fill-bar-turquoise",
  red: "fill-bar-red",
};

function segments(defs: PublicStatusDefinition[], counts: Record<PublicStatusCode, number>) {
  let x = 0;
  return defs
    .filter((d) => counts[d.code] > 0)
    .map((d) => {
      const segment = { code: d.code, tone: d.tone, x, width: counts[d.code] };
      x += counts[d.code];
      return segment;
    });
}

/**
 * A stacked bar of statuses with its text equivalent right below it. The bar is decoration for
 * sighted readers (aria-hidden); the list says the same in words, so colour is never the only cue.
 */
export function ProgressBar({
  counts,
  total,
  overdue,
  label,
}: {
  counts: Record<PublicStatusCode, number>;
  total: number;
  overdue: number;
  label: string;
}) {
  const delivered = deliveredCount(counts);
  const defs = BAR_ORDER.map((code) => PUBLIC_STATUS_DEFINITIONS.find((d) => d.code === code)!);
  return (
    <div>
      <p className="font-bold mb-2">
        {delivered} of {plural(total, "commitment")} delivered ({percent(delivered, total)}%)
        {overdue > 0 ? `, ${overdue} overdue` : ""}
      </p>
      {/* SVG geometry (attributes, not inline styles), so a strict Content-Security-Policy cannot break it. */}
      <svg
        aria-hidden="true"
        focusable="false"
        className="block h-6 w-full border-2 border-ink bg-white mb-2"
        viewBox={`0 0 ${Math.max(total, 1)} 1`}
        preserveAspectRatio="none"
      >
        {segments(defs, counts).map(({ code, tone, x, width }) => (
          <rect
            key={code}
            x={x}
            y={0}
            width={width}
            height={1}
            className={FILL_CLASSES[tone]}
            stroke="#fff"
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm md:text-base" aria-label={`${label}: commitments by status`}>
        {defs
          .filter((d) => counts[d.code] > 0)
          .map((d) => (
            <li key={d.code} className="flex items-center gap-1.5">
              <span aria-hidden="true" className={`inline-block w-3.5 h-3.5 border border-ink ${BAR_CLASSES[d.tone]}`} />
              {counts[d.code]} {d.label.toLowerCase()}
            </li>
          ))}
      </ul>
    </div>
  );
}
