// Is the database answering? Asked on a connection of its own, kept open between checks, never
// through the app's pool: under heavy load every pooled connection can be busy, and waiting for
// one (or for a new connection's start-up and authentication) would make a busy database look
// like a dead one, and the outage breaker would turn load into 503s. When PostgreSQL stops, this
// connection is closed by the server, the next check fails, and later checks reconnect.
import pg from "pg";
import { appConfig } from "../runtime/env";
import { singleton } from "../runtime/singleton";

const TIMEOUT_MS = 3_000;

/** Whether the database answered, and if not, why (for the health endpoint and the outage breaker). */
export type DatabaseStatus = { ok: true } | { ok: false; reason: string };
type Held = { url: string; client: Promise<pg.Client> };
const state = singleton("health-connection", (): { held?: Held } => ({}));

function forget(held: Held) {
  if (state.held === held) state.held = undefined;
  held.client.then((c) => c.end()).catch(() => {});
}

export function connection(url: string): Promise<pg.Client> {
  const known = state.held;
  if (known?.url === url) return known.client;
  if (known) forget(known);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS, query_timeout: TIMEOUT_MS });
  const held: Held = { url, client: client.connect().then(() => client) };
  // A connection closed by the server (PostgreSQL stopping) must not crash the process; the
  // next check opens a new one.
  client.on("error", () => forget(held));
  client.on("end", () => forget(held));
  held.client.catch(() => forget(held));
  state.held = held;
  return held.client;
}

/** Never throws; says why not. */
export async function checkDatabase(connectionString = appConfig().DATABASE_URL): Promise<DatabaseStatus> {
  if (!connectionString) return { ok: false, reason: "The database is unreachable: DATABASE_URL is not set" };
  try {
    const client = await connection(connectionString);
    await client.query("SELECT 1");
    return { ok: true };
  } catch (error) {
    const held = state.held;
    if (held) forget(held);
    const message = error instanceof Error ? error.message.split("\n").filter(Boolean).pop() : String(error);
    return { ok: false, reason: `The database is unreachable: ${message || "no answer"}` };
  }
}

/** Closes the health check's own connection (graceful shutdown). */
export async function closeHealthConnection(): Promise<void> {
  const held = state.held;
  state.held = undefined;
  await held?.client.then((c) => c.end()).catch(() => {});
}
