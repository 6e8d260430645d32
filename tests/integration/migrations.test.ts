import { describe, it, expect } from "vitest";
import { seedCommitments } from "../helpers/seeds";
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

  it("moves a database seeded before versions and dates existed to what a fresh seed gives", async () => {
    const fresh = await createTestDatabase();
    const old = await createTestDatabase({ empty: true });
    const from = await connect(fresh.url);
    const to = await connect(old.url);
    try {
      const { migrateClient } = await import("../../src/runtime/migrate");
      // Issue 11's data migration (20261202000000_citable_time), on the records as they stood before it.
      const all = readMigrations();
      const citable = all.findIndex((m) => m.name === "20261202000000_citable_time");
      await migrateClient(to, all.slice(0, citable));
      // The same records, in the shape they had before the last migration.
      const copy = async (table: string, columns: string[], select = columns) => {
        const { rows } = await from.query(`SELECT ${select.join(", ")} FROM ${table} ORDER BY 1`);
        for (const row of rows) {
          await to.query(
            `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
            columns.map((c) => row[c]),
          );
        }
      };
      await copy("area", ["id", "slug", "title", "summary", "position"]);
      await copy("organisation", ["id", "slug", "name", "abbreviation"]);
      await copy("source", ["id", "url", "publisher", "title", "published_on", "published_label"]);
      // Before issue 12 every commitment had a lead: one no source names stands in as the first organisation.
      const columns = ["id", "slug", "area_id", "lead_organisation_id", "title", "summary", "announced_on", "announced_in_id"];
      await copy(
        "commitment",
        columns,
        columns.map((c) =>
          c === "lead_organisation_id" ? "COALESCE(lead_organisation_id, (SELECT MIN(id) FROM organisation)) AS lead_organisation_id" : c,
        ),
      );
      await copy("commitment_owner", ["commitment_id", "organisation_id"]);
      await copy("deadline_revision", ["id", "commitment_id", "label", "precision", "due_date", "reason", "source_id", "effective_on"]);
      await copy("status_update", ["id", "commitment_id", "status", "note", "source_id", "confirmed_on"]);
      await migrateClient(to, all.slice(0, citable + 1));

      const dates = `SELECT c.slug, u.status, u.confirmed_on, u.confirmed_to, u.confirmed_precision, u.confirmed_label,
                            u.occurred_label, u.occurred_precision, u.occurred_from, u.occurred_to, u.effective_on
                     FROM status_update u JOIN commitment c ON c.id = u.commitment_id ORDER BY c.slug, u.id`;
      expect((await to.query(dates)).rows).toEqual((await from.query(dates)).rows);
      expect((await to.query(dates)).rows.filter((r) => r.occurred_label !== null)).toHaveLength(
        (await from.query(dates)).rows.filter((r) => r.occurred_label !== null).length,
      );
      // Revision ids are surrogate keys, numbered in the order each database wrote them; the
      // title kept for ordering (sort_title) arrives with a later migration than the one migrated to.
      const states = `SELECT to_jsonb(s) - 'revision_id' - 'sort_title' AS s FROM commitment_state_at($1::date, latest_publication()) s ORDER BY commitment_id`;
      for (const day of ["2026-03-15", "2026-04-15", "2026-06-15", "2026-12-01"]) {
        expect((await to.query(states, [day])).rows).toEqual((await from.query(states, [day])).rows);
      }
      // Everything published before versions began is the baseline, version 1.
      const versions = await to.query(`SELECT version, note FROM publication`);
      expect(versions.rows).toEqual([{ version: 1, note: expect.stringContaining("Baseline") }]);
      expect((await to.query(`SELECT COUNT(*)::int AS n FROM commitment_revision WHERE version = 1`)).rows[0].n).toBe(seedCommitments.length);
    } finally {
      await from.end();
      await to.end();
      await fresh.drop();
      await old.drop();
    }
  });
});
