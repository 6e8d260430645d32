import { describe, it, expect, afterEach } from "vitest";
import { GET } from "../../src/app/api/health/route";
import { GET as READY } from "../../src/app/api/health/ready/route";
import { readMigrations } from "../../src/runtime/migrate";
import { markShuttingDown } from "../../src/server/lifecycle";
import { closeDb, getDb } from "../../src/server/db";
import { useAppEnv } from "../../src/runtime/env";
import { useTestDatabase } from "../helpers/test-database";
import { metricsText } from "../../src/server/metrics";

const database = useTestDatabase();

async function useDatabase(settings: { DATABASE_URL: string; DATABASE_POOL_SIZE?: string }) {
  await closeDb();
  useAppEnv(settings);
}

afterEach(async () => {
  await closeDb();
});

describe("GET /api/health", () => {
  it("answers 200 ok when the database is up", async () => {
    await useDatabase({ DATABASE_URL: (await database.get()).url });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 with a reason when the database is unreachable", async () => {
    await useDatabase({ DATABASE_URL: "postgresql://postgres:x@127.0.0.1:1/none" });
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.status).toBe("unavailable");
    expect(body.reason).toBe("The database is not answering.");
    // Never the driver's own error (security review F19): no address, port or error code.
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|DATABASE_URL/);
  });

  it("still answers ok when every pooled connection is busy (load is not an outage)", async () => {
    // The app's pool, one connection wide, held by a slow query for longer than the check's timeout.
    await useDatabase({ DATABASE_URL: (await database.get()).url, DATABASE_POOL_SIZE: "1" });
    // Prisma queries are lazy: then() starts this one now.
    const busy = getDb().$queryRaw`SELECT pg_sleep(4)::text`.then(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
    const response = await GET();
    expect(response.status).toBe(200);
    // /metrics sees the app's pool as it is: its one connection open and in use.
    const { body } = await metricsText();
    expect(body).toMatch(/^rt_database_pool_connections\{state="total"\} 1$/m);
    expect(body).toMatch(/^rt_database_pool_connections\{state="idle"\} 0$/m);
    expect(body).toMatch(/^rt_database_pool_max 1$/m);
    await busy;
    expect((await metricsText()).body).toMatch(/^rt_database_pool_connections\{state="idle"\} 1$/m);
  }, 15_000);
});

describe("GET /api/health/ready (readiness, separate from liveness)", () => {
  const empty = useTestDatabase({ empty: true });

  it("answers 200 when the database answers and has every migration of this version", async () => {
    await useDatabase({ DATABASE_URL: (await database.get()).url });
    const response = await READY();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when a migration is missing or the database has none, while liveness stays 200", async () => {
    const { url, db } = await database.get();
    const last = readMigrations().at(-1)!.name;
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ${last}`;
    try {
      await useDatabase({ DATABASE_URL: url });
      const response = await READY();
      expect(response.status).toBe(503);
      expect((await response.json()).reason).toBe(`The database lacks 1 migration(s) of this version, such as ${last}.`);
      expect((await GET()).status).toBe(200);
    } finally {
      await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${last}`;
    }
    await useDatabase({ DATABASE_URL: (await empty.get()).url });
    expect(await (await READY()).json()).toEqual({ status: "not ready", reason: "The database has no migrations applied." });
  });

  it("answers 503 when the database is unreachable, and once the server is shutting down", async () => {
    await useDatabase({ DATABASE_URL: "postgresql://postgres:x@127.0.0.1:1/none" });
    const down = await READY();
    expect(down.status).toBe(503);
    expect(JSON.stringify(await down.json())).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    await useDatabase({ DATABASE_URL: (await database.get()).url });
    markShuttingDown();
    try {
      expect(await (await READY()).json()).toEqual({ status: "not ready", reason: "The server is shutting down." });
    } finally {
      (globalThis as { __rtShuttingDown?: boolean }).__rtShuttingDown = false;
    }
  });
});
