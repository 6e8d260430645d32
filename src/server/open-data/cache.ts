// Expensive public reads are cached reads (src/server/freshness): kept in memory until anything
// is published. Outside a server (scripts, integration tests) nothing hears publishes, so the
// read simply runs.
import { cachedRead } from "../freshness";

export function cachedPublicRead<Args extends unknown[], R>(read: (...args: Args) => Promise<R>, key: string): (...args: Args) => Promise<R> {
  return cachedRead(`open-data ${key}`, read);
}
