// Remembers whether the database answered recently, so that during an outage every request
// gets a fast 503 with a clear message instead of waiting on a dead connection and failing
// with an error page, and so the app recovers by itself when the database returns.
import { checkDatabase } from "./health";

const RECHECK_WHEN_UP_MS = 2_000;
const RECHECK_WHEN_DOWN_MS = 500;

type Status = { ok: true } | { ok: false; reason: string };
const state = globalThis as unknown as { __rtDatabase?: { status: Status; checkedAt: number; pending?: Promise<Status> } };

export async function databaseStatus(): Promise<Status> {
  const current = (state.__rtDatabase ??= { status: { ok: true }, checkedAt: 0 });
  const age = Date.now() - current.checkedAt;
  if (age < (current.status.ok ? RECHECK_WHEN_UP_MS : RECHECK_WHEN_DOWN_MS)) return current.status;
  current.pending ??= checkDatabase().then((status) => {
    current.status = status;
    current.checkedAt = Date.now();
    current.pending = undefined;
    return status;
  });
  // While the database is believed up, do not make this request wait for the check.
  return current.status.ok ? current.status : current.pending;
}

export const UNAVAILABLE_MESSAGE =
  "The tracker cannot reach its database just now, so it cannot show up-to-date information. Nothing has been lost. Please try again in a minute.";

export function unavailableHtml(): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Service unavailable – Roadmap Tracker</title><style>body{font-family:Arial,sans-serif;color:#0b0c0c;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}h1{font-size:2rem}</style></head><body><main><h1>Sorry, the service is unavailable</h1><p>${UNAVAILABLE_MESSAGE}</p></main></body></html>`;
}
