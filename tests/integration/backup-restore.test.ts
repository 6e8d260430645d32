// `npm run db:backup` and `npm run db:restore FILE` (src/runtime/backup.ts, scripts/ops/backup.ts):
// a backup taken while writes go on is one consistent moment, restores into an empty database
// with every table's fingerprint equal, and a non-empty database is refused unless --force.
// (That a restored database matches schema.prisma is the drift test's "restored" run.)
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv } from "../../src/runtime/env";
import { connect } from "../../src/runtime/connect";
import { databaseFingerprints, readManifest } from "../../src/runtime/backup";
import { readMigrations } from "../../src/runtime/migrate";
import { useTestDatabase } from "../helpers/test-database";

const source = useTestDatabase();
const empty = useTestDatabase({ empty: true });
const occupied = useTestDatabase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-backup-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[], databaseUrl: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ops/backup.ts", ...args], { env: childEnv({ DATABASE_URL: databaseUrl }) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("exit", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Writes in pairs (a report and its audit row, in one transaction) until stopped; how many pairs committed. */
function keepWriting(url: string) {
  let stop = false;
  let committed = 0;
  const done = (async () => {
    const client = await connect(url);
    try {
      while (!stop) {
        await client.query("BEGIN");
        const { rows } = await client.query<{ id: number }>(
          "INSERT INTO report (page_path, what, address_hash) VALUES ('/backup-test', 'written during the backup', 'x') RETURNING id",
        );
        await client.query("INSERT INTO audit_event (action, entity_type, entity_id) VALUES ('backup.test', 'report', $1)", [String(rows[0]!.id)]);
        await client.query("COMMIT");
        committed++;
      }
    } finally {
      await client.end();
    }
  })();
  return { committed: () => committed, stop: async () => ((stop = true), await done, committed) };
}

describe("npm run db:backup and db:restore", () => {
  let file = "";

  it("backs up while writes happen, and restores exactly that moment into an empty database", async () => {
    const from = (await source.get()).url;
    const writer = keepWriting(from);
    while (writer.committed() < 20) await new Promise((r) => setTimeout(r, 10));
    const atStart = writer.committed();
    const backup = await run(["backup", "--out", path.join(dir, "one.backup.gz")], from);
    const atEnd = await writer.stop();
    expect(backup.status, backup.stderr).toBe(0);
    // The path alone on standard output.
    file = backup.stdout.trim();
    expect(file).toBe(path.join(dir, "one.backup.gz"));
    expect(fs.statSync(file).mode & 0o077).toBe(0);

    const manifest = await readManifest(file);
    expect(manifest.migrations.map((m) => m.name)).toEqual(readMigrations().map((m) => m.name));
    const reports = manifest.tables.find((t) => t.name === "report")!;
    const audits = manifest.tables.find((t) => t.name === "audit_event")!;

    const to = (await empty.get()).url;
    const restore = await run(["restore", file], to);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/every fingerprint equal/);
    const restored = await databaseFingerprints(to);
    expect(Object.keys(restored).sort()).toEqual(manifest.tables.map((t) => t.name).sort());
    for (const table of manifest.tables) expect(restored[table.name], table.name).toEqual({ rows: table.rows, fingerprint: table.fingerprint });

    const client = await connect(to);
    try {
      const { rows } = await client.query<{ reports: string; audits: string }>(
        "SELECT (SELECT COUNT(*) FROM report WHERE page_path = '/backup-test') AS reports, (SELECT COUNT(*) FROM audit_event WHERE action = 'backup.test') AS audits",
      );
      // Tables are copied one after another, yet every pair is whole: one snapshot, taken while the writes went on.
      const pairs = Number(rows[0]!.reports);
      expect(Number(rows[0]!.audits)).toBe(pairs);
      expect(pairs).toBeGreaterThanOrEqual(atStart);
      expect(pairs).toBeLessThanOrEqual(atEnd);
      expect(reports.rows).toBeGreaterThan(0);
      expect(audits.rows).toBeGreaterThan(0);
      // Sequences carry on after the restored rows, and history stays append-only.
      const next = await client.query<{ id: number }>(
        "INSERT INTO report (page_path, what, address_hash) VALUES ('/after', 'after the restore', 'x') RETURNING id",
      );
      const { rows: max } = await client.query<{ max: number }>("SELECT MAX(id) AS max FROM report WHERE page_path <> '/after'");
      expect(next.rows[0]!.id).toBeGreaterThan(max[0]!.max);
      await expect(client.query("DELETE FROM audit_event WHERE action = 'backup.test'")).rejects.toThrow();
      const { rows: migrations } = await client.query("SELECT migration_name FROM _prisma_migrations ORDER BY 1");
      expect(migrations.map((m) => m.migration_name)).toEqual(readMigrations().map((m) => m.name));
    } finally {
      await client.end();
    }
  });

  it("refuses to restore into a database that is not empty, and changes nothing there", async () => {
    const url = (await occupied.get()).url;
    const before = await databaseFingerprints(url);
    const refused = await run(["restore", file], url);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/is not empty .*add --force/);
    expect(await databaseFingerprints(url)).toEqual(before);
    // With --force, it is emptied first and gets the backup.
    const forced = await run(["restore", file, "--force"], url);
    expect(forced.status, forced.stderr).toBe(0);
    const manifest = await readManifest(file);
    const after = await databaseFingerprints(url);
    for (const table of manifest.tables) expect(after[table.name], table.name).toEqual({ rows: table.rows, fingerprint: table.fingerprint });
  });

  it("says clearly when the file is not a backup", async () => {
    const bogus = path.join(dir, "not-a-backup.gz");
    fs.writeFileSync(bogus, "hello");
    const result = await run(["restore", bogus], (await empty.get()).url);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/Unexpected error/);
  });
});
