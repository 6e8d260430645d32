// Readiness (/api/health/ready): not shutting down, the database answers, and every migration of
// this version is applied unchanged. Kept apart from src/server/health.ts, which the proxy imports
// (through the outage breaker) and which must not read the migrations folder.
import { appConfig } from "../runtime/env";
import { readMigrations } from "../runtime/migrate";
import { checkDatabase, connection, type DatabaseStatus } from "./health";
import { isShuttingDown } from "./lifecycle";

/** This version's migrations (names and checksums), read once from prisma/migrations. */
let expectedMigrations: Map<string, string> | undefined;

/**
 * Ready to take traffic: not shutting down, the database answers, and every migration of this
 * version is applied unchanged. Never throws; the reason is a sentence with no driver detail.
 */
export async function checkReadiness(connectionString = appConfig().DATABASE_URL): Promise<DatabaseStatus> {
  if (isShuttingDown()) return { ok: false, reason: "The server is shutting down." };
  const database = await checkDatabase(connectionString);
  if (!database.ok) return { ok: false, reason: "The database is not answering." };
  try {
    expectedMigrations ??= new Map(readMigrations().map((m) => [m.name, m.checksum]));
    const client = await connection(connectionString!);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const missing = [...expectedMigrations].filter(([name, checksum]) => applied.get(name) !== checksum).map(([name]) => name);
    if (missing.length) return { ok: false, reason: `The database lacks ${missing.length} migration(s) of this version, such as ${missing[0]}.` };
    return { ok: true };
  } catch (error) {
    // No migrations table at all: nothing of this version is applied.
    if ((error as { code?: string }).code === "42P01") return { ok: false, reason: "The database has no migrations applied." };
    return { ok: false, reason: "The database's migrations could not be read." };
  }
}
