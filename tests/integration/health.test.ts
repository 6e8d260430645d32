import { describe, it, expect, afterEach } from "vitest";
import { GET } from "../../src/app/api/health/route";
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
});
