// Decides where the database is: DATABASE_URL when given, otherwise the embedded PostgreSQL
// in the data directory. Everything (app, scripts, tests, benchmarks) goes through here.
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import type { RuntimeEnv } from "./env";
import { connect } from "./connect";

export type DatabaseHandle = { url: string; embedded: EmbeddedDatabase | null; stop: () => Promise<void> };

export async function provideDatabase(env: RuntimeEnv, options: { database?: string; log?: (line: string) => void } = {}): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    const client = await connect(env.DATABASE_URL);
    await client.end();
    return { url: env.DATABASE_URL, embedded: null, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: env.dataDir, port: env.EMBEDDED_PG_PORT, database: options.database ?? "roadmap_tracker", log: options.log });
  return { url: embedded.url, embedded, stop: embedded.stop };
}
