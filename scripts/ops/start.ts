// npm start: database (embedded unless DATABASE_URL), migrations, seed, build if needed, serve.
//   --dev    run `next dev` instead of the production server
//   --build  always rebuild first
//   --fresh  drop and re-create the data first (used by the end-to-end tests)
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { appConfig, childEnv, ConfigError, describeDatabaseUrl } from "../../src/runtime/env";
import { provideDatabase } from "../../src/runtime/database";
import { leaveStopSignalsToCaller } from "../../src/runtime/embedded-postgres";
import { migrate } from "../../src/runtime/migrate";
import { dropEverything } from "../../src/runtime/reset";
import { assertPortFree } from "../../src/runtime/port";
import { buildIsCurrent, recordBuild } from "../../src/runtime/build";
import { authSecret } from "../../src/runtime/secret";
import { runSeed } from "../../src/server/seed/run-seed";
import { runMain } from "../../src/runtime/cli";

const args = new Set(process.argv.slice(2));
const nextBin = "node_modules/next/dist/bin/next";

runMain(async () => {
  const env = appConfig();
  await assertPortFree(env.PORT, env.HOSTNAME);
  const database = await provideDatabase(env);
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch(() => {});
    process.exit(code);
  };
  try {
    console.log(`Database: ${describeDatabaseUrl(database.url)}${database.embedded ? ` (embedded, data in ${env.dataDir})` : ""}`);
    if (args.has("--fresh")) await dropEverything(database.url);
    const applied = await migrate(database.url);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    const seeded = await runSeed(database.url);
    if (seeded.commitments || seeded.statusUpdates || seeded.deadlineRevisions) console.log(`Seeded: ${JSON.stringify(seeded)}`);
  } catch (error) {
    await database.stop().catch(() => {});
    throw error;
  }

  const appEnv = childEnv({
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: authSecret(env),
    NEXTAUTH_URL: env.authUrl ?? undefined,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const dev = args.has("--dev");
  if (!dev && (args.has("--build") || !buildIsCurrent())) {
    console.log("Building the production app (first start, or the sources changed)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...appEnv, NODE_ENV: "production" } });
    if (build.status !== 0) {
      await database.stop().catch(() => {});
      throw new ConfigError("The production build failed (see the output above).");
    }
    recordBuild();
  }

  // Production: Next.js behind the response cache's fast path (scripts/server/serve.ts); development: `next dev`.
  const command = dev ? [nextBin, "dev", "-p", String(env.PORT), "-H", env.HOSTNAME] : ["--import", "tsx", "scripts/server/serve.ts"];
  const server = spawn(process.execPath, command, {
    stdio: "inherit",
    env: { ...appEnv, PORT: String(env.PORT), HOSTNAME: env.HOSTNAME, NODE_ENV: dev ? "development" : "production" },
  });
  // Lets operators and the fault tests find the server process (it renames itself "next-server").
  fs.writeFileSync(path.join(env.dataDir, "server.pid"), String(server.pid));
  console.log(`Roadmap Tracker: http://localhost:${env.PORT}`);
  forwardStopSignals(server);
  // A server killed by a signal (kill -9, the OOM killer) is a failure, as a shell would report it: 128 + the signal's number.
  server.on("exit", (code, signal) => void shutdown(code ?? 128 + (signal ? os.constants.signals[signal] : 0)));
});

/**
 * SIGTERM / SIGINT go to the server, which finishes its requests in flight (at most 20 s,
 * scripts/server/serve.ts) and exits; its exit then stops the embedded PostgreSQL cleanly and
 * ends this process with the server's code. A server still running 25 s later is killed.
 */
function forwardStopSignals(server: ReturnType<typeof spawn>): void {
  leaveStopSignalsToCaller();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.kill(signal);
      setTimeout(() => server.kill("SIGKILL"), 25_000).unref();
    });
  }
}
