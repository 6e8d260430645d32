// The outbox worker: drains the outbox (queue.ts) with one handler per kind of item, on a
// connection of its own. It wakes at once when a publish is announced (it LISTENs on the same
// channel as the instances' caches) and otherwise every few seconds, for retries that have
// come due. A lost connection is reopened with back-off; nothing is lost, since the items stay
// in the table until a handler has succeeded. Issue 13 adds e-mail and webhook kinds here.
import pg from "pg";
import { PUBLISH_CHANNEL } from "../freshness/listen";
import { claimDue, deleteOldDone, markDone, markFailed, outboxDepth } from "./queue";
import { logFor } from "../log";
import { outboxDepth as reportOutboxDepth, outboxSendFailure } from "../metrics";

/** A handler gets the item's payload, and its row id and the worker's connection for those that need them (an email's Message-ID). */
export type OutboxHandlers = Record<string, (payload: unknown, item: { id: string; db: pg.ClientBase }) => Promise<void>>;

/** Housekeeping the worker runs now and then (every 10 minutes at most), like deleting expired subscriptions. */
type Periodic = (db: pg.ClientBase) => Promise<unknown>;
const PERIODIC_MS = 10 * 60_000;

export type OutboxWorker = { stop(): Promise<void>; /** Resolves after the next full pass over what is due. */ pass(): Promise<void> };

export function startOutboxWorker(url: string, handlers: OutboxHandlers, options: { pollMs?: number; periodic?: Periodic } = {}): OutboxWorker {
  const pollMs = options.pollMs ?? 2_000;
  let periodicAt = 0;
  let client: pg.Client | null = null;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let retryMs = 100;
  let passes: (() => void)[] = [];
  const timer = setInterval(() => wake(), pollMs);

  const open = async (): Promise<pg.Client> => {
    if (client) return client;
    const current = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
    current.on("error", () => {
      if (client === current) client = null;
    });
    current.on("end", () => {
      if (client === current) client = null;
    });
    current.on("notification", () => wake());
    await current.connect();
    await current.query(`LISTEN ${PUBLISH_CHANNEL}`);
    client = current;
    return current;
  };

  const drain = async () => {
    const db = await open();
    for (;;) {
      const items = await claimDue(db);
      if (items.length === 0) break;
      await Promise.all(
        items.map(async (item) => {
          const handle = handlers[item.kind];
          try {
            if (!handle) throw new Error(`no handler for outbox items of kind "${item.kind}"`);
            await handle(item.payload, { id: item.id, db });
            await markDone(db, item.id);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            outboxSendFailure();
            logFor("outbox").warn({ kind: item.kind, id: item.id, attempts: item.attempts, err: message }, "an outbox item failed; retried later");
            await markFailed(db, item.id, message);
          }
        }),
      );
    }
    // What is left (items failed and waiting for their retry): /metrics' rt_outbox_depth.
    reportOutboxDepth(await outboxDepth(db));
    if (Math.random() < 0.01) await deleteOldDone(db);
    if (options.periodic && Date.now() - periodicAt >= PERIODIC_MS) {
      periodicAt = Date.now();
      await options.periodic(db);
    }
  };

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .then(() => {
        retryMs = 100;
      })
      .catch((error: unknown) => {
        logFor("outbox").error({ err: error, retryMs }, `Outbox: draining failed; trying again in ${retryMs} ms.`);
        client?.end().catch(() => {});
        client = null;
        setTimeout(() => wake(), retryMs);
        retryMs = Math.min(retryMs * 2, 5_000);
      })
      .finally(() => {
        running = null;
        const waiting = passes;
        passes = [];
        for (const resolve of waiting) resolve();
        if (again) {
          again = false;
          wake();
        }
      });
  }

  wake();
  return {
    pass: () =>
      new Promise<void>((resolve) => {
        passes.push(resolve);
        wake();
        if (!running) resolve();
      }),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
