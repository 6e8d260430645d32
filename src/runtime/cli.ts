// Shared exit handling for command-line entry points: a known problem (a ConfigError, which bad
// settings, bad seed data and failed migrations all are) prints one clear message and exits 1;
// only an unexpected bug shows a stack trace.
import { ConfigError } from "./env";

function fail(error: unknown): never {
  if (error instanceof ConfigError) console.error(`\n✖ ${error.message}\n`);
  else console.error("\n✖ Unexpected error:", error);
  process.exit(1);
}

export function runMain(main: () => Promise<void>) {
  main().catch(fail);
}
