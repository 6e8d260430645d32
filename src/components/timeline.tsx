import type { ReactNode } from "react";
import type { ChangeEntry, TimelineEntry } from "../server/queries/types";
import { longDate } from "../domain/dates";
import { days } from "../domain/wording";
import { buildHref, type QueryValues } from "../domain/links";
import { StatusTag } from "./govuk/tag";
import { SourceLink } from "./govuk/source-link";
import { StatusDates, datedText } from "./status-dates";

/** dateLabel, when given, is shown instead of the day: a date known only to a month is not a day. */
export type TimelineItem = { key: string; heading: ReactNode; date: string; dateLabel?: string; body: ReactNode };

/** A vertical timeline (MoJ/GOV.UK pattern): newest first, each event with its date and source. */
export function Timeline({ items, headingLevel = 3 }: { items: TimelineItem[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className="border-l-4 border-brand ml-2 mb-8">
      {items.map((item) => (
        <li key={item.key} className="relative pl-6 pb-8 last:pb-2">
          <span aria-hidden="true" className="absolute -left-[12px] top-3 block w-5 h-1 bg-brand" />
          <Heading className="text-lg md:text-xl font-bold mb-1">{item.heading}</Heading>
          <p className="text-secondary-ink mb-2">
            <time dateTime={item.date}>{item.dateLabel ?? longDate(item.date)}</time>
          </p>
          <div className="space-y-2">{item.body}</div>
        </li>
      ))}
    </ol>
  );
}

const dueText = (label: string, dueDate: string | null) => (dueDate ? `“${label}” (due ${longDate(dueDate)})` : `“${label}” (no due date)`);

export function slipText(slipDays: number | null): string | null {
  if (slipDays === null) return null;
  if (slipDays > 0) return `${days(slipDays)} later`;
  if (slipDays < 0) return `${days(-slipDays)} earlier`;
  return "same due date";
}

/** What one entry says, for a commitment's own history. */
function entryHeading(entry: TimelineEntry): ReactNode {
  if (entry.kind === "status_update") {
    return (
      <>
        Status: <StatusTag code={entry.status} className="text-base align-middle" />
      </>
    );
  }
  if (entry.original) return "Deadline first published";
  return "Deadline moved";
}

function entryBody(entry: TimelineEntry): ReactNode {
  if (entry.kind === "status_update") {
    return (
      <>
        <p>{entry.note}</p>
        <StatusDates
          occurred={entry.occurred}
          confirmed={entry.confirmed}
          publishedAt={entry.publishedAt}
          version={entry.version}
          effectiveOn={entry.effectiveOn}
        />
        <SourceLink source={entry.source} label="Evidence" />
      </>
    );
  }
  const slip = slipText(entry.slipDays);
  return (
    <>
      {entry.original || !entry.previous ? (
        <p>Deadline as published: {dueText(entry.label, entry.dueDate)}.</p>
      ) : (
        <p>
          From {dueText(entry.previous.label, entry.previous.dueDate)} to {dueText(entry.label, entry.dueDate)}
          {slip ? `: ${slip}` : ""}.
        </p>
      )}
      {entry.reason && <p>Reason: {entry.reason}</p>}
      {entry.source ? <SourceLink source={entry.source} /> : <p className="text-secondary-ink">No source recorded.</p>}
    </>
  );
}

/** When an entry happened, as precisely as it is known: "March 2026", or "confirmed June 2026". */
function entryDateLabel(entry: TimelineEntry): string | undefined {
  if (entry.kind !== "status_update") return undefined;
  return entry.occurred ? datedText(entry.occurred) : `Confirmed ${datedText(entry.confirmed)}`;
}

export function commitmentTimelineItems(entries: TimelineEntry[]): TimelineItem[] {
  return entries.map((e) => ({ key: `${e.kind}-${e.id}`, heading: entryHeading(e), date: e.date, dateLabel: entryDateLabel(e), body: entryBody(e) }));
}

/** The public log: each change with a link to its commitment. */
export function ChangeList({ items, linkParams = {}, headingLevel = 3 }: { items: ChangeEntry[]; linkParams?: QueryValues; headingLevel?: 2 | 3 }) {
  return (
    <Timeline
      headingLevel={headingLevel}
      items={items.map((e) => ({
        key: `${e.kind}-${e.id}`,
        date: e.date,
        dateLabel: entryDateLabel(e),
        heading: <a href={buildHref(`/commitments/${e.commitment.slug}`, linkParams)}>{e.commitment.title}</a>,
        body: (
          <>
            <p className="font-bold">
              {e.kind === "status_update" ? (
                <>
                  Status update: <StatusTag code={e.status} />
                </>
              ) : e.original ? (
                "Deadline first published"
              ) : (
                "Deadline moved"
              )}
            </p>
            {entryBody(e)}
            <p className="text-secondary-ink text-base">Area: {e.commitment.area.title}</p>
          </>
        ),
      }))}
    />
  );
}
