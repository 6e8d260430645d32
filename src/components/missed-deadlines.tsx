import type { MissedDeadlineRef } from "../server/queries/types";
import type { MissedDeadlineItem } from "../server/queries/missed";
import { missedSentence, MISSED_OUTCOME_NAMES } from "../domain/wording";
import { dayRange } from "../domain/wording";
import { windowLabel } from "../domain/occurrence";
import { buildHref, type QueryValues } from "../domain/links";
import { longDate } from "../domain/dates";
import { DataTable, cellClass } from "./govuk/table";
import { ownerNames } from "./commitment-list";

/** Every deadline a commitment missed, each in a sentence: a permanent part of its record. */
export function MissedDeadlineList({ items }: { items: MissedDeadlineRef[] }) {
  return (
    <ul className="list-disc pl-6 space-y-2 mb-8 max-w-3xl" data-missed-deadlines="">
      {items.map((m) => (
        <li key={`${m.dueDate}-${m.label}`}>{missedSentence(m)}</li>
      ))}
    </ul>
  );
}

/** For lists: that an earlier deadline was missed, when the commitment is not overdue now. */
export function MissedNote({ missed, overdue }: { missed: MissedDeadlineRef[]; overdue: boolean }) {
  const earlier = missed.filter((m) => m.outcome !== "overdue");
  if (earlier.length === 0 || overdue) return null;
  return (
    <span className="font-bold border-l-4 border-bar-orange pl-2" data-missed="">
      Missed {earlier.length === 1 ? `its deadline of “${earlier[0]!.label}”` : `${earlier.length} deadlines`}
    </span>
  );
}

function followed(m: MissedDeadlineRef): string {
  switch (m.outcome) {
    case "moved":
      return `Moved to “${m.movedTo?.label ?? ""}” on ${longDate(m.outcomeOn)}`;
    case "delivered_late":
      return `Delivered ${m.delivery ? `in ${windowLabel(m.delivery)}` : `on ${longDate(m.outcomeOn)}`}`;
    case "dropped":
      return `Dropped on ${longDate(m.outcomeOn)}`;
    default:
      return MISSED_OUTCOME_NAMES.overdue;
  }
}

/** One group of /missed: the deadline missed, what followed and by how much, most first. */
export function MissedTable({
  id,
  caption,
  items,
  linkParams,
}: {
  id: string;
  caption: string;
  items: MissedDeadlineItem[];
  linkParams: QueryValues;
}) {
  return (
    <DataTable id={id} caption={caption} captionHidden head={["Commitment", "Deadline missed", "What followed", "Missed by"]}>
      {items.map(({ commitment: c, missed: m }) => (
        <tr key={`${c.slug}-${m.dueDate}-${m.label}`}>
          <td className={cellClass}>
            <a href={buildHref(`/commitments/${c.slug}`, linkParams)} className="font-bold">
              {c.title}
            </a>
            <span className="block text-secondary-ink mt-1">{c.area.title}</span>
            <span className="block text-secondary-ink">Lead: {ownerNames(c.owners, true)}</span>
          </td>
          <td className={cellClass}>
            “{m.label}”<span className="block text-secondary-ink">due {longDate(m.dueDate)}</span>
          </td>
          <td className={cellClass}>{followed(m)}</td>
          <td className={`${cellClass} font-bold text-right tabular-nums whitespace-nowrap`}>{dayRange(m.daysMissedBy, m.daysMissedByMax)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
