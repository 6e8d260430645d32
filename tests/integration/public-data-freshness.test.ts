// A publish is seen by the very next read of public data, pages and feeds alike. Next.js applies a
// server action's revalidateTag only once the action has finished, so the fake data cache below
// keeps entries by key and arguments, as unstable_cache does, and only records revalidations,
// never applying them: what a reader who comes between the publish and the end of the action gets.
import { describe, it, expect, beforeAll, vi } from "vitest";
import type pg from "pg";
import { connect } from "../../src/runtime/connect";
import { useTestDatabase } from "../helpers/test-database";
import type { Db } from "../../src/server/db";
import type { TimelineEntry } from "../../src/server/queries/types";

const state = vi.hoisted(() => ({ db: undefined as unknown as Db, entries: new Map<string, unknown>(), revalidated: [] as string[] }));

vi.mock("next/cache", () => ({
  unstable_cache:
    (fn: (...args: unknown[]) => Promise<unknown>, keyParts: string[]) =>
    async (...args: unknown[]) => {
      const key = JSON.stringify([keyParts, args]);
      if (!state.entries.has(key)) state.entries.set(key, await fn(...args));
      return state.entries.get(key);
    },
  revalidateTag: (tag: string) => void state.revalidated.push(tag),
}));
vi.mock("../../src/server/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/server/db")>()),
  getDb: () => state.db,
}));

const { publicData } = await import("../../src/server/public-data");
const { changesFeedBody } = await import("../../src/server/open-data/feeds");
const { expirePublicData, PUBLIC_DATA_TAG } = await import("../../src/server/cache-tags");
const { todayIso } = await import("../../src/domain/dates");

const database = useTestDatabase();
let client: pg.Client;
const SLUG = "digital-sourcing-strategy";

beforeAll(async () => {
  const db = await database.get();
  state.db = db.db;
  client = await connect(db.url);
  return () => client.end();
});

async function publishDirectly(note: string) {
  await client.query(
    `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on)
     SELECT c.id, 'in_progress', $2, (SELECT id FROM source ORDER BY id LIMIT 1), $3::date FROM commitment c WHERE c.slug = $1`,
    [SLUG, note, todayIso()],
  );
}

const notes = (entries: TimelineEntry[]) => entries.flatMap((e) => (e.kind === "status_update" ? [e.note] : []));

describe("after a publish, before Next.js applies the tag", () => {
  it("the change log, a commitment's timeline and the Atom feed already show the change", async () => {
    const today = todayIso();
    // The feed route reads at the latest version, resolved for each request (a new version is a new cache entry).
    const latest = async () => (await client.query(`SELECT latest_publication() AS v`)).rows[0].v as number;
    const read = (version: number) =>
      Promise.all([
        publicData.listChanges({ asOf: today }, { page: 1, pageSize: 10 }),
        publicData.commitmentTimeline(SLUG, today),
        changesFeedBody("https://tracker.example", [], today, { version, publishedAt: null }),
      ]);
    const before = await latest();
    await read(before);
    const note = "Confirmed during the freshness test.";
    await publishDirectly(note);

    // Cached: the data written behind the cache's back is not seen yet (the fake really caches).
    const [changesBefore, timelineBefore, feedBefore] = await read(before);
    expect(notes(changesBefore.items)).not.toContain(note);
    expect(notes(timelineBefore)).not.toContain(note);
    expect(feedBefore.found && feedBefore.body).not.toContain(note);

    expirePublicData();
    expect(state.revalidated).toEqual([PUBLIC_DATA_TAG]);
    const [changes, timeline, feed] = await read(await latest());
    expect(notes(changes.items)).toContain(note);
    expect(notes(timeline)).toContain(note);
    expect(feed.found && feed.body).toContain(note);
  });
});
