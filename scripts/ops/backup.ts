// npm run db:backup [-- --out FILE]     a consistent backup of the database, while the site keeps serving
// npm run db:restore FILE [-- --force]  restore one into an empty database (--force: empty it first)
// The database is DATABASE_URL's, or the embedded one (used while `npm start` runs, else started
// for the command). The format and its guarantees: src/runtime/backup.ts, docs/operations.md.
import path from "node:path";
import { parseArgs } from "node:util";
import { appConfig, ConfigError, describeDatabaseUrl } from "../../src/runtime/env";
import { provideDatabase } from "../../src/runtime/database";
import { backupDatabase, defaultBackupPath, restoreDatabase } from "../../src/runtime/backup";
import { runMain } from "../../src/runtime/cli";

const USAGE = "Usage: npm run db:backup [-- --out FILE] | npm run db:restore FILE [-- --force]";

runMain(async () => {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { out: { type: "string" }, force: { type: "boolean", default: false } },
  });
  const [command, file] = positionals;
  if (command !== "backup" && command !== "restore") throw new ConfigError(USAGE);
  if (command === "restore" && !file) throw new ConfigError(`Name the backup file to restore.\n\n${USAGE}`);
  const env = appConfig();
  const database = await provideDatabase(env);
  try {
    if (command === "backup") {
      const target = path.resolve(values.out ?? defaultBackupPath(env.dataDir));
      const manifest = await backupDatabase(database.url, target);
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      console.error(
        `Backed up ${describeDatabaseUrl(database.url)}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.migrations.length} migrations.`,
      );
      // The path alone on standard output, for scripts: FILE=$(npm run -s db:backup).
      console.log(target);
    } else {
      const manifest = await restoreDatabase(database.url, path.resolve(file!), { force: values.force });
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      console.log(
        `Restored ${manifest.tables.length} tables (${rows} rows, every fingerprint equal) from the backup of ${manifest.createdAt} into ${describeDatabaseUrl(database.url)}.`,
      );
    }
  } finally {
    await database.stop();
  }
});
