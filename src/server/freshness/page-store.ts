// The whole-response cache: rendered pages and API answers per URL, in this process's memory.
//
// - Each entry records the keys it depends on (keys.ts). A publish drops only the entries that
//   depend on a key it names (invalidate); versioned answers that can never change depend on none.
// - A page is fresh for FRESH_MS; after that it is served while one background render replaces
//   it (stale-while-revalidate), which also picks up the date changing at midnight. This is the
//   backstop only: publishes reach every instance by NOTIFY (listen.ts).
// - While the instance cannot hear publishes (`caching()` false: before LISTEN, or its
//   connection lost), nothing is kept or served from memory: every answer is rendered.
// - Concurrent misses for one path share one render; a render under way when a publish touches
//   its keys is not kept, and later readers start a new one. Memory is bounded (least recently
//   used entries are evicted first). No framework imports; unit-tested with a fake renderer and clock.

/**
 * A response as it will be sent: `body` is already encoded, so serving it copies bytes and encodes
 * nothing; `gzipped` is filled in the first time a reader accepts gzip (see fast-path.ts).
 */
export type CachedPage = { body: Uint8Array<ArrayBuffer>; headers: Record<string, string>; etag: string; gzipped?: Buffer; keys?: readonly string[] };
export type RenderResult = { page: CachedPage } | { response: Response };

type Entry = { page: CachedPage; bytes: number; renderedAt: number; keys: readonly string[] };
type Pending = { promise: Promise<RenderResult>; keys: readonly string[]; void: boolean };

const FRESH_MS = 60_000;
/** The page store's bound (docs/deployment.md "Memory"). */
const PAGE_STORE_MAX_BYTES = 128 * 1024 * 1024;

export type PageStoreOptions = { freshMs?: number; maxBytes?: number; now?: () => number; caching?: () => boolean };

export class PageStore {
  private entries = new Map<string, Entry>();
  private byKey = new Map<string, Set<string>>();
  private pending = new Map<string, Pending>();
  private bytes = 0;
  /** Entries dropped by publishes so far (for the log and the benchmark). */
  dropped = 0;

  constructor(private readonly options: PageStoreOptions = {}) {}

  private get now() {
    return this.options.now?.() ?? Date.now();
  }

  private get caching() {
    return this.options.caching?.() ?? true;
  }

  /** Drops every entry (a lost notification connection: anything may have changed). Returns how many. */
  expireAll(): number {
    const count = this.entries.size;
    for (const running of this.pending.values()) running.void = true;
    this.pending.clear();
    this.entries.clear();
    this.byKey.clear();
    this.bytes = 0;
    this.dropped += count;
    return count;
  }

  /** Drops the entries that depend on any of `keys` (a publish). Returns how many. */
  invalidate(keys: Iterable<string>): number {
    const touched = new Set(keys);
    let count = 0;
    for (const key of touched) {
      for (const path of this.byKey.get(key) ?? []) if (this.remove(path)) count += 1;
      this.byKey.delete(key);
    }
    for (const [path, running] of this.pending) {
      if (running.keys.some((k) => touched.has(k))) {
        running.void = true;
        this.pending.delete(path);
      }
    }
    this.dropped += count;
    return count;
  }

  /** The entry for `key` if it is fresh, without rendering or refreshing anything. */
  peek(path: string): CachedPage | null {
    if (!this.caching) return null;
    const entry = this.entries.get(path);
    if (!entry) return null;
    return this.now - entry.renderedAt < (this.options.freshMs ?? FRESH_MS) ? entry.page : null;
  }

  get size() {
    return this.entries.size;
  }

  get byteSize() {
    return this.bytes;
  }

  /**
   * The page for `path`, which depends on `keys`: from memory when fresh; stale-while-revalidate
   * when older; otherwise rendered (once, however many readers are waiting). A render that is not
   * a cacheable page (404, an error) is passed through to the reader and not kept.
   */
  async get(path: string, keys: readonly string[], render: () => Promise<RenderResult>): Promise<RenderResult> {
    if (!this.caching) return render();
    const entry = this.entries.get(path);
    if (entry) {
      this.entries.delete(path);
      this.entries.set(path, entry);
      if (this.now - entry.renderedAt >= (this.options.freshMs ?? FRESH_MS)) void this.refresh(path, keys, render).catch(() => {});
      return { page: entry.page };
    }
    return this.refresh(path, keys, render);
  }

  private refresh(path: string, keys: readonly string[], render: () => Promise<RenderResult>): Promise<RenderResult> {
    const running = this.pending.get(path);
    if (running) return running.promise;
    const renderedAt = this.now;
    const pending: Pending = { keys, void: false, promise: Promise.resolve({ response: new Response(null) }) };
    pending.promise = render()
      .then((result) => {
        // A publish during the render touched what it read: the reader gets it, the store does not.
        // Kept under the keys the render names (none for an answer that never changes), else `keys`.
        if ("page" in result && !pending.void && this.caching)
          this.store(path, { page: result.page, bytes: sizeOf(result.page), renderedAt, keys: result.page.keys ?? keys });
        return result;
      })
      .finally(() => {
        if (this.pending.get(path) === pending) this.pending.delete(path);
      });
    this.pending.set(path, pending);
    return pending.promise;
  }

  private remove(path: string): boolean {
    const entry = this.entries.get(path);
    if (!entry) return false;
    this.entries.delete(path);
    this.bytes -= entry.bytes;
    for (const key of entry.keys) this.byKey.get(key)?.delete(path);
    return true;
  }

  private store(path: string, entry: Entry) {
    this.remove(path);
    const max = this.options.maxBytes ?? PAGE_STORE_MAX_BYTES;
    if (entry.bytes > max) return;
    this.entries.set(path, entry);
    this.bytes += entry.bytes;
    for (const key of entry.keys) {
      let paths = this.byKey.get(key);
      if (!paths) this.byKey.set(key, (paths = new Set()));
      paths.add(path);
    }
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= max) break;
      this.remove(oldest);
    }
  }
}

function sizeOf(page: CachedPage): number {
  return page.body.byteLength + Object.entries(page.headers).reduce((n, [k, v]) => n + 2 * (k.length + v.length), 0);
}
