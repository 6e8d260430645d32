// Every instance hears every publish: a connection of its own (never the app's pool) LISTENs on
// the channel the database's triggers NOTIFY at commit (migration 20261210000000_freshness).
// When the connection is lost the instance stops caching at once (Freshness.setHearing(false)),
// reconnects with back-off, and on LISTEN again drops everything it had, so a publish made while
// it was deaf is never missed. The 60 s freshness of every cached answer stays as a backstop.
import pg from "pg";
import { parseKeys } from "./keys";
import type { Freshness } from "./index";
import { logFor } from "../log";

export const PUBLISH_CHANNEL = "roadmap_tracker_publish";
const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5_000;

export type Listener = {
  /** Resolves once LISTEN has been answered for the first time (or the listener was stopped). */
  ready: Promise<void>;
  /** The backend process id of the current connection (tests terminate it), or null. */
  backendPid(): number | null;
  stop(): Promise<void>;
};

export function listenForPublishes(url: string, freshness: Freshness): Listener {
  let client: pg.Client | null = null;
  let pid: number | null = null;
  let stopped = false;
  let retryMs = FIRST_RETRY_MS;
  let timer: NodeJS.Timeout | null = null;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const lost = (current: pg.Client, why: string) => {
    if (client !== current) return;
    client = null;
    pid = null;
    freshness.setHearing(false);
    current.end().catch(() => {});
    if (stopped) return;
    logFor("freshness").warn({ why, retryMs }, `Freshness: the notification connection was lost; reconnecting in ${retryMs} ms.`);
    timer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
  };

  const connect = () => {
    timer = null;
    if (stopped) return;
    const current = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
    client = current;
    current.on("error", (error) => lost(current, error.message));
    current.on("end", () => lost(current, "closed"));
    current.on("notification", (message) => {
      if (message.channel === PUBLISH_CHANNEL) freshness.published(parseKeys(message.payload), "notification");
    });
    current
      .connect()
      .then(() => current.query<{ pid: number }>(`LISTEN ${PUBLISH_CHANNEL}; SELECT pg_backend_pid() AS pid`))
      .then((results) => {
        if (client !== current) return;
        const last = Array.isArray(results) ? results.at(-1) : results;
        pid = (last as pg.QueryResult<{ pid: number }>).rows[0]?.pid ?? null;
        retryMs = FIRST_RETRY_MS;
        freshness.setHearing(true);
        markReady();
      })
      .catch((error: Error) => lost(current, error.message));
  };

  connect();
  return {
    ready,
    backendPid: () => pid,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = null;
      freshness.setHearing(false);
      markReady();
      await current?.end().catch(() => {});
    },
  };
}
