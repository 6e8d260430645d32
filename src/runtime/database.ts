// Decides where the database is: DATABASE_URL when given, otherwise the embedded PostgreSQL
// in the data directory. Everything (app, scripts, tests, benchmarks) goes through here.
import { EMBEDDED_DATABASE, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import type { Env } from "./env";
import { connect } from "./connect";

export type DatabaseHandle = { url: string; embedded: EmbeddedDatabase | null; stop: () => Promise<void> };

export async function provideDatabase(env: Env, options: { database?: string; log?: (line: string) => void } = {}): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    const client = await connect(env.DATABASE_URL);
    await client.end();
    return { url: env.DATABASE_URL, embedded: null, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: env.dataDir,
    port: env.EMBEDDED_PG_PORT,
    database: options.database ?? EMBEDDED_DATABASE,
    log: options.log,
  });
  return { url: embedded.url, embedded, stop: embedded.stop };
}
