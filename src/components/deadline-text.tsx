import { isClosedStatus, isDeliveredStatus, type PublicStatusCode } from "../domain/status";
import { latenessPhrase, type Lateness } from "../domain/lateness";
import { days } from "../domain/wording";

export type DeadlineFacts = {
  status: { code: PublicStatusCode };
  deadline: { dueDate: string | null } | null;
  overdue: boolean;
  daysOverdue: number;
  lateness: Lateness | null;
  daysUntilDue: number | null;
};

export type DeadlinePhrase = { text: string; kind: "overdue" | "late" | "possibly-late" | "due" | "on-time" | "open" };

/** "Overdue by 12 days", "Delivered late by 31–61 days", "Due in 40 days"… or null when nothing applies. */
export function deadlinePhrase(c: DeadlineFacts): DeadlinePhrase | null {
  if (c.overdue) return { text: `Overdue by ${days(c.daysOverdue)}`, kind: "overdue" };
  if (c.lateness?.kind === "late") return { text: latenessPhrase(c.lateness), kind: "late" };
  if (c.lateness?.kind === "possibly_late") return { text: latenessPhrase(c.lateness), kind: "possibly-late" };
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
      : phrase.kind === "late" || phrase.kind === "possibly-late"
        ? "font-bold border-l-4 border-bar-orange pl-2"
        : "";
  return (
    <span className={`${style} ${className}`} data-deadline={phrase.kind}>
      {phrase.text}
    </span>
  );
}
