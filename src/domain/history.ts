// The as-of engine: what a commitment looked like on any date, computed from its append-only
// history. Overdue and delivered-late are never typed in; they are derived here.

import { type IsoDate, daysBetween, isIsoDate } from "./dates";
import type { Precision } from "./deadline";
import { type StatusCode, isClosedStatus, isDeliveredStatus } from "./status";

export interface StatusEvent {
  status: StatusCode;
  /** The date progress was confirmed. */
  confirmedOn: IsoDate;
  /** Publication order; breaks ties on the same confirmedOn (later wins). */
  sequence: number;
}

export interface DeadlineEvent {
  label: string;
  precision: Precision;
  dueDate: IsoDate | null;
  /** The original deadline is effective from the announcement date; revisions from their date. */
  effectiveOn: IsoDate;
  /** Publication order; breaks ties on the same effectiveOn (later wins). */
  sequence: number;
}

export interface CommitmentHistory {
  announcedOn: IsoDate;
  /** The first (earliest) is the deadline as originally published; the rest are revisions. */
  deadlines: readonly DeadlineEvent[];
  updates: readonly StatusEvent[];
}

export interface CommitmentState {
  status: StatusCode;
  statusConfirmedOn: IsoDate | null;
  deadline: DeadlineEvent | null;
  dueDate: IsoDate | null;
  overdue: boolean;
  daysOverdue: number;
  daysUntilDue: number | null;
  deliveredLate: boolean;
  daysLate: number;
  revisionsCount: number;
}

/** Plain-English statement of the rules below, for the methodology page. */
export const HISTORY_RULES: readonly string[] = [
  "The tracker can show any commitment as it stood on any date (the “as of” date), using only what had been confirmed by then. Nothing is overwritten: every status update and deadline revision is kept.",
  "A commitment did not exist before the date it was announced, so it does not appear in views as of earlier dates.",
  "The status on a date is the status of the latest update confirmed on or before that date. If two updates were confirmed on the same day, the one published later counts. Until the first update, the status is “Not started”.",
  "The deadline on a date is the latest revision in effect on or before that date; before any revision, it is the deadline as originally published. The number of revisions counts the changes in effect by that date, not the original deadline.",
  "A commitment is overdue when its due date has passed — the date is after the last day of the deadline’s period — and its status is not Delivered, Delivered differently or Dropped. It is not overdue on the due date itself. A commitment with no date (open) is never overdue.",
  "Days overdue is the number of days from the due date to the as-of date. It is 0 when the commitment is not overdue.",
  "A commitment was delivered late when its status is Delivered or Delivered differently and delivery was first confirmed after the due date of the deadline in effect on that confirmation date. If the status moved between Delivered and Delivered differently, the first confirmation of delivery counts; if the commitment was reopened (for example, set back to At risk) and delivered again, the later delivery counts. Days late is the number of days from that due date to the confirmation date.",
  "Days until due is the number of days from the as-of date to the due date. It is shown only for commitments that are not closed and whose due date has not passed.",
];

const byDateThenSequence =
  <T extends { sequence: number }>(date: (x: T) => IsoDate) =>
  (a: T, b: T): number => {
    const da = date(a);
    const db = date(b);
    if (da !== db) return da < db ? -1 : 1;
    return a.sequence - b.sequence;
  };

const byConfirmation = byDateThenSequence<StatusEvent>((u) => u.confirmedOn);
const byEffect = byDateThenSequence<DeadlineEvent>((d) => d.effectiveOn);

/**
 * The deadline in effect on a date: the latest with effectiveOn on or before it; if none has
 * taken effect yet, the earliest (the deadline as originally published). Expects sorted input.
 */
function deadlineInEffect(sorted: readonly DeadlineEvent[], on: IsoDate): DeadlineEvent | null {
  let current: DeadlineEvent | null = null;
  for (const d of sorted) {
    if (d.effectiveOn <= on) current = d;
    else break;
  }
  return current ?? sorted[0] ?? null;
}

function assertDate(d: IsoDate, name: string): void {
  if (!isIsoDate(d)) throw new RangeError(`${name} must be a real calendar date written YYYY-MM-DD, got "${String(d)}"`);
}

/**
 * The state of a commitment as of a date, or null if it had not been announced by then.
 * Events after asOf are ignored, as if they had not happened yet.
 */
export function stateAsOf(history: CommitmentHistory, asOf: IsoDate): CommitmentState | null {
  assertDate(asOf, "as-of date");
  assertDate(history.announcedOn, "announcement date");
  for (const u of history.updates) assertDate(u.confirmedOn, "status update confirmedOn");
  for (const d of history.deadlines) {
    assertDate(d.effectiveOn, "deadline effectiveOn");
    if (d.dueDate !== null) assertDate(d.dueDate, "deadline dueDate");
  }
  if (asOf < history.announcedOn) return null;

  const updates = history.updates.filter((u) => u.confirmedOn <= asOf).sort(byConfirmation);
  const deadlines = [...history.deadlines].sort(byEffect);

  const latest = updates[updates.length - 1];
  const status: StatusCode = latest?.status ?? "not_started";
  const statusConfirmedOn = latest?.confirmedOn ?? null;
  const closed = isClosedStatus(status);

  const deadline = deadlineInEffect(deadlines, asOf);
  const dueDate = deadline?.dueDate ?? null;
  const effectiveCount = deadlines.filter((d) => d.effectiveOn <= asOf).length;
  const revisionsCount = Math.max(0, effectiveCount - 1);

  const overdue = dueDate !== null && asOf > dueDate && !closed;
  const daysOverdue = overdue && dueDate !== null ? daysBetween(dueDate, asOf) : 0;
  const daysUntilDue = !closed && dueDate !== null && dueDate >= asOf ? daysBetween(asOf, dueDate) : null;

  let deliveredLate = false;
  let daysLate = 0;
  if (isDeliveredStatus(status)) {
    // The start of the current run of delivered / delivered differently updates.
    let deliveredOn = statusConfirmedOn ?? asOf;
    for (let i = updates.length - 1; i >= 0; i--) {
      const u = updates[i];
      if (u === undefined || !isDeliveredStatus(u.status)) break;
      deliveredOn = u.confirmedOn;
    }
    const dueThen = deadlineInEffect(deadlines, deliveredOn)?.dueDate ?? null;
    if (dueThen !== null && deliveredOn > dueThen) {
      deliveredLate = true;
      daysLate = daysBetween(dueThen, deliveredOn);
    }
  }

  return {
    status,
    statusConfirmedOn,
    deadline,
    dueDate,
    overdue,
    daysOverdue,
    daysUntilDue,
    deliveredLate,
    daysLate,
    revisionsCount,
  };
}

/** The state of a commitment today. */
export function currentState(history: CommitmentHistory, today: IsoDate): CommitmentState | null {
  return stateAsOf(history, today);
}

/** The latest date on which anything in the history happened (announcement, update or deadline change). */
export function lastEventDate(history: CommitmentHistory): IsoDate {
  let last = history.announcedOn;
  for (const u of history.updates) if (u.confirmedOn > last) last = u.confirmedOn;
  for (const d of history.deadlines) if (d.effectiveOn > last) last = d.effectiveOn;
  return last;
}
