// Public pages and API responses cache their data under these tags, and whole public pages in the
// page store. Anything that publishes a change calls expirePublicData() so the next request sees it at once.
import { revalidateTag, unstable_cache } from "next/cache";
import { pageStore } from "./page-cache/store";

export const PUBLIC_DATA_TAG = "tracker-data";

const globalForData = globalThis as unknown as { __rtPublicCacheEpoch?: string; __rtPublicDataGeneration?: number };

/**
 * Fresh for each server process: the data lives in PostgreSQL, which can change while the app is
 * stopped (a re-seed, a restore), so a restarted process starts with a cold cache rather than
 * trusting entries an earlier one left in Next's data cache.
 */
export const CACHE_EPOCH = (globalForData.__rtPublicCacheEpoch ??= `${Date.now().toString(36)}-${process.pid}`);

/**
 * Publishes so far in this process, part of every data-cache key (see cachedPublicData). Next.js
 * applies a revalidateTag made in a server action only once the action has finished, so until then
 * a reader would still get the data cached before the publish, and the page rendered from it would
 * be kept in the freshly emptied page store. A new generation at the moment of publishing makes
 * every earlier entry unreachable at once; the tag then frees their memory.
 */
function publicDataGeneration(): number {
  return globalForData.__rtPublicDataGeneration ?? 0;
}

/**
 * `read` kept in Next's data cache under PUBLIC_DATA_TAG, keyed by `keyParts`, the generation and
 * its arguments (which must be JSON, as must its result).
 */
export function cachedPublicData<A extends unknown[], R>(
  read: (...args: A) => Promise<R>,
  keyParts: string[],
  revalidateSeconds: number,
): (...args: A) => Promise<R> {
  const cached = unstable_cache((_generation: number, ...args: A) => read(...args), keyParts, {
    tags: [PUBLIC_DATA_TAG],
    revalidate: revalidateSeconds,
  });
  return (...args: A) => cached(publicDataGeneration(), ...args);
}

export function expirePublicData() {
  globalForData.__rtPublicDataGeneration = (globalForData.__rtPublicDataGeneration ?? 0) + 1;
  revalidateTag(PUBLIC_DATA_TAG, { expire: 0 });
  pageStore().expireAll();
}
