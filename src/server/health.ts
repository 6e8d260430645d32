// Is the database answering? Asked on a connection of its own, never through the app's pool:
// under heavy load every pooled connection can be busy, and waiting for one would make a busy
// database look like a dead one (the outage breaker would then turn load into 503s).
import pg from "pg";

const TIMEOUT_MS = 3_000;

type Status = { ok: true } | { ok: false; reason: string };

/** Never throws; says why not. */
export async function checkDatabase(connectionString = process.env.DATABASE_URL): Promise<Status> {
  if (!connectionString) return { ok: false, reason: "The database is unreachable: DATABASE_URL is not set" };
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: TIMEOUT_MS, query_timeout: TIMEOUT_MS });
  // A connection that fails after connecting (the server shutting down) must not crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n").filter(Boolean).pop() : String(error);
    return { ok: false, reason: `The database is unreachable: ${message || "no answer"}` };
  } finally {
    client.end().catch(() => {});
  }
}
