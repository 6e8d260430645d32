// npm run worker: the outbox worker on its own (for a deployment that runs it apart from the web
// instances, with OUTBOX_WORKER=0 for them). It needs DATABASE_URL. Stops on SIGINT or SIGTERM.
import { appConfig, ConfigError } from "../../src/runtime/env";
import { runMain } from "../../src/runtime/cli";
import { startOutboxWorker } from "../../src/server/outbox/worker";
import { outboxHandlers, outboxPeriodic } from "../../src/server/outbox/handlers";
import { mailDestination } from "../../src/server/mail/transport";

runMain(async () => {
  const env = appConfig();
  if (!env.DATABASE_URL)
    throw new ConfigError("DATABASE_URL is not set: the worker drains the outbox of the database the app uses; set DATABASE_URL to it.");
  const worker = startOutboxWorker(env.DATABASE_URL, outboxHandlers(env), { periodic: outboxPeriodic });
  console.log(
    `Outbox worker running${env.cdnPurgeUrls.length ? `; purging ${env.cdnPurgeUrls.length} CDN endpoint(s)` : "; no CDN configured (purges are marked done)"}; email goes to ${mailDestination(env)}.`,
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void worker.stop().then(() => process.exit(0)));
});
