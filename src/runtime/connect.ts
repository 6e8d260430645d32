// Opens a pg connection and turns the usual failures into one clear sentence.
import pg from "pg";
import { ConfigError, describeDatabaseUrl } from "./env";

function explainConnectionError(error: unknown, url: string): string {
  const err = error as { code?: string; message?: string };
  const where = describeDatabaseUrl(url);
  switch (err.code) {
    case "ECONNREFUSED":
      return `Nothing is accepting connections at ${where}. Start PostgreSQL there, or fix DATABASE_URL (unset it to use the embedded database).`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `The database host in ${where} could not be found. Check the host name in DATABASE_URL.`;
    case "ETIMEDOUT":
      return `Connecting to ${where} timed out. Check the host, port and any firewall.`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} refused the user name or password. Check the credentials in DATABASE_URL.`;
    case "3D000":
      return `The database named in ${where} does not exist. Create it (createdb) or fix DATABASE_URL.`;
    default:
      return `Could not connect to the database at ${where}: ${err.message ?? String(error)}`;
  }
}

/** One query on a connection of its own (harnesses and tests that look at the database from outside the app). */
export async function queryOnce<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = await connect(url);
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

export async function connect(url: string, timeoutMs = 10_000): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  // A dropped connection then fails the next query instead of crashing the process.
  client.on("error", () => {});
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    throw new ConfigError(explainConnectionError(error, url));
  }
}
