import { describe, it, expect } from "vitest";
import { connect } from "../../src/runtime/connect";
import { migrate, readMigrations } from "../../src/runtime/migrate";
import { createTestDatabase } from "../helpers/test-database";

describe("migrations", () => {
  it("apply in order on an empty database, are recorded like Prisma's, and re-running does nothing", async () => {
    const database = await createTestDatabase({ empty: true });
    try {
      const all = readMigrations().map((m) => m.name);
      expect(await migrate(database.url)).toEqual(all);
      expect(await migrate(database.url)).toEqual([]);
      const client = await connect(database.url);
      const { rows } = await client.query(`SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`);
      await client.end();
      expect(rows.map((r) => r.migration_name)).toEqual(all);
      for (const row of rows) {
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).toBeInstanceOf(Date);
      }
    } finally {
      await database.drop();
    }
  });

  it("lets two instances start together without racing", async () => {
    const database = await createTestDatabase({ empty: true });
    try {
      const [a, b] = await Promise.all([migrate(database.url), migrate(database.url)]);
      expect([...a, ...b].sort()).toEqual(readMigrations().map((m) => m.name));
    } finally {
      await database.drop();
    }
  });

  it("rolls back a failing migration completely and says which one failed", async () => {
    const database = await createTestDatabase({ empty: true });
    const client = await connect(database.url);
    try {
      const { migrateClient } = await import("../../src/runtime/migrate");
      const broken = [
        { name: "20990101000000_broken", sql: `CREATE TABLE half_done (id int); SELECT no_such_function();`, checksum: "0".repeat(64) },
      ];
      await expect(migrateClient(client, broken)).rejects.toThrow(/Migration 20990101000000_broken failed and was rolled back/);
      const { rows } = await client.query(`SELECT to_regclass('half_done') AS t`);
      expect(rows[0].t).toBeNull();
    } finally {
      await client.end();
      await database.drop();
    }
  });

  it("refuses to run when an applied migration was edited", async () => {
    const database = await createTestDatabase({ empty: true });
    const client = await connect(database.url);
    try {
      const { migrateClient } = await import("../../src/runtime/migrate");
      const [first] = readMigrations();
      await migrateClient(client, [first!]);
      await expect(migrateClient(client, [{ ...first!, sql: first!.sql + "\n-- edited", checksum: "f".repeat(64) }])).rejects.toThrow(
        /was changed after it was applied/,
      );
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
