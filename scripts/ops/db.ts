// npm run db:migrate | db:seed | db:reset
import { appConfig, describeDatabaseUrl, ConfigError } from "../../src/runtime/env";
import { provideDatabase } from "../../src/runtime/database";
import { migrate } from "../../src/runtime/migrate";
import { dropEverything } from "../../src/runtime/reset";
import { runSeed } from "../../src/server/seed/run-seed";
import { runMain } from "../../src/runtime/cli";

const command = process.argv[2];

runMain(async () => {
  if (!["migrate", "seed", "reset"].includes(command ?? "")) throw new ConfigError("Usage: npm run db:migrate | db:seed | db:reset [-- --force]");
  const env = appConfig();
  const database = await provideDatabase(env);
  try {
    console.log(`Database: ${describeDatabaseUrl(database.url)}${database.embedded ? " (embedded)" : ""}`);
    if (command === "reset") {
      if (!database.embedded && !process.argv.includes("--force")) {
        throw new ConfigError(
          "db:reset deletes every row. DATABASE_URL points at an external server, so add --force if you really mean it: npm run db:reset -- --force",
        );
      }
      await dropEverything(database.url);
      console.log("Dropped all tables.");
    }
    // Every command migrates: seeding needs the tables, and a reset re-creates them.
    const applied = await migrate(database.url);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Migrations: already up to date.");
    if (command === "seed" || command === "reset") {
      const summary = await runSeed(database.url);
      console.log(`Seed: created ${JSON.stringify(summary)}`);
    }
  } finally {
    await database.stop();
  }
});
