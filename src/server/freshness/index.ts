// One home for freshness (docs/decisions/0013-one-truth-for-freshness.md). Three entry points:
//
//  - cachedRead(name, read): a query's results kept in memory (data-store.ts);
//  - the page cache: pages().get/peek (page-store.ts, used by src/server/page-cache);
//  - publish: nothing here is called by a mutation. The database names the keys every change to a
//    public table touches (triggers, migration 20261210000000_freshness) and NOTIFYs them at commit;
//    every instance hears them (listen.ts) and calls published(keys). The instance that committed
//    applies them the moment its commit returns (src/server/editor/tx.ts), before the NOTIFY arrives.
//
// An instance that cannot hear publishes (not yet listening, or its connection lost) keeps and
// serves nothing from memory, and drops everything when it hears again: no missed-message gap.
import { singleton } from "../../runtime/singleton";
import { DataStore } from "./data-store";
import { PageStore } from "./page-store";
import { REMOVED } from "./keys";
import { logFor } from "../log";
import { pageCache } from "../metrics";

/** One instance's caches and whether it hears publishes. Tests make several (two "instances"). */
export class Freshness {
  hearing = false;
  publishes = 0;
  readonly pages = new PageStore({ caching: () => this.hearing });
  readonly data = new DataStore({ caching: () => this.hearing });
  private removed: { at: number; slugs: Promise<Set<string>> } | null = null;

  /** A publish named `keys`: drop what depends on them. Returns the number of pages dropped. */
  published(keys: readonly string[], from: "commit" | "notification"): number {
    if (keys.length === 0) return 0;
    this.publishes += 1;
    this.data.expireAll();
    if (keys.includes(REMOVED)) this.removed = null;
    const dropped = this.pages.invalidate(keys);
    pageCache("drop", dropped);
    logFor("freshness").info({ from, dropped, keys }, `Publish (${from}): ${dropped} cached page${dropped === 1 ? "" : "s"} dropped`);
    return dropped;
  }

  /** Whether publishes reach this instance. Going deaf or hearing again drops everything. */
  setHearing(hearing: boolean): void {
    if (this.hearing === hearing) return;
    this.hearing = hearing;
    this.data.expireAll();
    this.removed = null;
    const dropped = this.pages.expireAll();
    logFor("freshness")[hearing ? "info" : "warn"](
      { dropped },
      hearing
        ? `Freshness: hearing publishes again; ${dropped} cached pages dropped (anything may have changed meanwhile).`
        : "Freshness: not hearing publishes; caching nothing until the notification connection is back.",
    );
  }

  /** Commitments taken off the tracker (the proxy's 410 answers), kept until a removal is published. */
  removedSlugs(read: () => Promise<Set<string>>, now = Date.now()): Promise<Set<string>> {
    if (this.hearing && this.removed && now - this.removed.at < 60_000) return this.removed.slugs;
    const slugs = read();
    this.removed = this.hearing ? { at: now, slugs } : null;
    return slugs;
  }
}

/** This process's freshness. */
export function freshness(): Freshness {
  return singleton("freshness", () => new Freshness());
}

/** The process's page store (the page cache's entry point). */
export function pageStore(): PageStore {
  return freshness().pages;
}

/** `read` with its results kept in memory under `name` and the JSON of its arguments (which, and its result, must be JSON). */
export function cachedRead<A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args: A) => freshness().data.read(`${name} ${JSON.stringify(args)}`, () => read(...args));
}
