// Backups of our own making (`npm run db:backup`, `npm run db:restore FILE`): there is no pg_dump
// for PostgreSQL 18 on this machine, and a logical copy of our one schema is all we need.
//
// A backup is one gzip file: a first line naming the format, a manifest (the migrations applied,
// and each table's row count and fingerprint), then each table's rows as PostgreSQL's own COPY
// text, in dependency order. Everything is read in ONE read-only REPEATABLE READ transaction, so
// the file is a single consistent moment of the database however many writes happen meanwhile
// (the site keeps serving). A restore applies the backup's migrations to an EMPTY database (it
// refuses one with tables unless told to drop them), loads the rows, sets every sequence, checks
// every table's fingerprint against the manifest, and only then commits; later migrations of this
// version of the code are applied after that.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { once } from "node:events";
import zlib from "node:zlib";
import type pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { connect } from "./connect";
import { ConfigError, describeDatabaseUrl } from "./env";
import { migrateClient, readMigrations, type Migration } from "./migrate";

const FORMAT = "roadmap-tracker-backup 1";
/** The migrations record is re-written by the restore's own migrate, so it is not copied. */
const MIGRATIONS_TABLE = "_prisma_migrations";

type TableSummary = { name: string; columns: string[]; rows: number; fingerprint: string };
export type Manifest = {
  format: typeof FORMAT;
  createdAt: string;
  migrations: { name: string; checksum: string }[];
  tables: TableSummary[];
  sequences: { name: string; value: string; isCalled: boolean }[];
};

/** Same text for the same values whichever server or session writes it. */
async function normaliseSession(client: pg.Client): Promise<void> {
  await client.query("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 1");
}

/** Our tables, parents before the tables that refer to them (foreign keys). */
async function tablesInDependencyOrder(client: pg.Client): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> $1 ORDER BY 1`,
    [MIGRATIONS_TABLE],
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND c.oid <> p.oid`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const edge of edges) if (edge.child === name) visit(edge.parent);
    ordered.push(name);
  };
  for (const { name } of tables) visit(name);
  return ordered;
}

/** The columns COPY writes and reads: every stored column except generated ones (recomputed on load). */
async function copiedColumns(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [`public.${client.escapeIdentifier(table)}`],
  );
  return rows.map((r) => r.name);
}

/** Row count and an order-independent digest of every row's text (generated columns included). */
async function tableFingerprint(client: pg.Client, table: string): Promise<{ rows: number; fingerprint: string }> {
  const { rows } = await client.query<{ rows: string; fingerprint: string }>(
    `SELECT COUNT(*) AS rows, md5(COALESCE(string_agg(h, '' ORDER BY h), '')) AS fingerprint
     FROM (SELECT md5(t::text) AS h FROM public.${client.escapeIdentifier(table)} t) s`,
  );
  return { rows: Number(rows[0]!.rows), fingerprint: rows[0]!.fingerprint };
}

/** Every table's fingerprint, by name (what a restore must reproduce). */
export async function databaseFingerprints(url: string): Promise<Record<string, { rows: number; fingerprint: string }>> {
  const client = await connect(url);
  try {
    await normaliseSession(client);
    const result: Record<string, { rows: number; fingerprint: string }> = {};
    for (const table of await tablesInDependencyOrder(client)) result[table] = await tableFingerprint(client, table);
    return result;
  } finally {
    await client.end();
  }
}

async function sequences(client: pg.Client): Promise<Manifest["sequences"]> {
  const { rows: names } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1`,
  );
  const result: Manifest["sequences"] = [];
  for (const { name } of names) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM public.${client.escapeIdentifier(name)}`,
    );
    result.push({ name, value: rows[0]!.last_value, isCalled: rows[0]!.is_called });
  }
  return result;
}

async function write(stream: NodeJS.WritableStream, chunk: string | Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
}

/** The default place for a backup: the data directory's backups folder, named by the time it was taken. */
export function defaultBackupPath(dataDir: string, now = new Date()): string {
  return path.resolve(dataDir, "backups", `roadmap-tracker-${now.toISOString().replace(/[:.]/g, "-")}.backup.gz`);
}

/** Writes a consistent backup of the database at `url` to `file` (via a .partial file, renamed when complete). */
export async function backupDatabase(url: string, file: string): Promise<Manifest> {
  const client = await connect(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  try {
    await normaliseSession(client);
    // One snapshot for everything read below; read-only, so it never blocks or conflicts with the site's writes.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const applied = await client
      .query<{ migration_name: string; checksum: string }>(
        `SELECT migration_name, checksum FROM ${MIGRATIONS_TABLE} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
      .catch(() => ({ rows: [] }));
    if (applied.rows.length === 0)
      throw new ConfigError(`The database at ${describeDatabaseUrl(url)} has no migrations applied: there is nothing to back up.`);
    const tables: TableSummary[] = [];
    for (const name of await tablesInDependencyOrder(client))
      tables.push({ name, columns: await copiedColumns(client, name), ...(await tableFingerprint(client, name)) });
    const manifest: Manifest = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      migrations: applied.rows.map((r) => ({ name: r.migration_name, checksum: r.checksum })),
      tables,
      sequences: await sequences(client),
    };
    const gzip = zlib.createGzip();
    const out = fs.createWriteStream(partial, { mode: 0o600 });
    const finished = once(out, "finish");
    gzip.pipe(out);
    await write(gzip, `${FORMAT}\n${JSON.stringify(manifest)}\n`);
    for (const table of tables) {
      await write(gzip, `TABLE ${JSON.stringify(table.name)}\n`);
      const columns = table.columns.map((c) => client.escapeIdentifier(c)).join(", ");
      // COPY's text format escapes backslashes and line breaks, so no row can be the "\." that ends a table.
      for await (const chunk of client.query(copyTo(`COPY public.${client.escapeIdentifier(table.name)} (${columns}) TO STDOUT`)))
        await write(gzip, chunk as Buffer);
      await write(gzip, "\\.\n");
    }
    gzip.end();
    await finished;
    await client.query("COMMIT");
    fs.renameSync(partial, file);
    return manifest;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/** Reads a backup's lines (the manifest, then each table's rows). */
function backupLines(file: string): AsyncIterableIterator<string> {
  const magic = Buffer.alloc(2);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, magic, 0, 2, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) throw new ConfigError(`${file} is not a Roadmap Tracker backup (made by npm run db:backup).`);
  const gunzip = zlib.createGunzip();
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(gunzip), crlfDelay: Infinity });
  // A damaged file ends the lines early (next() then says so) rather than hanging the restore.
  gunzip.on("error", () => lines.close());
  return lines[Symbol.asyncIterator]();
}

async function next(lines: AsyncIterableIterator<string>, file: string): Promise<string> {
  const { value, done } = await lines.next();
  if (done) throw new ConfigError(`${file} ends too early or is damaged: it is not a complete backup.`);
  return value;
}

/** The backup's manifest (its first two lines), checked against this version's migrations. */
export async function readManifest(file: string): Promise<Manifest> {
  const lines = backupLines(file);
  try {
    return parseManifest(await next(lines, file), await next(lines, file), file);
  } finally {
    await lines.return?.();
  }
}

function parseManifest(first: string, second: string, file: string): Manifest {
  if (first !== FORMAT) throw new ConfigError(`${file} is not a Roadmap Tracker backup (made by npm run db:backup).`);
  try {
    return JSON.parse(second) as Manifest;
  } catch {
    throw new ConfigError(`${file} is damaged: its manifest cannot be read.`);
  }
}

/** The migrations to apply before loading: exactly the backup's, which this version must have, unchanged. */
function migrationsOf(manifest: Manifest, available: Migration[]): { before: Migration[]; after: Migration[] } {
  const byName = new Map(available.map((m) => [m.name, m]));
  for (const m of manifest.migrations) {
    const ours = byName.get(m.name);
    if (!ours)
      throw new ConfigError(
        `The backup was made by a newer version of the tracker (migration ${m.name} is unknown here). Restore it with that version.`,
      );
    if (ours.checksum !== m.checksum)
      throw new ConfigError(`Migration ${m.name} differs from the one the backup was made with, so it cannot be restored safely.`);
  }
  const inBackup = new Set(manifest.migrations.map((m) => m.name));
  return { before: available.filter((m) => inBackup.has(m.name)), after: available.filter((m) => !inBackup.has(m.name)) };
}

async function tablesOf(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/**
 * Restores `file` into the database at `url`, which must be empty (no tables, sequences or views
 * in the public schema) unless `force`, which drops everything in it first. Returns the manifest.
 */
export async function restoreDatabase(url: string, file: string, options: { force?: boolean } = {}): Promise<Manifest> {
  if (!fs.existsSync(file)) throw new ConfigError(`There is no backup file at ${file}.`);
  if (readMigrations().length === 0) throw new ConfigError("No migrations found (run this from the project's folder).");
  const lines = backupLines(file);
  const client = await connect(url);
  try {
    const manifest = parseManifest(await next(lines, file), await next(lines, file), file);
    const { before, after } = migrationsOf(manifest, readMigrations());
    const existing = await tablesOf(client);
    if (existing.length && !options.force)
      throw new ConfigError(
        `The database at ${describeDatabaseUrl(url)} is not empty (${existing.length} tables and sequences, such as ${existing.slice(0, 3).join(", ")}). ` +
          "Restore into an empty database, or add --force to delete everything in this one first.",
      );
    if (existing.length) await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    await normaliseSession(client);
    await migrateClient(client, before);
    await client.query("BEGIN");
    // Replica mode switches off every ordinary trigger for this load, so the rows go in exactly as
    // they were: the append-only triggers stay in force for everyone else; the BEFORE INSERT
    // triggers that stamp a publication and the AFTER INSERT ones that refresh derived state
    // would otherwise rewrite what was backed up (derived tables are restored as they were); and
    // foreign keys are not checked row by row (the rows came from a consistent snapshot, and the
    // fingerprints below prove nothing changed). It needs a superuser (or the provider's
    // equivalent role); the setting ends with the transaction.
    await client.query("SET LOCAL session_replication_role = replica");
    for (const table of manifest.tables) {
      const header = await next(lines, file);
      if (header !== `TABLE ${JSON.stringify(table.name)}`) throw new ConfigError(`${file} is damaged: expected the rows of ${table.name}.`);
      const columns = table.columns.map((c) => client.escapeIdentifier(c)).join(", ");
      const load = client.query(copyFrom(`COPY public.${client.escapeIdentifier(table.name)} (${columns}) FROM STDIN`));
      const done = new Promise<void>((resolve, reject) => {
        load.on("finish", resolve);
        load.on("error", reject);
      });
      for (;;) {
        const line = await next(lines, file);
        if (line === "\\.") break;
        await write(load, `${line}\n`);
      }
      load.end();
      await done;
    }
    for (const s of manifest.sequences)
      await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [`public.${client.escapeIdentifier(s.name)}`, s.value, s.isCalled]);
    for (const table of manifest.tables) {
      const restored = await tableFingerprint(client, table.name);
      if (restored.rows !== table.rows || restored.fingerprint !== table.fingerprint)
        throw new ConfigError(
          `The restored ${table.name} differs from the backup (${restored.rows} rows, ${table.rows} expected); nothing was restored.`,
        );
    }
    await client.query("COMMIT");
    await migrateClient(client, [...before, ...after]);
    return manifest;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await lines.return?.();
    await client.end();
  }
}
