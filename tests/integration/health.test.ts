import { describe, it, expect, afterEach } from "vitest";
import { GET } from "../../src/app/api/health/route";
import { createPrismaClient } from "../../src/server/db";
import { useTestDatabase } from "../helpers/test-database";

const database = useTestDatabase();
const globalForPrisma = globalThis as unknown as { prisma?: { $disconnect: () => Promise<void> } };

async function useDatabaseUrl(url: string) {
  await globalForPrisma.prisma?.$disconnect();
  globalForPrisma.prisma = undefined;
  process.env.DATABASE_URL = url;
}

afterEach(async () => {
  await globalForPrisma.prisma?.$disconnect();
  globalForPrisma.prisma = undefined;
  delete process.env.DATABASE_POOL_SIZE;
});

describe("GET /api/health", () => {
  it("answers 200 ok when the database is up", async () => {
    await useDatabaseUrl((await database.get()).url);
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 with a reason when the database is unreachable", async () => {
    await useDatabaseUrl("postgresql://postgres:x@127.0.0.1:1/none");
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.status).toBe("unavailable");
    expect(body.reason).toMatch(/database is unreachable/);
  });

  it("still answers ok when every pooled connection is busy (load is not an outage)", async () => {
    const { url } = await database.get();
    await useDatabaseUrl(url);
    // The app's pool, one connection wide, held by a slow query for longer than the check's timeout.
    process.env.DATABASE_POOL_SIZE = "1";
    const app = createPrismaClient(url);
    globalForPrisma.prisma = app;
    // Prisma queries are lazy: then() starts this one now.
    const busy = app.$queryRaw`SELECT pg_sleep(4)::text`.then(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const response = await GET();
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    await busy;
  }, 15_000);
});
