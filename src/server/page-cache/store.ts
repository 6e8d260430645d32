// The whole-response cache: rendered pages and API answers per URL, in this process's memory.
//
// - Publishing bumps the generation (expirePublicData), so every page rendered before the
//   publish is dropped at once and the next reader gets a fresh render.
// - A page is fresh for FRESH_MS; after that it is served while one background render replaces
//   it (stale-while-revalidate), which also picks up the date changing at midnight and changes
//   published through another instance.
// - Concurrent misses for one path share one render. Memory is bounded (least recently used
//   pages are evicted first). No framework imports; unit-tested with a fake renderer and clock.

/**
 * A response as it will be sent: `body` is already encoded, so serving it copies bytes and encodes
 * nothing; `gzipped` is filled in the first time a reader accepts gzip (see fast-path.ts).
 */
export type CachedPage = { body: Uint8Array<ArrayBuffer>; headers: Record<string, string>; etag: string; gzipped?: Buffer };
export type RenderResult = { page: CachedPage } | { response: Response };

type Entry = { page: CachedPage; bytes: number; renderedAt: number; generation: number };

const FRESH_MS = 60_000;
const MAX_BYTES = 128 * 1024 * 1024;
/** Browsers revalidate each time (a 304 when unchanged); a CDN may keep a page as long as this process does. */
export const PAGE_CACHE_CONTROL = `public, max-age=0, s-maxage=${FRESH_MS / 1000}, stale-while-revalidate=300`;
/**
 * A page pinned to a version of the record that has since been revised can never change again
 * (docs/decisions/0009-record-versions.md): anyone may keep it for a year. Such a page says so
 * with <meta name="roadmap-tracker-record" content="immutable">.
 */
export const IMMUTABLE_PAGE_CACHE_CONTROL = "public, max-age=31536000, s-maxage=31536000, immutable";
export const IMMUTABLE_PAGE_META = "roadmap-tracker-record";

export class PageStore {
  private entries = new Map<string, Entry>();
  private pending = new Map<string, Promise<RenderResult>>();
  private bytes = 0;
  generation = 0;

  constructor(private readonly options: { freshMs?: number; maxBytes?: number; now?: () => number } = {}) {}

  private get now() {
    return this.options.now?.() ?? Date.now();
  }

  /** Drops every page at once (called when anything is published). */
  expireAll() {
    this.generation += 1;
    this.entries.clear();
    this.bytes = 0;
  }

  /** The entry for `key` if it is current and fresh, without rendering or refreshing anything. */
  peek(key: string): CachedPage | null {
    const entry = this.entries.get(key);
    if (!entry || entry.generation !== this.generation) return null;
    return this.now - entry.renderedAt < (this.options.freshMs ?? FRESH_MS) ? entry.page : null;
  }

  get size() {
    return this.entries.size;
  }

  /**
   * The page for `path`: from memory when fresh; stale-while-revalidate when older; otherwise
   * rendered (once, however many readers are waiting). A render that is not a cacheable page
   * (404, an error) is passed through to the reader and not kept.
   */
  async get(path: string, render: () => Promise<RenderResult>): Promise<RenderResult> {
    const entry = this.entries.get(path);
    if (entry && entry.generation === this.generation) {
      this.touch(path, entry);
      if (this.now - entry.renderedAt >= (this.options.freshMs ?? FRESH_MS)) void this.refresh(path, render).catch(() => {});
      return { page: entry.page };
    }
    return this.refresh(path, render);
  }

  private refresh(path: string, render: () => Promise<RenderResult>): Promise<RenderResult> {
    // A render begun before a publish must not answer a reader who came after it.
    const generation = this.generation;
    const key = `${generation} ${path}`;
    const running = this.pending.get(key);
    if (running) return running;
    const renderedAt = this.now;
    const started = render()
      .then((result) => {
        if ("page" in result && generation === this.generation)
          this.store(path, { page: result.page, bytes: sizeOf(result.page), renderedAt, generation });
        return result;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }

  private touch(path: string, entry: Entry) {
    this.entries.delete(path);
    this.entries.set(path, entry);
  }

  private store(path: string, entry: Entry) {
    const previous = this.entries.get(path);
    if (previous) this.bytes -= previous.bytes;
    this.entries.delete(path);
    const max = this.options.maxBytes ?? MAX_BYTES;
    if (entry.bytes > max) return;
    this.entries.set(path, entry);
    this.bytes += entry.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= max) break;
      this.entries.delete(oldest);
      this.bytes -= old.bytes;
    }
  }
}

function sizeOf(page: CachedPage): number {
  return page.body.byteLength + Object.entries(page.headers).reduce((n, [k, v]) => n + 2 * (k.length + v.length), 0);
}

const globalForPages = globalThis as unknown as { __rtPageStore?: PageStore };

/** The process's one store (shared by the route handler and the code that publishes). */
export function pageStore(): PageStore {
  return (globalForPages.__rtPageStore ??= new PageStore());
}
