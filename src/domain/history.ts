// The as-of engine: what a commitment looked like on any date, computed from its append-only
// history. Overdue, delivered late and missed deadlines are never typed in; they are derived here.
// The SQL that keeps commitment_state_period (the migrations) implements the same rules;
// tests/integration/state-as-of.test.ts checks the two agree on random histories.

import { type IsoDate, addDays, daysBetween, isIsoDate } from "./dates";
import type { Precision } from "./deadline";
import { type Lateness, lateness } from "./lateness";
import { type DateWindow, knownWindow } from "./occurrence";
import { type StatusCode, isClosedStatus, isDeliveredStatus } from "./status";

export interface StatusEvent {
  status: StatusCode;
  /** The first day of the period in which a source confirmed it (for a day, that day). */
  confirmedOn: IsoDate;
  /** The last day of that period; the same as confirmedOn when omitted (a day). */
  confirmedTo?: IsoDate;
  /** When the reported thing happened, if a source says: the window its label describes. */
  occurred?: DateWindow | null;
  /** Publication order; breaks ties on the same effective date (later wins). */
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

/** An update whose period has begun but not ended on the as-of date: it may already have happened. */
interface PendingUpdate {
  status: StatusCode;
  sequence: number;
  window: DateWindow;
}

export const MISSED_OUTCOMES = ["overdue", "moved", "delivered_late", "dropped"] as const;
export type MissedOutcome = (typeof MISSED_OUTCOMES)[number];

/** A deadline that passed unmet while it was in effect, and what followed. */
interface MissedDeadline {
  deadline: DeadlineEvent & { dueDate: IsoDate };
  /** The first day on which the tracker can be sure the deadline had been missed. */
  missedOn: IsoDate;
  outcome: MissedOutcome;
  /** moved: when the new deadline took effect; delivered_late and dropped: when that took effect; overdue: null. */
  outcomeOn: IsoDate | null;
  movedTo: DeadlineEvent | null;
  /** The delivery's known window (delivered_late only). */
  delivery: DateWindow | null;
  /** Days missed by: days overdue (on the as-of date, or on the last day before it was moved or dropped); the least number of days late for delivered_late. */
  daysMissedBy: number;
  /** The same, except for delivered_late: the most days late. */
  daysMissedByMax: number;
}

export interface CommitmentState {
  status: StatusCode;
  statusConfirmedOn: IsoDate | null;
  /** The update the status comes from (its sequence), and the day it took effect. */
  statusSequence: number | null;
  statusEffectiveOn: IsoDate | null;
  /** The first update, in the order they take effect, whose period contains the as-of date. */
  pending: PendingUpdate | null;
  deadline: DeadlineEvent | null;
  dueDate: IsoDate | null;
  overdue: boolean;
  daysOverdue: number;
  daysUntilDue: number | null;
  /** When the delivery happened (delivered statuses), and how late that was against the deadline then. */
  delivery: DateWindow | null;
  lateness: Lateness | null;
  deliveredLate: boolean;
  daysLate: number;
  revisionsCount: number;
  missedDeadlines: MissedDeadline[];
}

/** Plain-English statement of the rules below, for the methodology page. */
export const HISTORY_RULES: readonly string[] = [
  "The tracker can show any commitment as it stood on any date (the “as of” date), using only what had happened by then. Nothing is overwritten: every status update and deadline revision is kept.",
  "A commitment did not exist before the date it was announced, so it does not appear in views as of earlier dates.",
  "A status update takes effect on the last day of the period in which it is known to have happened: a launch in “March 2026” counts from 31 March 2026, so the commitment is delivered as of 15 April 2026. Before that day the earlier status stands, and the page says that an update reports a change that may already have happened.",
  "The status on a date is the status of the latest update in effect on that date. If two updates take effect on the same day, the one published later counts. Until the first update, the status is “Not started”.",
  "The deadline on a date is the latest revision in effect on or before that date; before any revision, it is the deadline as originally published. The number of revisions counts the changes in effect by that date, not the original deadline.",
  "A commitment is overdue when its due date has passed — the date is after the last day of the deadline’s period — and its status is not Delivered, Delivered differently or Dropped. It is not overdue on the due date itself. A commitment with no date (open) is never overdue.",
  "Days overdue is the number of days from the due date to the as-of date. It is 0 when the commitment is not overdue.",
  "A commitment was delivered late when its status is Delivered or Delivered differently and the delivery happened after the due date of the deadline in effect when it took effect. If the status moved between Delivered and Delivered differently, the first delivery counts; if the commitment was reopened (for example, set back to At risk) and delivered again, the later delivery counts.",
  "Days until due is the number of days from the as-of date to the due date. It is shown only for commitments that are not closed and whose due date has not passed.",
];

export const MISSED_RULES: readonly string[] = [
  "A deadline that passed unmet while it was in effect is missed, and stays on the record as missed, even after it is moved or the commitment is delivered.",
  "A deadline counts as missed only when the tracker can be sure: on some day after the due date, while the deadline was in effect, the commitment was not closed and no update reports that it may already have been delivered or dropped by then.",
  "What followed is one of: still overdue (missed by the days overdue so far); moved to a new deadline (missed by the days it was overdue on the last day before the move); delivered late (missed by the days it was late); or dropped (missed by the days it was overdue on the last day before).",
];

const byDateThenSequence =
  <T extends { sequence: number }>(date: (x: T) => IsoDate) =>
  (a: T, b: T): number => {
    const da = date(a);
    const db = date(b);
    if (da !== db) return da < db ? -1 : 1;
    return a.sequence - b.sequence;
  };

/** When an update is known to have happened (occurrence cut at the confirmation, or the confirmation). */
export function updateWindow(u: StatusEvent): DateWindow {
  return knownWindow(u.occurred ?? null, { from: u.confirmedOn, to: u.confirmedTo ?? u.confirmedOn });
}

/** The day an update takes effect: the last day of its known window. */
export function updateEffectiveOn(u: StatusEvent): IsoDate {
  return updateWindow(u).to;
}

type Update = StatusEvent & { window: DateWindow; effectiveOn: IsoDate };

const byEffect = byDateThenSequence<{ effectiveOn: IsoDate; sequence: number }>((x) => x.effectiveOn);

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

/** The first update of the current run (the updates in effect, oldest first) whose statuses all pass `member`. */
function runStart(inEffect: readonly Update[], member: (s: StatusCode) => boolean): Update | null {
  let start: Update | null = null;
  for (let i = inEffect.length - 1; i >= 0; i--) {
    const u = inEffect[i]!;
    if (!member(u.status)) break;
    start = u;
  }
  return start;
}

/** The state on one day, without the missed deadlines (which look back over earlier days). */
interface Base {
  latest: Update | null;
  status: StatusCode;
  pending: Update | null;
  pendingCloses: boolean;
  deadline: DeadlineEvent | null;
  overdue: boolean;
  certainlyOverdue: boolean;
  deliveryUpdate: Update | null;
  dueThen: IsoDate | null;
  droppedSince: IsoDate | null;
}

function baseAt(updates: readonly Update[], deadlines: readonly DeadlineEvent[], x: IsoDate): Base {
  const inEffect = updates.filter((u) => u.effectiveOn <= x);
  const latest = inEffect[inEffect.length - 1] ?? null;
  const status: StatusCode = latest?.status ?? "not_started";
  const closed = isClosedStatus(status);
  const waiting = updates.filter((u) => u.window.from <= x && x < u.effectiveOn);
  const deadline = deadlineInEffect(deadlines, x);
  const dueDate = deadline?.dueDate ?? null;
  const overdue = dueDate !== null && x > dueDate && !closed;
  const pendingCloses = waiting.some((u) => isClosedStatus(u.status));
  const deliveryUpdate = isDeliveredStatus(status) ? runStart(inEffect, isDeliveredStatus) : null;
  return {
    latest,
    status,
    pending: waiting[0] ?? null,
    pendingCloses,
    deadline,
    overdue,
    certainlyOverdue: overdue && !pendingCloses,
    deliveryUpdate,
    dueThen: deliveryUpdate ? (deadlineInEffect(deadlines, deliveryUpdate.effectiveOn)?.dueDate ?? null) : null,
    droppedSince: status === "dropped" ? (runStart(inEffect, (s) => s === "dropped")?.effectiveOn ?? null) : null,
  };
}

/** Days that can change the state: the announcement and every start and end of an update's or deadline's effect. */
function changeDays(history: CommitmentHistory, updates: readonly Update[]): IsoDate[] {
  const days = new Set<IsoDate>([history.announcedOn]);
  for (const u of updates) days.add(u.window.from).add(u.effectiveOn);
  for (const d of history.deadlines) {
    days.add(d.effectiveOn);
    if (d.dueDate !== null) days.add(addDays(d.dueDate, 1));
  }
  return [...days].filter((d) => d >= history.announcedOn).sort();
}

function missedDeadlines(
  history: CommitmentHistory,
  updates: readonly Update[],
  deadlines: readonly DeadlineEvent[],
  asOf: IsoDate,
): MissedDeadline[] {
  const days = changeDays(history, updates).filter((d) => d <= asOf);
  const bases = new Map(days.map((d) => [d, baseAt(updates, deadlines, d)]));
  const missed: MissedDeadline[] = [];
  deadlines.forEach((d, i) => {
    if (d.dueDate === null) return;
    const dueDate = d.dueDate;
    const missedOn = days.find((x) => bases.get(x)!.deadline === d && bases.get(x)!.certainlyOverdue);
    if (missedOn === undefined) return;
    const next = deadlines[i + 1] ?? null;
    const moved = next !== null && next.effectiveOn <= asOf;
    const lastDay = moved ? addDays(next.effectiveOn, -1) : asOf;
    const then = baseAt(updates, deadlines, lastDay);
    const entry = { deadline: { ...d, dueDate }, missedOn, movedTo: null, delivery: null };
    if (then.deliveryUpdate) {
      const late = lateness(then.deliveryUpdate.window, dueDate);
      missed.push({
        ...entry,
        outcome: "delivered_late",
        outcomeOn: then.deliveryUpdate.effectiveOn,
        delivery: then.deliveryUpdate.window,
        daysMissedBy: late.minDays,
        daysMissedByMax: late.maxDays,
      });
    } else if (then.droppedSince !== null) {
      const n = daysBetween(dueDate, addDays(then.droppedSince, -1));
      missed.push({ ...entry, outcome: "dropped", outcomeOn: then.droppedSince, daysMissedBy: n, daysMissedByMax: n });
    } else if (moved) {
      const n = daysBetween(dueDate, lastDay);
      missed.push({ ...entry, outcome: "moved", outcomeOn: next.effectiveOn, movedTo: next, daysMissedBy: n, daysMissedByMax: n });
    } else {
      const n = daysBetween(dueDate, asOf);
      missed.push({ ...entry, outcome: "overdue", outcomeOn: null, daysMissedBy: n, daysMissedByMax: n });
    }
  });
  return missed;
}

/**
 * The state of a commitment as of a date, or null if it had not been announced by then.
 * Updates that take effect after asOf are ignored, as if they had not happened yet (but one whose
 * period has begun is reported as pending).
 */
export function stateAsOf(history: CommitmentHistory, asOf: IsoDate): CommitmentState | null {
  assertDate(asOf, "as-of date");
  assertDate(history.announcedOn, "announcement date");
  for (const u of history.updates) {
    assertDate(u.confirmedOn, "status update confirmedOn");
    if (u.confirmedTo !== undefined) assertDate(u.confirmedTo, "status update confirmedTo");
  }
  for (const d of history.deadlines) {
    assertDate(d.effectiveOn, "deadline effectiveOn");
    if (d.dueDate !== null) assertDate(d.dueDate, "deadline dueDate");
  }
  if (asOf < history.announcedOn) return null;

  const updates: Update[] = history.updates.map((u) => ({ ...u, window: updateWindow(u), effectiveOn: updateEffectiveOn(u) })).sort(byEffect);
  const deadlines = [...history.deadlines].sort(byEffect);
  const base = baseAt(updates, deadlines, asOf);
  const { status, deadline, overdue } = base;
  const closed = isClosedStatus(status);
  const dueDate = deadline?.dueDate ?? null;
  const revisionsCount = Math.max(0, deadlines.filter((d) => d.effectiveOn <= asOf).length - 1);
  const late = base.deliveryUpdate && base.dueThen !== null ? lateness(base.deliveryUpdate.window, base.dueThen) : null;

  return {
    status,
    statusConfirmedOn: base.latest?.confirmedOn ?? null,
    statusSequence: base.latest?.sequence ?? null,
    statusEffectiveOn: base.latest?.effectiveOn ?? null,
    pending: base.pending ? { status: base.pending.status, sequence: base.pending.sequence, window: base.pending.window } : null,
    deadline,
    dueDate,
    overdue,
    daysOverdue: overdue && dueDate !== null ? daysBetween(dueDate, asOf) : 0,
    daysUntilDue: !closed && dueDate !== null && dueDate >= asOf ? daysBetween(asOf, dueDate) : null,
    delivery: base.deliveryUpdate?.window ?? null,
    lateness: late,
    deliveredLate: late?.kind === "late",
    daysLate: late?.kind === "late" ? late.minDays : 0,
    revisionsCount,
    missedDeadlines: missedDeadlines(history, updates, deadlines, asOf),
  };
}

/** The state of a commitment today. */
export function currentState(history: CommitmentHistory, today: IsoDate): CommitmentState | null {
  return stateAsOf(history, today);
}

/** The latest date on which anything in the history took effect (announcement, update or deadline change). */
export function lastEventDate(history: CommitmentHistory): IsoDate {
  let last = history.announcedOn;
  for (const u of history.updates) {
    const e = updateEffectiveOn(u);
    if (e > last) last = e;
  }
  for (const d of history.deadlines) if (d.effectiveOn > last) last = d.effectiveOn;
  return last;
}
