// Per-test-file databases: a copy of the migrated, seeded template (or an empty one).
import crypto from "node:crypto";
import { inject, afterAll } from "vitest";
import { connect } from "../../src/runtime/connect";
import { createPrismaClient, type Db } from "../../src/server/db";
import { TEMPLATE_DATABASE, withDatabase } from "./database-urls";

export type TestDatabase = { url: string; name: string; db: Db; drop: () => Promise<void> };

export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `rt_test_${crypto.randomBytes(5).toString("hex")}`;
  const admin = await connect(adminUrl);
  try {
    await admin.query(options.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const db = createPrismaClient(url);
  const drop = async () => {
    await db.$disconnect();
    const client = await connect(adminUrl);
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
  return { url, name, db, drop };
}

/** A template copy for the whole file, dropped after the file's tests. */
export function useTestDatabase(options: { empty?: boolean } = {}) {
  let current: TestDatabase | undefined;
  const ready = createTestDatabase(options).then((database) => (current = database));
  afterAll(async () => {
    await (await ready).drop();
  });
  return {
    get: async () => current ?? (await ready),
  };
}
