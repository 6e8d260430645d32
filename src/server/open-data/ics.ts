// The iCalendar of upcoming deadlines (/deadlines.ics, ?area= for some areas, and one per area and
// organisation: /areas/<slug>/deadlines.ics…), written by ical-generator: one all-day event on each
// open commitment's due date. The event's UID is fixed per commitment (the same in every calendar
// that holds it) and its SEQUENCE is the number of deadline revisions, so calendars move the event
// when a deadline moves rather than add another.
import ical, { ICalEventTransparency } from "ical-generator";
import type { ApiCommitment } from "../../schemas/api";
import { addDays, formatLongDate } from "../../domain/dates";
import { LICENCE } from "./licence";
import { missedSentence } from "../../domain/wording";
import type { ResolvedScope } from "./feed-scope";

export const ICS_CONTENT_TYPE = "text/calendar; charset=utf-8";

const utcMidnight = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);

const deadlineEventUid = (slug: string) => `deadline-${slug}@roadmap-tracker`;

export type DeadlineCalendarInput = {
  /** What the calendar covers (everything, some areas, one area or organisation). */
  scope: Pick<ResolvedScope, "names" | "feedUrl">;
  /** Open commitments with a due date on or after asOf. */
  commitments: readonly ApiCommitment[];
  asOf: string;
  /** DTSTAMP of every event: when the data last changed, so the file is stable between publications. */
  stamp: Date;
};

export function deadlineCalendar({ scope, commitments, asOf, stamp }: DeadlineCalendarInput): string {
  const about = scope.names.length ? `: ${scope.names.join(", ")}` : "";
  const calendar = ical({
    name: `Roadmap Tracker: upcoming deadlines${about}`,
    description: `Due dates of open commitments in the Roadmap for Modern Digital Government, from Roadmap Tracker. ${LICENCE.name}.`,
    prodId: { company: "Roadmap Tracker", product: "Deadlines", language: "EN" },
    url: scope.feedUrl("deadlines.ics"),
    ttl: 60 * 60,
  });
  for (const c of commitments) {
    const dueDate = c.deadline?.dueDate;
    if (!c.deadline || !dueDate) continue;
    calendar.createEvent({
      id: deadlineEventUid(c.slug),
      sequence: c.revisionsCount,
      stamp,
      allDay: true,
      start: utcMidnight(dueDate),
      end: utcMidnight(addDays(dueDate, 1)),
      summary: `Due: ${c.title} (${c.deadline.label})`,
      description: [
        `Deadline as published: “${c.deadline.label}” (due by ${formatLongDate(dueDate)}).`,
        `Status on ${formatLongDate(asOf)}: ${c.status.label}.`,
        ...c.missedDeadlines.map(missedSentence),
        `Area: ${c.area.title}.`,
        `Lead: ${c.lead.statement}.`,
        c.links.html,
      ]
        .filter(Boolean)
        .join("\n"),
      url: c.links.html,
      categories: [{ name: c.area.title }],
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // RFC 5545 §3.1: every content line ends with CRLF, the last (END:VCALENDAR) too.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
