// The one Prisma client of the app, over node-postgres through the driver adapter (no engine
// binary). DATABASE_URL is set by the launcher (embedded PostgreSQL) or by the operator.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { appConfig } from "../runtime/env";
import { singleton } from "../runtime/singleton";
import { poolUse } from "./metrics";

/** A client over a pg pool of its own (DATABASE_POOL_SIZE connections), which `$disconnect()` closes. */
function clientWithPool(connectionString: string) {
  const pool = new pg.Pool({ connectionString, max: appConfig().DATABASE_POOL_SIZE, connectionTimeoutMillis: 5_000 });
  return { pool, client: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) };
}

export function createPrismaClient(connectionString: string) {
  return clientWithPool(connectionString).client;
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForPrisma = singleton("prisma", (): { prisma?: Db } => ({}));

/** Closes the app's client, if any; the next getDb() opens a new one with the current settings (tests, shutdown). */
export async function closeDb(): Promise<void> {
  const db = globalForPrisma.prisma;
  globalForPrisma.prisma = undefined;
  await db?.$disconnect();
}

export function getDb(): Db {
  if (!globalForPrisma.prisma) {
    const url = appConfig().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides the database.");
    const { pool, client } = clientWithPool(url);
    // The app's pool is the one /metrics reports (rt_database_pool_connections).
    poolUse(pool);
    globalForPrisma.prisma = client;
  }
  return globalForPrisma.prisma;
}
