// Shared exit handling for command-line entry points: a known problem prints one clear
// message and exits 1; only an unexpected bug shows a stack trace.
import { ConfigError } from "./env";
import { SeedError } from "../server/seed/load-seed-files";

export function fail(error: unknown): never {
  if (error instanceof ConfigError || error instanceof SeedError) {
    console.error(`\n✖ ${error.message}\n`);
  } else if (error instanceof Error && /^Migration /.test(error.message)) {
    console.error(`\n✖ ${error.message}\n`);
  } else {
    console.error("\n✖ Unexpected error:", error);
  }
  process.exit(1);
}

export function runMain(main: () => Promise<void>) {
  main().catch(fail);
}
