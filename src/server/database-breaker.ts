// Remembers whether the database answered recently, so that during an outage every request
// gets a fast 503 with a clear message instead of waiting on a dead connection and failing
// with an error page, and so the app recovers by itself when the database returns.
import { checkDatabase, type DatabaseStatus } from "./health";
import { plainPage } from "./plain-page";
import { singleton } from "../runtime/singleton";
import { logFor } from "./log";
import { breakerState } from "./metrics";

const RECHECK_WHEN_UP_MS = 2_000;
const RECHECK_WHEN_DOWN_MS = 500;

const state = singleton(
  "database-breaker",
  (): { known?: { status: DatabaseStatus; checkedAt: number; failures?: number; pending?: Promise<DatabaseStatus> } } => ({}),
);

function current() {
  return (state.known ??= { status: { ok: true }, checkedAt: 0 });
}

/** Forgets every check, as a new process would (tests): nothing is known until the next check. */
export function resetDatabaseStatus() {
  state.known = undefined;
}

/** Failed checks in a row that make an outage: one can be a slow answer under heavy load. */
const STRIKES_FOR_OUTAGE = 2;

/** Lets a fresher check (e.g. /api/health's own) update what the breaker believes. */
export function recordDatabaseStatus(status: DatabaseStatus) {
  const known = current();
  if (status.ok) {
    if (!known.status.ok) {
      logFor("database").warn("Database available again.");
      breakerState("closed");
    }
    Object.assign(known, { status, checkedAt: Date.now(), failures: 0 });
    return;
  }
  known.failures = (known.failures ?? 0) + 1;
  if (known.status.ok && known.failures < STRIKES_FOR_OUTAGE) {
    // Not yet an outage: keep serving, and make the next request check again at once.
    known.checkedAt = 0;
    return;
  }
  // Operators see each change of state once, with the reason.
  if (known.status.ok) {
    logFor("database").error({ reason: status.reason }, "Database unavailable: answering 503 until it returns.");
    breakerState("open");
  }
  Object.assign(known, { status, checkedAt: Date.now() });
}

/** What the breaker knows, if it is recent enough to act on without checking again; else null. */
export function recentDatabaseStatus(): DatabaseStatus | null {
  const known = current();
  const age = Date.now() - known.checkedAt;
  return age < (known.status.ok ? RECHECK_WHEN_UP_MS : RECHECK_WHEN_DOWN_MS) ? known.status : null;
}

export async function databaseStatus(): Promise<DatabaseStatus> {
  const known = current();
  const age = Date.now() - known.checkedAt;
  if (age < (known.status.ok ? RECHECK_WHEN_UP_MS : RECHECK_WHEN_DOWN_MS)) return known.status;
  // A stale answer is re-checked (one SELECT 1 shared by all requests arriving meanwhile).
  known.pending ??= checkDatabase().then((status) => {
    recordDatabaseStatus(status);
    known.pending = undefined;
    return status;
  });
  return known.pending;
}

export const UNAVAILABLE_MESSAGE =
  "The tracker cannot reach its database just now, so it cannot show up-to-date information. Nothing has been lost. Please try again in a minute.";

export function unavailableHtml(): string {
  return plainPage("Service unavailable", "Sorry, the service is unavailable", [UNAVAILABLE_MESSAGE]);
}
