// Expensive public reads are kept in Next's data cache under PUBLIC_DATA_TAG, which every
// publication expires (src/server/cache-tags.ts). Outside a Next server (scripts, integration
// tests) there is no data cache, and the read simply runs.
import { CACHE_EPOCH, cachedPublicData } from "../cache-tags";

/** Safety net only: publishing expires the tag at once; this bounds the age of anything missed. */
const DATA_CACHE_SECONDS = 3600;

export function cachedPublicRead<Args extends unknown[], R>(read: (...args: Args) => Promise<R>, key: string): (...args: Args) => Promise<R> {
  const cached = cachedPublicData(read, ["open-data", CACHE_EPOCH, key], DATA_CACHE_SECONDS);
  return async (...args: Args) => {
    try {
      return await cached(...args);
    } catch (error) {
      if (error instanceof Error && error.message.includes("incrementalCache missing")) return read(...args);
      throw error;
    }
  };
}
