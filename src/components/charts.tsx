// Charts drawn on the server as SVG, with no JavaScript in the browser (d3-scale and d3-shape do
// the arithmetic only). Each is a <figure>: a title, a sentence saying what it shows, the picture
// (role="img", labelled by its title and that sentence), and the same numbers as a table in
// <details>. Following the GOV.UK Analysis Function guidance: direct labels rather than a legend,
// axes from zero, no 3D, one idea per chart; small multiples rather than seven lines in one.
// Colours are the Analysis Function's colour-blind-safe categorical palette, but nothing depends
// on colour alone: each panel is named in words, and lines differ in dash as well, so it holds in
// print. See docs/decisions/0016-charts-and-timeline.md.
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { PUBLIC_STATUS_DEFINITIONS, deliveredCount, statusLabel, type PublicStatusCode } from "../domain/status";
import { isoDateToDayNumber, longDate } from "../domain/dates";
import { monthLabel, monthPoints, shortMonthLabel } from "../domain/glance";
import { plural } from "../domain/wording";
import type { MonthCounts } from "../server/queries/progress-over-time";
import type { TimelineEntry } from "../server/queries/types";
import { Details } from "./govuk/details";
import { DataTable, cellClass, rowHeaderClass } from "./govuk/table";

/** The Analysis Function palette (dark blue, turquoise, dark pink, orange, dark grey, light purple), with a dash for each status. */
const SERIES: Record<PublicStatusCode, { colour: string; dash?: string }> = {
  no_progress_reported: { colour: "#3d3d3d", dash: "6 4" },
  not_started: { colour: "#a285d1", dash: "2 3" },
  in_progress: { colour: "#12436d" },
  at_risk: { colour: "#f46a25", dash: "8 3 2 3" },
  delivered: { colour: "#28a197" },
  delivered_differently: { colour: "#801650", dash: "4 2" },
  dropped: { colour: "#3d3d3d", dash: "1 3" },
};

const WIDTH = 320;
const HEIGHT = 150;
const MARGIN = { top: 12, right: 36, bottom: 28, left: 34 };

/** A nice top for an axis that starts at zero: at least 1, rounded up by d3's ticks. */
function axisTop(max: number): number {
  const top = scaleLinear()
    .domain([0, Math.max(1, max)])
    .nice(4)
    .domain()[1];
  return top ?? 1;
}

/** The scales of a chart over months: one point a month across, counts from zero up. */
function monthScales(months: readonly MonthCounts[], top: number, size: { width: number; height: number; margin: typeof MARGIN }) {
  const { width, height, margin } = size;
  const x = scaleLinear()
    .domain([0, Math.max(1, months.length - 1)])
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([0, top])
    .range([height - margin.bottom, margin.top]);
  const path = (values: number[]) =>
    line<number>()
      .x((_, i) => x(i))
      .y((v) => y(v))(values);
  return { x, y, path };
}

/** One small chart: a count month by month, from zero, labelled at its last point. */
function Panel({
  id,
  label,
  values,
  months,
  top,
  colour,
  dash,
}: {
  id: string;
  label: string;
  values: number[];
  months: MonthCounts[];
  top: number;
  colour: string;
  dash?: string;
}) {
  const { x, y, path: draw } = monthScales(months, top, { width: WIDTH, height: HEIGHT, margin: MARGIN });
  const path = draw(values);
  const last = values.length - 1;
  const first = months[0]!;
  const end = months[last]!;
  const description = `${label}: ${values[last]} on ${longDate(end.on)}${months.length > 1 ? `, ${values[0]} at the end of ${monthLabel(first.month)}` : ""}.`;
  return (
    <div>
      <p id={`${id}-label`} className="font-bold text-base">
        {label}
      </p>
      <p id={`${id}-desc`} hidden>
        {description}
      </p>
      <svg role="img" aria-labelledby={`${id}-desc`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="block w-full h-auto text-ink" fontSize={13}>
        {/* The axis from zero, with its top. */}
        <ValueLines values={[0, top]} left={MARGIN.left} right={WIDTH - MARGIN.right} y={y} />
        <text x={MARGIN.left} y={HEIGHT - 8} fill="#0b0c0c">
          {shortMonthLabel(first.month)}
        </text>
        {months.length > 1 && (
          <text x={WIDTH - MARGIN.right} y={HEIGHT - 8} textAnchor="end" fill="#0b0c0c">
            {shortMonthLabel(end.month)}
          </text>
        )}
        {path && <path d={path} fill="none" stroke={colour} strokeWidth={3} strokeDasharray={dash} strokeLinejoin="round" />}
        <circle cx={x(last)} cy={y(values[last]!)} r={4} fill={colour} stroke="#0b0c0c" strokeWidth={1} />
        {/* Direct label: the latest value beside its point. */}
        <text x={x(last) + 8} y={y(values[last]!)} dominantBaseline="middle" fontWeight="bold" fill="#0b0c0c">
          {values[last]}
        </text>
      </svg>
    </div>
  );
}

/** The table beside a chart: one row a month. */
function MonthTable({
  id,
  caption,
  months,
  columns,
}: {
  id: string;
  caption: string;
  months: MonthCounts[];
  columns: { label: string; value: (m: MonthCounts) => number }[];
}) {
  return (
    <Details summary="Show the numbers as a table">
      <DataTable id={id} caption={caption} head={["Month (read on)", ...columns.map((c) => c.label)]}>
        {months.map((m) => (
          <tr key={m.on}>
            <th scope="row" className={rowHeaderClass}>
              {monthLabel(m.month)} <span className="font-normal">({longDate(m.on)})</span>
            </th>
            {columns.map((c) => (
              <td key={c.label} className={`${cellClass} tabular-nums`}>
                {c.value(m)}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </Details>
  );
}

/** Horizontal value lines, each labelled at its left: the zero line dark, the others light. */
function ValueLines({ values, left, right, y }: { values: readonly number[]; left: number; right: number; y: (v: number) => number }) {
  return values.map((v) => (
    <g key={v}>
      <line x1={left} x2={right} y1={y(v)} y2={y(v)} stroke={v === 0 ? "#0b0c0c" : "#b1b4b6"} strokeWidth={1} />
      <text x={left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle" fill="#0b0c0c">
        {v}
      </text>
    </g>
  ));
}

/** A summary sentence of status over time: where it started, where it is now. */
function statusOverTimeSummary(months: MonthCounts[]): string {
  const end = months.at(-1)!;
  const start = months[0]!;
  const delivered = deliveredCount(end.counts);
  const silent = end.counts.no_progress_reported;
  return (
    `From ${monthLabel(start.month)} to ${longDate(end.on)}, ` +
    (start.total === end.total
      ? `the record held the same ${plural(end.total, "commitment")} throughout; `
      : `the commitments on the record went from ${start.total} to ${end.total}; `) +
    `${plural(delivered, "commitment")} ${delivered === 1 ? "is" : "are"} now delivered (${deliveredCount(start.counts)} at the end of ${monthLabel(start.month)}), and ` +
    `${silent} still ${silent === 1 ? "has" : "have"} no progress reported.`
  );
}

/** Counts by status for every month since the first announcement: one small chart per status, on one scale. */
export function StatusOverTime({ id, months, subject }: { id: string; months: MonthCounts[]; subject: string }) {
  if (months.length === 0) return null;
  const top = axisTop(Math.max(...months.flatMap((m) => PUBLIC_STATUS_DEFINITIONS.map((d) => m.counts[d.code]))));
  return (
    <figure aria-labelledby={`${id}-title`} className="mb-12">
      <figcaption>
        <h2 id={`${id}-title`} className="text-2xl md:text-3xl font-bold mb-2">
          Status over time
        </h2>
        <p id={`${id}-summary`} className="mb-4 max-w-3xl">
          {statusOverTimeSummary(months)}
        </p>
        <p className="text-secondary-ink mb-4 max-w-3xl text-base">
          {subject}, at the end of each month, by the date things happened (an update counts from the last day of the period its source gives). Each
          small chart counts one status, on the same scale from 0 to {top}.
        </p>
      </figcaption>
      <div className="grid grid-cols-1 sm:grid-cols-2 lg:grid-cols-3 gap-x-6 gap-y-4 mb-4">
        {PUBLIC_STATUS_DEFINITIONS.map((d) => (
          <Panel
            key={d.code}
            id={`${id}-${d.code}`}
            label={d.label}
            values={months.map((m) => m.counts[d.code])}
            months={months}
            top={top}
            {...SERIES[d.code]}
          />
        ))}
      </div>
      <MonthTable
        id={`${id}-table`}
        caption={`Status over time: ${subject.toLowerCase()} by status at the end of each month`}
        months={months}
        columns={[
          ...PUBLIC_STATUS_DEFINITIONS.map((d) => ({ label: d.label, value: (m: MonthCounts) => m.counts[d.code] })),
          { label: "Total", value: (m: MonthCounts) => m.total },
        ]}
      />
    </figure>
  );
}

const BURN = { width: 640, height: 260, margin: { top: 16, right: 120, bottom: 32, left: 40 } };

/** "By 21 November 2026, 31 commitments had come due and 9 had been delivered." */
function dueAndDeliveredSummary(months: MonthCounts[]): string {
  const end = months.at(-1)!;
  return `By ${longDate(end.on)}, the deadlines of ${plural(end.due, "commitment")} had come due and ${plural(end.delivered, "commitment")} had been delivered (or delivered differently).`;
}

/**
 * Deadlines due against delivered, cumulative month by month: two lines from zero, each named at
 * its end. A commitment counts as due from the month its deadline in effect then ended.
 */
export function DueAndDelivered({ id, months, subject }: { id: string; months: MonthCounts[]; subject: string }) {
  if (months.length === 0) return null;
  const { width, height, margin } = BURN;
  const top = axisTop(Math.max(...months.map((m) => Math.max(m.due, m.delivered))));
  const { x, y, path } = monthScales(months, top, BURN);
  const ticks = y.ticks(4);
  const series = [
    { key: "due", label: "Due", values: months.map((m) => m.due), colour: "#f46a25", dash: "8 4" },
    { key: "delivered", label: "Delivered", values: months.map((m) => m.delivered), colour: "#12436d", dash: undefined },
  ];
  const last = months.length - 1;
  // Direct labels at the ends, kept apart when the lines end close together.
  const ends = series.map((s) => y(s.values[last]!));
  const [dueY, deliveredY] = ends as [number, number];
  const gap = 16;
  const labelY =
    Math.abs(dueY - deliveredY) >= gap ? ends : dueY <= deliveredY ? [dueY - gap / 2, deliveredY + gap / 2] : [dueY + gap / 2, deliveredY - gap / 2];
  const yearTicks = months
    .map((m, i) => ({ m, i }))
    .filter(({ m }, i) => i === 0 || i === last || m.month.endsWith("-01") || m.month.endsWith("-07"));
  return (
    <figure aria-labelledby={`${id}-title`} className="mb-12">
      <figcaption>
        <h2 id={`${id}-title`} className="text-2xl md:text-3xl font-bold mb-2">
          Deadlines due and commitments delivered
        </h2>
        <p id={`${id}-summary`} className="mb-4 max-w-3xl">
          {dueAndDeliveredSummary(months)}
        </p>
        <p className="text-secondary-ink mb-4 max-w-3xl text-base">
          {subject}, counted up to the end of each month: how many had a deadline (the one in effect then) that had ended, and how many were
          delivered. A commitment with no published deadline never counts as due.
        </p>
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-summary`}
        viewBox={`0 0 ${width} ${height}`}
        className="block w-full h-auto max-w-3xl mb-4"
        fontSize={14}
      >
        <ValueLines values={ticks} left={margin.left} right={width - margin.right} y={y} />
        {yearTicks.map(({ m, i }) => (
          <text key={m.on} x={x(i)} y={height - 10} textAnchor={i === 0 ? "start" : i === last ? "end" : "middle"} fill="#0b0c0c">
            {shortMonthLabel(m.month)}
          </text>
        ))}
        {series.map((s, k) => {
          const d = path(s.values);
          return (
            <g key={s.key}>
              {d && <path d={d} fill="none" stroke={s.colour} strokeWidth={3} strokeDasharray={s.dash} strokeLinejoin="round" />}
              <circle cx={x(last)} cy={y(s.values[last]!)} r={4} fill={s.colour} stroke="#0b0c0c" strokeWidth={1} />
              <text x={x(last) + 10} y={labelY[k]} dominantBaseline="middle" fill="#0b0c0c" fontWeight="bold">
                {s.label}: {s.values[last]}
              </text>
            </g>
          );
        })}
      </svg>
      <MonthTable
        id={`${id}-table`}
        caption={`Deadlines due and commitments delivered, ${subject.toLowerCase()}, counted up to the end of each month`}
        months={months}
        columns={[
          { label: "Due by then", value: (m) => m.due },
          { label: "Delivered by then", value: (m) => m.delivered },
        ]}
      />
    </figure>
  );
}

/** One mark on a commitment's drawn timeline. */
export type CommitmentMark =
  | { kind: "announced"; on: string; label: string }
  | { kind: "deadline"; on: string; label: string; original: boolean }
  | { kind: "happened"; from: string; to: string; label: string }
  | { kind: "confirmed"; from: string; to: string; label: string };

const COLUMNS = { axis: 70, deadline: 84, happened: 100, confirmed: 112, label: 128 };
const WRAP = 22;

/** Splits a label into lines of about WRAP characters, at spaces. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && (last + " " + word).length <= WRAP) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Where a mark's label goes: its own date, pushed down to keep clear of the one above. */
function labelPositions(wanted: number[], heights: number[]): number[] {
  const out: number[] = [];
  for (const [i, y] of wanted.entries()) {
    const above = i > 0 ? out[i - 1]! + heights[i - 1]! + 6 : -Infinity;
    out.push(Math.max(y, above));
  }
  return out;
}

/**
 * A commitment's history drawn down the page (time runs downwards, so it reads on a phone):
 * deadlines as first published (hollow diamond) and as revised (filled), when each reported thing
 * happened (a bar over its period) and when a source confirmed it (a thin bar), with the
 * announcement and the as-of date as lines across. Every mark is named in words beside it.
 */
export function CommitmentChart({ id, marks, asOf, summary }: { id: string; marks: CommitmentMark[]; asOf: string; summary: string }) {
  if (marks.length === 0) return null;
  const dates = marks.flatMap((m) => ("on" in m ? [m.on] : [m.from, m.to])).concat(asOf);
  const first = dates.reduce((a, b) => (a < b ? a : b));
  const last = dates.reduce((a, b) => (a > b ? a : b));
  const dayNumber = isoDateToDayNumber;
  const span = Math.max(1, dayNumber(last) - dayNumber(first));
  const top = 24;
  const length = Math.min(560, Math.max(200, span * 0.6));
  const y = scaleLinear()
    .domain([dayNumber(first), dayNumber(last)])
    .range([top, top + length]);
  const at = (d: string) => y(dayNumber(d));
  const sorted = [...marks].sort((a, b) => ("on" in a ? a.on : a.from).localeCompare("on" in b ? b.on : b.from));
  const lines = sorted.map((m) => wrap(m.label));
  const heights = lines.map((l) => l.length * 16);
  const labelY = labelPositions(
    sorted.map((m) => at("on" in m ? m.on : m.from)),
    heights,
  );
  const height = Math.max(top + length, (labelY.at(-1) ?? 0) + (heights.at(-1) ?? 0)) + 24;
  // Ticks on the first day of a month: every month, or every second, third… so there are at most 8.
  const starts = monthPoints(first, last)
    .map((p) => `${p.month}-01`)
    .filter((d) => d >= first);
  const step = Math.ceil(starts.length / 8);
  const months = starts.filter((_, i) => i % step === 0);
  return (
    <figure aria-labelledby={`${id}-title`} className="mb-8 max-w-md">
      <figcaption>
        <h3 id={`${id}-title`} className="text-xl font-bold mb-2">
          Its timeline, drawn
        </h3>
        <p id={`${id}-summary`} className="mb-4">
          {summary}
        </p>
      </figcaption>
      <svg role="img" aria-labelledby={`${id}-title ${id}-summary`} viewBox={`0 0 320 ${height}`} className="block w-full h-auto mb-4" fontSize={13}>
        <line x1={COLUMNS.axis} x2={COLUMNS.axis} y1={top} y2={top + length} stroke="#0b0c0c" strokeWidth={2} />
        {months.map((d) => (
          <g key={d}>
            <line x1={COLUMNS.axis - 5} x2={COLUMNS.axis} y1={at(d)} y2={at(d)} stroke="#0b0c0c" />
            <text x={COLUMNS.axis - 8} y={at(d)} textAnchor="end" dominantBaseline="middle" fill="#0b0c0c">
              {shortMonthLabel(d.slice(0, 7))}
            </text>
          </g>
        ))}
        <line x1={COLUMNS.axis} x2={316} y1={at(asOf)} y2={at(asOf)} stroke="#0b0c0c" strokeDasharray="2 3" />
        <text x={316} y={at(asOf) - 4} textAnchor="end" fill="#0b0c0c" fontSize={12}>
          As of {longDate(asOf)}
        </text>
        {sorted.map((m, i) => {
          const start = at("on" in m ? m.on : m.from);
          const mark =
            m.kind === "deadline" ? (
              <path
                d={`M ${COLUMNS.deadline} ${start - 6} l 6 6 l -6 6 l -6 -6 z`}
                fill={m.original ? "#ffffff" : "#f46a25"}
                stroke="#0b0c0c"
                strokeWidth={1.5}
              />
            ) : m.kind === "announced" ? (
              <circle cx={COLUMNS.axis} cy={start} r={5} fill="#12436d" stroke="#0b0c0c" />
            ) : (
              <rect
                x={m.kind === "happened" ? COLUMNS.happened - 4 : COLUMNS.confirmed - 2}
                y={start}
                width={m.kind === "happened" ? 8 : 4}
                height={Math.max(3, at(m.to) - start)}
                fill={m.kind === "happened" ? "#28a197" : "#801650"}
                stroke="#0b0c0c"
                strokeWidth={0.5}
              />
            );
          return (
            <g key={i}>
              {mark}
              <line x1={COLUMNS.confirmed + 4} x2={COLUMNS.label - 4} y1={start} y2={labelY[i]! + 4} stroke="#505a5f" strokeWidth={1} />
              <text x={COLUMNS.label} y={labelY[i]! + 8} fill="#0b0c0c">
                {lines[i]!.map((l, k) => (
                  <tspan key={k} x={COLUMNS.label} dy={k === 0 ? 0 : 16}>
                    {l}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
      <Details summary="Show the dates as a table">
        <DataTable id={`${id}-table`} caption="Its timeline: what happened when" head={["What", "When"]}>
          {sorted.map((m, i) => (
            <tr key={i}>
              <th scope="row" className={rowHeaderClass}>
                {m.label}
              </th>
              <td className={cellClass}>
                {"on" in m ? longDate(m.on) : m.from === m.to ? longDate(m.from) : `${longDate(m.from)} to ${longDate(m.to)}`}
              </td>
            </tr>
          ))}
        </DataTable>
      </Details>
    </figure>
  );
}

/** The marks of a commitment's drawn timeline, from its history as the page reads it, and a sentence saying the same. */
export function commitmentMarks(history: readonly TimelineEntry[], announcedOn: string | null): { marks: CommitmentMark[]; summary: string } {
  const marks: CommitmentMark[] = [];
  const words: string[] = [];
  if (announcedOn) {
    marks.push({ kind: "announced", on: announcedOn, label: "Announced" });
    words.push(`Announced on ${longDate(announcedOn)}`);
  }
  const deadlines = history.filter((e) => e.kind === "deadline_revision").sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  for (const d of deadlines) {
    const due = d.dueDate ? `, due ${longDate(d.dueDate)}` : ", with no date";
    words.push(`${d.original ? "first deadline" : `moved on ${longDate(d.date)} to`} “${d.label}”${due}`);
    if (d.dueDate)
      marks.push({
        kind: "deadline",
        on: d.dueDate,
        label: `${d.original ? "Deadline" : "Moved to"} “${d.label}”`,
        original: d.original,
      });
  }
  const updates = history.filter((e) => e.kind === "status_update").sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.id - b.id);
  for (const u of updates) {
    const status = statusLabel(u.status);
    if (u.occurred) marks.push({ kind: "happened", from: u.occurred.from, to: u.occurred.to, label: `${status}: happened ${u.occurred.label}` });
    marks.push({ kind: "confirmed", from: u.confirmed.from, to: u.confirmed.to, label: `${status}: confirmed ${u.confirmed.label}` });
    words.push(
      `${status.toLowerCase()}${u.occurred ? `, happened ${u.occurred.label}` : " (when it happened is not stated)"}, confirmed ${u.confirmed.label}`,
    );
  }
  if (updates.length === 0) words.push("no progress reported");
  return { marks, summary: `${words.join("; ")}.`.replace(/^./, (c) => c.toUpperCase()) };
}
