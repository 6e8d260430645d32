import { describe, it, expect, afterEach } from "vitest";
import { GET } from "../../src/app/api/health/route";
import { closeDb, getDb } from "../../src/server/db";
import { useAppEnv } from "../../src/runtime/env";
import { useTestDatabase } from "../helpers/test-database";

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
    await busy;
  }, 15_000);
});
