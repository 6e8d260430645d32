import { isClosedStatus, isDeliveredStatus, type StatusCode } from "../domain/status";
import { days } from "../domain/wording";

export type DeadlineFacts = {
  status: { code: StatusCode };
  deadline: { dueDate: string | null } | null;
  overdue: boolean;
  daysOverdue: number;
  deliveredLate: boolean;
  daysLate: number;
  daysUntilDue: number | null;
};

export type DeadlinePhrase = { text: string; kind: "overdue" | "late" | "due" | "on-time" | "open" };

/** "Overdue by 12 days", "Delivered late by 3 days", "Due in 40 days"… or null when nothing applies. */
export function deadlinePhrase(c: DeadlineFacts): DeadlinePhrase | null {
  if (c.overdue) return { text: `Overdue by ${days(c.daysOverdue)}`, kind: "overdue" };
  if (c.deliveredLate) return { text: `Delivered late by ${days(c.daysLate)}`, kind: "late" };
  if (c.daysUntilDue !== null) return { text: c.daysUntilDue === 0 ? "Due today" : `Due in ${days(c.daysUntilDue)}`, kind: "due" };
  const dueDate = c.deadline?.dueDate ?? null;
  if (isDeliveredStatus(c.status.code) && dueDate) return { text: "Delivered on time", kind: "on-time" };
  if (!dueDate && !isClosedStatus(c.status.code)) return { text: "No due date", kind: "open" };
  return null;
}

/** The deadline phrase in words; overdue is bold and marked with a bar, not colour alone. */
export function DeadlineText({ facts, className = "" }: { facts: DeadlineFacts; className?: string }) {
  const phrase = deadlinePhrase(facts);
  if (!phrase) return null;
  const style =
    phrase.kind === "overdue"
      ? "font-bold border-l-4 border-error pl-2"
      : phrase.kind === "late"
        ? "font-bold border-l-4 border-bar-orange pl-2"
        : "";
  return (
    <span className={`${style} ${className}`} data-deadline={phrase.kind}>
      {phrase.text}
    </span>
  );
}
