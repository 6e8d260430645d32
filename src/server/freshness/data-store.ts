// The cached read: query results kept in this process's memory, bounded in bytes, replacing
// Next's data cache (unstable_cache wrote a file per distinct key to .next/cache and never
// deleted one: security review F5). Results are kept as JSON and parsed for each reader, as
// unstable_cache did, so nobody can change a cached result in place. Any publish drops every
// result (queries are cheap next to a render, and only the pages a publish touches are re-rendered);
// a result is also dropped FRESH_MS after it was read (the backstop). No framework imports.
type Entry = { json: string; readAt: number };

const DATA_STORE_MAX_BYTES = 32 * 1024 * 1024;
/** A single result larger than this is returned but not kept. */
const MAX_ENTRY_BYTES = 4 * 1024 * 1024;

export type DataStoreOptions = { freshMs?: number; maxBytes?: number; now?: () => number; caching?: () => boolean };

export class DataStore {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  private generation = 0;

  constructor(private readonly options: DataStoreOptions = {}) {}

  get size() {
    return this.entries.size;
  }

  get byteSize() {
    return this.bytes;
  }

  expireAll(): void {
    this.generation += 1;
    this.entries.clear();
    this.bytes = 0;
  }

  /** `read()`'s result (which must be JSON) under `key`: from memory when kept and fresh. */
  async read<R>(key: string, read: () => Promise<R>): Promise<R> {
    if (!(this.options.caching?.() ?? true)) return read();
    const now = this.options.now?.() ?? Date.now();
    const entry = this.entries.get(key);
    if (entry && now - entry.readAt < (this.options.freshMs ?? 60_000)) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return JSON.parse(entry.json) as R;
    }
    const generation = this.generation;
    const json = JSON.stringify(await read()) ?? "null";
    // Read before a publish that came while it ran: answered, not kept.
    if (generation === this.generation) this.store(key, { json, readAt: now });
    return JSON.parse(json) as R;
  }

  private store(key: string, entry: Entry) {
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= 2 * (key.length + previous.json.length);
    }
    const bytes = 2 * (key.length + entry.json.length);
    if (bytes > MAX_ENTRY_BYTES) return;
    this.entries.set(key, entry);
    this.bytes += bytes;
    const max = this.options.maxBytes ?? DATA_STORE_MAX_BYTES;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= max) break;
      this.entries.delete(oldest);
      this.bytes -= 2 * (oldest.length + old.json.length);
    }
  }
}
