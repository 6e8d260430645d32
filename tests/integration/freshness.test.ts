// One truth for freshness (docs/decisions/0013): the database names what each change touches and
// NOTIFYs it at commit; every instance hears it and drops only what depends on it. Two
// "instances" here are two Freshness objects, each with its own caches and its own listening
// connection, on one real database; a third connection writes as another instance would.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type pg from "pg";
import { connect } from "../../src/runtime/connect";
import { useTestDatabase } from "../helpers/test-database";
import { Freshness, freshness } from "../../src/server/freshness";
import { answerKeys } from "../../src/server/freshness/keys";
import { listenForPublishes, PUBLISH_CHANNEL, type Listener } from "../../src/server/freshness/listen";
import { transaction } from "../../src/server/editor/tx";
import { todayIso } from "../../src/domain/dates";
import type { Db } from "../../src/server/db";

const database = useTestDatabase();
let url = "";
let db: Db;
let writer: pg.Client;
const SLUG = "digital-sourcing-strategy";
const OTHER = "central-local-digital-leadership";

const instances: { freshness: Freshness; listener: Listener }[] = [];
async function instance() {
  const f = new Freshness();
  const listener = listenForPublishes(url, f);
  await listener.ready;
  instances.push({ freshness: f, listener });
  return { freshness: f, listener };
}

beforeAll(async () => {
  const test = await database.get();
  url = test.url;
  db = test.db;
  writer = await connect(url);
});
afterAll(async () => {
  await Promise.all(instances.map((i) => i.listener.stop()));
  await writer.end();
});

const INSERT_UPDATE = `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on)
  SELECT c.id, 'in_progress', $2, (SELECT id FROM source ORDER BY id LIMIT 1), $3::date FROM commitment c WHERE c.slug = $1`;
const publish = (note: string, slug = SLUG) => writer.query(INSERT_UPDATE, [slug, note, todayIso()]);

/** The latest note of the commitment, as a cached read on `f` (what the public pages do). */
const latestNote = (f: Freshness) =>
  f.data.read(`latest ${SLUG}`, async () => {
    const rows = await db.$queryRaw<{ note: string | null }[]>`
      SELECT s.note FROM status_update s JOIN commitment c ON c.id = s.commitment_id WHERE c.slug = ${SLUG} ORDER BY s.id DESC LIMIT 1`;
    return rows[0]?.note ?? null;
  });

async function until<T>(read: () => Promise<T>, wanted: T, limitMs: number): Promise<number> {
  const started = performance.now();
  while ((await read()) !== wanted) {
    if (performance.now() - started > limitMs) throw new Error(`not seen within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - started;
}

const page = (text: string) => ({ page: { body: new TextEncoder().encode(text), headers: {}, etag: `"${text}"` } });
const keep = (f: Freshness, path: string) => f.pages.get(path, answerKeys(path), async () => page(path));

describe("a publish on one instance", () => {
  it("is seen by another instance's cached reads within a second, and drops only the pages it touches", async () => {
    const a = await instance();
    const b = await instance();
    for (const f of [a.freshness, b.freshness]) {
      await latestNote(f);
      for (const path of ["/", `/commitments/${SLUG}`, `/commitments/${OTHER}`]) await keep(f, path);
    }
    const note = `Published on A at ${Date.now()}.`;
    await publish(note);
    const elapsed = await until(() => latestNote(b.freshness), note, 1_000);
    expect(elapsed).toBeLessThan(1_000);
    await until(() => latestNote(a.freshness), note, 1_000);
    for (const f of [a.freshness, b.freshness]) {
      expect(f.pages.peek("/")).toBeNull();
      expect(f.pages.peek(`/commitments/${SLUG}`)).toBeNull();
      expect(f.pages.peek(`/commitments/${OTHER}`)).not.toBeNull();
    }
  });

  it("still leaves an instance fresh after its listening connection is killed", async () => {
    const b = await instance();
    await latestNote(b.freshness);
    await writer.query(`SELECT pg_terminate_backend($1)`, [b.listener.backendPid()]);
    const note = `Published while B was deaf at ${Date.now()}.`;
    await publish(note);
    // Whether B has noticed yet or not, what it answers is what the database holds.
    await until(() => latestNote(b.freshness), note, 1_000);
    // And it hears again: the next publish reaches it by notification.
    await until(async () => b.freshness.hearing, true, 10_000);
    await latestNote(b.freshness);
    const later = `Published after B reconnected at ${Date.now()}.`;
    await publish(later);
    expect(await until(() => latestNote(b.freshness), later, 1_000)).toBeLessThan(1_000);
  });

  it("announces nothing when its transaction rolls back", async () => {
    const b = await instance();
    await keep(b.freshness, `/commitments/${SLUG}`);
    await writer.query("BEGIN");
    await publish("Never committed.");
    await writer.query("ROLLBACK");
    // A later publish of another commitment arrives; the rolled-back one never does.
    await publish("Another commitment's change.", OTHER);
    await until(async () => b.freshness.pages.peek(`/commitments/${OTHER}`) === null && b.freshness.publishes > 0, true, 1_000);
    expect(b.freshness.pages.peek(`/commitments/${SLUG}`)).not.toBeNull();
  });
});

describe("what the database announces", () => {
  it("names the commitment, its area, its owners and the lists, and queues one CDN purge per transaction", async () => {
    const listener = await connect(url);
    const payloads: string[] = [];
    listener.on("notification", (m) => payloads.push(m.payload ?? ""));
    await listener.query(`LISTEN ${PUBLISH_CHANNEL}`);
    const [{ area, lead }] = (
      await writer.query(
        `SELECT a.slug AS area, o.slug AS lead FROM commitment c JOIN area a ON a.id = c.area_id LEFT JOIN organisation o ON o.id = c.lead_organisation_id WHERE c.slug = $1`,
        [SLUG],
      )
    ).rows;
    await writer.query("BEGIN");
    await publish("Two in one.");
    await publish("Two in one, again.");
    const { rows } = await writer.query(`SELECT txid_current()::text AS tx`);
    await writer.query("COMMIT");
    await until(async () => payloads.length > 0, true, 1_000);
    await listener.end();
    const keys = new Set(payloads.flatMap((p) => p.split(" ")));
    expect(keys).toContain(`commitment:${SLUG}`);
    expect(keys).toContain(`area:${area}`);
    if (lead) expect(keys).toContain(`organisation:${lead}`);
    expect(keys).toContain("lists");
    expect(keys).not.toContain(`commitment:${OTHER}`);
    const outbox = await writer.query(`SELECT payload FROM outbox WHERE kind = 'cdn-purge' AND dedupe_key = $1`, [rows[0].tx]);
    expect(outbox.rows).toHaveLength(1);
    expect(outbox.rows[0].payload.keys).toEqual([...keys].sort());
  });

  it("expires the feeds of the commitment, its area and an owner, and no other scope's", async () => {
    const here = freshness();
    here.hearing = true;
    const [{ area, lead }] = (
      await writer.query(
        `SELECT a.slug AS area, o.slug AS lead FROM commitment c JOIN area a ON a.id = c.area_id
           JOIN organisation o ON o.id = c.lead_organisation_id OR o.id IN (SELECT organisation_id FROM commitment_owner WHERE commitment_id = c.id)
         WHERE c.slug = $1 ORDER BY o.slug LIMIT 1`,
        [SLUG],
      )
    ).rows;
    const [other] = (
      await writer.query(
        `SELECT (SELECT slug FROM area WHERE slug <> $1 ORDER BY slug LIMIT 1) AS area,
                (SELECT o.slug FROM organisation o JOIN commitment s ON s.slug = $2
                  WHERE o.id IS DISTINCT FROM s.lead_organisation_id AND NOT EXISTS (SELECT 1 FROM commitment_owner w WHERE w.commitment_id = s.id AND w.organisation_id = o.id)
                  ORDER BY o.slug LIMIT 1) AS lead`,
        [area, SLUG],
      )
    ).rows;
    const touched = [
      `/commitments/${SLUG}/changes.atom`,
      `/areas/${area}/changes.atom`,
      `/areas/${area}/deadlines.ics`,
      `/organisations/${lead}/changes.atom`,
      `/organisations/${lead}/deadlines.ics`,
      "/changes.atom",
      "/deadlines.ics",
    ];
    const untouched = [`/commitments/${OTHER}/changes.atom`, `/areas/${other.area}/changes.atom`, `/organisations/${other.lead}/deadlines.ics`];
    for (const path of [...touched, ...untouched]) await keep(here, path);
    await transaction(db, (tx) => tx.$executeRawUnsafe(INSERT_UPDATE, SLUG, "A change every feed of its scope shows.", todayIso()));
    for (const path of touched) expect(here.pages.peek(path), path).toBeNull();
    for (const path of untouched) expect(here.pages.peek(path), path).not.toBeNull();
    here.hearing = false;
  });

  it("is applied by the committing instance as soon as its commit returns", async () => {
    const here = freshness();
    here.hearing = true;
    await keep(here, `/commitments/${SLUG}`);
    await keep(here, `/commitments/${OTHER}`);
    await transaction(db, (tx) => tx.$executeRawUnsafe(INSERT_UPDATE, SLUG, "Through the editor's transaction.", todayIso()));
    expect(here.pages.peek(`/commitments/${SLUG}`)).toBeNull();
    expect(here.pages.peek(`/commitments/${OTHER}`)).not.toBeNull();
    here.hearing = false;
  });
});
