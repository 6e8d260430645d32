// /changes.atom and /deadlines.ics, and the feeds of one area, organisation or commitment
// (/areas/<slug>/changes.atom…), parsed back with independent parsers (fast-xml-parser for Atom,
// ical.js for iCalendar) and compared with the database.
import { describe, it, expect, beforeAll } from "vitest";
import type pg from "pg";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { connect } from "../../src/runtime/connect";
import { addDays, todayIso } from "../../src/domain/dates";
import { useTestDatabase } from "../helpers/test-database";
import { call, ORIGIN } from "../helpers/open-data-contract";
import { useAppEnv } from "../../src/runtime/env";

const database = useTestDatabase();
let client: pg.Client;
type Route = { GET: (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response> };
let atom: Route;
let ics: Route;
let commitmentAtom: Route;
let areaAtom: Route;
let organisationAtom: Route;
let areaIcs: Route;
let organisationIcs: Route;
const today = todayIso();

beforeAll(async () => {
  const { url } = await database.get();
  useAppEnv({ DATABASE_URL: url }); // before the first getDb()
  client = await connect(url);
  // A revised deadline far in the future, so the calendar always has an event with a revision.
  const extract = (await client.query(`SELECT id FROM commitment WHERE slug = 'humphrey-extract-for-councils'`)).rows[0].id;
  const source = (await client.query(`SELECT id FROM source ORDER BY id LIMIT 1`)).rows[0].id;
  await client.query(
    `INSERT INTO deadline_revision (commitment_id, label, precision, due_date, reason, source_id, effective_on) VALUES ($1, 'by the end of 2030', 'year', '2030-12-31', 'Roll-out to every council will take longer & cost more <than planned>.', $2, '2026-06-15')`,
    [extract, source],
  );
  atom = await import("../../src/app/changes.atom/route");
  ics = await import("../../src/app/deadlines.ics/route");
  commitmentAtom = await import("../../src/app/commitments/[slug]/changes.atom/route");
  areaAtom = await import("../../src/app/areas/[slug]/changes.atom/route");
  organisationAtom = await import("../../src/app/organisations/[slug]/changes.atom/route");
  areaIcs = await import("../../src/app/areas/[slug]/deadlines.ics/route");
  organisationIcs = await import("../../src/app/organisations/[slug]/deadlines.ics/route");
  return async () => {
    await client.end();
    const { getDb } = await import("../../src/server/db");
    await getDb().$disconnect();
  };
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["entry", "link", "category", "author"].includes(name),
});
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const text = (node: unknown): string =>
  typeof node === "object" && node !== null ? String((node as Record<string, unknown>)["#text"] ?? "") : String(node);

async function feed(path: string) {
  const response = await call(atom.GET, path);
  const body = await response.text();
  return { response, body };
}

/** Commitment c is owned (led, or supported) by organisation $3, or $3 is null: read from commitment_owner. */
const OWNED = `($3::text IS NULL OR c.lead_organisation_id = (SELECT id FROM organisation WHERE slug = $3)
  OR EXISTS (SELECT 1 FROM commitment_owner w JOIN organisation o ON o.id = w.organisation_id WHERE w.commitment_id = c.id AND o.slug = $3))`;
const SCOPE = `($2::text IS NULL OR a.slug = $2) AND ${OWNED} AND ($4::text IS NULL OR c.slug = $4)`;
type Scope = { area?: string; organisation?: string; commitment?: string };
const scopeParams = (scope: Scope) => [scope.area ?? null, scope.organisation ?? null, scope.commitment ?? null];

/** Published changes (status updates and revisions, not original deadlines) in effect today. */
async function changesInDb(scope: Scope = {}) {
  const { rows } = await client.query(
    `SELECT 'status-update-' || u.id AS id, c.slug, u.published_at FROM status_update u JOIN commitment c ON c.id = u.commitment_id JOIN area a ON a.id = c.area_id
       WHERE u.confirmed_on <= $1 AND c.announced_on <= $1 AND ${SCOPE}
     UNION ALL
     SELECT 'deadline-revision-' || d.id, c.slug, d.published_at FROM deadline_revision d JOIN commitment c ON c.id = d.commitment_id JOIN area a ON a.id = c.area_id
       WHERE d.effective_on <= $1 AND c.announced_on <= $1 AND ${SCOPE}
         AND EXISTS (SELECT 1 FROM deadline_revision p WHERE p.commitment_id = d.commitment_id AND (p.effective_on, p.id) < (d.effective_on, d.id))`,
    [today, ...scopeParams(scope)],
  );
  return rows as { id: string; slug: string; published_at: Date }[];
}

/** Open commitments with a due date from today on: the events of a calendar. */
async function upcomingInDb(scope: Scope = {}) {
  const { rows } = await client.query(
    `SELECT c.slug, c.title, s.deadline_label, s.due_date, s.revisions_count FROM commitment_state_as_of($1::date) s
       JOIN commitment c ON c.id = s.commitment_id JOIN area a ON a.id = c.area_id
     WHERE s.due_date >= $1::date AND s.status NOT IN ('delivered', 'delivered_differently', 'dropped') AND ${SCOPE}`,
    [today, ...scopeParams(scope)],
  );
  return rows as { slug: string; title: string; deadline_label: string; due_date: Date; revisions_count: number }[];
}

describe("/changes.atom", () => {
  it("is well-formed Atom 1.0 with the elements RFC 4287 requires", async () => {
    const { response, body } = await feed("/changes.atom");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("etag")).toBeTruthy();
    expect(response.headers.get("cache-control")).toMatch(/^public/);
    expect(XMLValidator.validate(body)).toBe(true);
    const doc = parser.parse(body);
    const f = doc.feed;
    expect(f["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(text(f.id)).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(text(f.title)).toContain("Roadmap Tracker");
    expect(text(f.updated)).toMatch(RFC3339);
    expect(f.author[0].name).toBe("Roadmap Tracker");
    expect(f.link.find((l: Record<string, string>) => l["@rel"] === "self")["@href"]).toBe(`${ORIGIN}/changes.atom`);
    expect(f.link.find((l: Record<string, string>) => l["@rel"] === "alternate")["@href"]).toBe(`${ORIGIN}/changes`);
    for (const entry of f.entry) {
      for (const element of ["id", "title", "updated", "content"]) expect(entry[element], element).toBeDefined();
      expect(text(entry.updated)).toMatch(RFC3339);
      expect(entry.link[0]["@href"]).toMatch(new RegExp(`^${ORIGIN}/commitments/[a-z0-9-]+$`));
    }
  });

  it("has one entry per published change, with stable ids and links to the commitment", async () => {
    const { body } = await feed("/changes.atom");
    const entries = parser.parse(body).feed.entry as Record<string, any>[];
    const expected = await changesInDb();
    const { changeEntryId } = await import("../../src/server/open-data/atom");
    expect(entries).toHaveLength(Math.min(expected.length, 100));
    expect(new Set(entries.map((e) => text(e.id))).size).toBe(entries.length);
    const byEntryId = new Map(expected.map((c) => [changeEntryId(c.id), c]));
    for (const entry of entries) {
      const change = byEntryId.get(text(entry.id));
      expect(change, text(entry.id)).toBeDefined();
      expect(entry.link[0]["@href"]).toBe(`${ORIGIN}/commitments/${change!.slug}`);
      expect(text(entry.updated)).toBe(change!.published_at.toISOString());
    }
    const revision = entries.find((e) => text(e.title).includes("deadline moved to"))!;
    expect(text(revision.title)).toContain("“by the end of 2030”");
    expect(text(revision.content)).toContain("take longer &amp; cost more &lt;than planned&gt;");
    // The same data gives the same feed, byte for byte, so the ETag is stable.
    const again = await feed("/changes.atom");
    expect(again.body).toBe(body);
  });

  it("has a feed per area, and refuses unknown areas", async () => {
    const area = "ai-for-the-public-good";
    const { response, body } = await feed(`/changes.atom?area=${area}`);
    expect(response.status).toBe(200);
    const f = parser.parse(body).feed;
    expect(f.link.find((l: Record<string, string>) => l["@rel"] === "self")["@href"]).toBe(`${ORIGIN}/changes.atom?area=${area}`);
    expect(f.entry).toHaveLength((await changesInDb({ area })).length);
    for (const entry of f.entry) expect(entry.category.some((c: Record<string, string>) => c["@term"] === area)).toBe(true);
    expect(text(f.id)).not.toBe(text(parser.parse((await feed("/changes.atom")).body).feed.id));

    const unknown = await call(atom.GET, "/changes.atom?area=no-such-area");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    const bad = await call(atom.GET, "/changes.atom?area=Not_A_Slug&format=rss");
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { parameter: string }) => e.parameter).sort()).toEqual(["area", "format"]);
  });

  it("answers a conditional GET with 304", async () => {
    const { response } = await feed("/changes.atom");
    const again = await call(atom.GET, "/changes.atom", { headers: { "If-None-Match": response.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("gives entries name-based UUIDs (RFC 9562 version 5)", async () => {
    const { uuidV5 } = await import("../../src/server/open-data/ids");
    // Known answer: the DNS namespace and "www.example.com".
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });
});

describe("/deadlines.ics", () => {
  async function calendar(path = "/deadlines.ics") {
    const response = await call(ics.GET, path);
    const body = await response.text();
    return { response, body, vcalendar: new ICAL.Component(ICAL.parse(body)) };
  }

  it("is a valid iCalendar with an all-day event on the due date of every upcoming deadline", async () => {
    const { response, body, vcalendar } = await calendar();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    // RFC 5545 §3.1: every line ends with CRLF, the last one too.
    expect(body.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(vcalendar.name).toBe("vcalendar");
    expect(vcalendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(vcalendar.getFirstPropertyValue("prodid")).toContain("Roadmap Tracker");

    const rows = await upcomingInDb();
    const events = vcalendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid).sort()).toEqual(rows.map((r) => `deadline-${r.slug}@roadmap-tracker`).sort());
    for (const row of rows) {
      const event = events.find((e) => e.uid === `deadline-${row.slug}@roadmap-tracker`)!;
      const due = row.due_date.toISOString().slice(0, 10);
      expect(event.startDate.isDate, "all-day").toBe(true);
      expect(event.startDate.toString()).toBe(due);
      expect(event.endDate.toString()).toBe(addDays(due, 1));
      expect(event.summary).toContain(row.title);
      expect(event.summary).toContain(row.deadline_label);
      expect(event.description).toContain(`“${row.deadline_label}”`);
      expect(event.component.getFirstPropertyValue("url")).toBe(`${ORIGIN}/commitments/${row.slug}`);
      expect(event.sequence).toBe(row.revisions_count);
      expect(event.component.getFirstPropertyValue("dtstamp")).toBeTruthy();
    }
    const revised = events.find((e) => e.uid === "deadline-humphrey-extract-for-councils@roadmap-tracker")!;
    expect(revised.startDate.toString()).toBe("2030-12-31");
    expect(revised.sequence).toBe(1);
  });

  it("is stable between publications, and can be limited to an area", async () => {
    const first = await calendar();
    const second = await calendar();
    expect(second.body).toBe(first.body);
    const again = await call(ics.GET, "/deadlines.ics", { headers: { "If-None-Match": first.response.headers.get("etag")! } });
    expect(again.status).toBe(304);

    const area = "ai-for-the-public-good";
    const { vcalendar } = await calendar(`/deadlines.ics?area=${area}`);
    const rows = await upcomingInDb({ area });
    expect(
      vcalendar
        .getAllSubcomponents("vevent")
        .map((v) => new ICAL.Event(v).uid)
        .sort(),
    ).toEqual(rows.map((r) => `deadline-${r.slug}@roadmap-tracker`).sort());
    expect((await call(ics.GET, "/deadlines.ics?area=nowhere")).status).toBe(404);
    // An empty area (a form's empty field) is no filter, as everywhere: the whole calendar.
    expect((await calendar("/deadlines.ics?area=")).body).toBe(first.body);
  });
});

describe("the feeds of one commitment, area or organisation", () => {
  const link = (f: Record<string, any>, rel: string) => f.link.find((l: Record<string, string>) => l["@rel"] === rel)["@href"];
  const ids = (f: Record<string, any>) => ((f.entry ?? []) as Record<string, any>[]).map((e) => text(e.id)).sort();
  async function scoped(route: Route, path: string, slug: string, headers?: Record<string, string>) {
    const response = await call(route.GET, path, { params: { slug }, headers });
    const body = await response.text();
    return { response, body, feed: response.status === 200 ? parser.parse(body).feed : null };
  }
  const entryIds = async (scope: Scope) => {
    const { changeEntryId } = await import("../../src/server/open-data/atom");
    return (await changesInDb(scope)).map((c) => changeEntryId(c.id)).sort();
  };

  it("a commitment's feed has its changes and no other, linked to its page and to the citable version", async () => {
    const slug = "humphrey-extract-for-councils";
    const { response, feed: f } = await scoped(commitmentAtom, `/commitments/${slug}/changes.atom`, slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^public/);
    expect(link(f, "self")).toBe(`${ORIGIN}/commitments/${slug}/changes.atom`);
    expect(link(f, "alternate")).toBe(`${ORIGIN}/commitments/${slug}`);
    const { rows } = await client.query(`SELECT title FROM commitment WHERE slug = $1`, [slug]);
    expect(text(f.title)).toBe(`Roadmap Tracker: published changes: ${rows[0].title}`);
    expect(ids(f)).toEqual(await entryIds({ commitment: slug }));
    expect(ids(f).length).toBeGreaterThan(0);
    for (const entry of f.entry) {
      expect(entry.link[0]["@href"]).toBe(`${ORIGIN}/commitments/${slug}`);
      const version = /record version (\d+)/.exec(text(entry.content))![1];
      expect(text(entry.content)).toMatch(new RegExp(`href="${ORIGIN}/commitments/${slug}\\?version=${version}&amp;as_of=\\d{4}-\\d{2}-\\d{2}"`));
    }
    // The same change has the same id here as in the site-wide feed, so a reader of both sees it once.
    const all = parser.parse((await feed("/changes.atom")).body).feed;
    expect(ids(all)).toEqual(expect.arrayContaining(ids(f)));
    expect(text(f.id)).not.toBe(text(all.id));
  });

  it("an organisation's feed has the changes of the commitments it leads or supports, and not another's", async () => {
    // The organisation with the most changes, and a change of a commitment it does not own.
    const { rows } = await client.query(
      `SELECT o.slug FROM organisation o ORDER BY (SELECT COUNT(*) FROM status_update u JOIN commitment c ON c.id = u.commitment_id
         WHERE c.lead_organisation_id = o.id OR EXISTS (SELECT 1 FROM commitment_owner w WHERE w.commitment_id = c.id AND w.organisation_id = o.id)) DESC, o.slug LIMIT 1`,
    );
    const organisation = rows[0].slug as string;
    const { response, feed: f } = await scoped(organisationAtom, `/organisations/${organisation}/changes.atom`, organisation);
    expect(response.status).toBe(200);
    expect(link(f, "self")).toBe(`${ORIGIN}/organisations/${organisation}/changes.atom`);
    expect(link(f, "alternate")).toBe(`${ORIGIN}/organisations/${organisation}`);
    const expected = await entryIds({ organisation });
    const owned = new Set(expected);
    expect(ids(f).length).toBe(Math.min(expected.length, 100));
    for (const id of ids(f)) expect(owned.has(id), id).toBe(true);
    const others = ids(parser.parse((await feed("/changes.atom")).body).feed).filter((id) => !owned.has(id));
    expect(others.length).toBeGreaterThan(0);
    for (const id of others) expect(ids(f)).not.toContain(id);
  });

  it("an area's feed has the entries of /changes.atom?area=, under its own address", async () => {
    const area = "ai-for-the-public-good";
    const { feed: f } = await scoped(areaAtom, `/areas/${area}/changes.atom`, area);
    const query = parser.parse((await feed(`/changes.atom?area=${area}`)).body).feed;
    expect(ids(f)).toEqual(ids(query));
    expect(ids(f)).toEqual(await entryIds({ area }));
    expect(link(f, "self")).toBe(`${ORIGIN}/areas/${area}/changes.atom`);
    expect(link(f, "alternate")).toBe(`${ORIGIN}/areas/${area}`);
    expect(text(f.title)).toBe(text(query.title));
  });

  it("answers 404 for an unknown slug, 410 for a removed commitment and 400 for a parameter it does not take", async () => {
    for (const [route, path, slug] of [
      [commitmentAtom, "/commitments/no-such-commitment/changes.atom", "no-such-commitment"],
      [commitmentAtom, "/commitments/Not_A_Slug/changes.atom", "Not_A_Slug"],
      [areaAtom, "/areas/nowhere/changes.atom", "nowhere"],
      [organisationAtom, "/organisations/no-such-department/changes.atom", "no-such-department"],
      [areaIcs, "/areas/nowhere/deadlines.ics", "nowhere"],
      [organisationIcs, "/organisations/no-such-department/deadlines.ics", "no-such-department"],
    ] as const) {
      const { response, body } = await scoped(route, path, slug);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(JSON.parse(body).detail).toContain(slug);
    }
    const { rows } = await client.query(`SELECT slug FROM commitment_removal ORDER BY slug LIMIT 1`);
    const removed = await scoped(commitmentAtom, `/commitments/${rows[0].slug}/changes.atom`, rows[0].slug);
    expect(removed.response.status).toBe(410);
    const area = "ai-for-the-public-good";
    const bad = await scoped(areaAtom, `/areas/${area}/changes.atom?area=${area}&version=x`, area);
    expect(bad.response.status).toBe(400);
    expect(
      JSON.parse(bad.body)
        .errors.map((e: { parameter: string }) => e.parameter)
        .sort(),
    ).toEqual(["area", "version"]);
  });

  it("answers a conditional GET with 304 until a publish in its scope, and ignores publishes outside it", async () => {
    const { rows } = await client.query(
      `SELECT c.slug, o.slug AS organisation FROM commitment c JOIN organisation o ON o.id = c.lead_organisation_id
       WHERE c.announced_on <= $1 AND EXISTS (SELECT 1 FROM status_update u WHERE u.commitment_id = c.id) ORDER BY c.slug LIMIT 1`,
      [today],
    );
    const { slug, organisation } = rows[0];
    const path = `/organisations/${organisation}/changes.atom`;
    const first = await scoped(organisationAtom, path, organisation);
    const etag = first.response.headers.get("etag")!;
    expect((await scoped(organisationAtom, path, organisation, { "If-None-Match": etag })).response.status).toBe(304);

    // Another organisation's change leaves this feed as it was.
    const other = await client.query(
      `SELECT c.id FROM commitment c WHERE c.announced_on <= $1 AND NOT ${OWNED.replace(/\$3/g, "$2")} ORDER BY c.slug LIMIT 1`,
      [today, organisation],
    );
    const insert = `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on) VALUES ($1, 'in_progress', $2, (SELECT id FROM source ORDER BY id LIMIT 1), $3)`;
    await client.query(insert, [other.rows[0].id, "Work continues elsewhere.", today]);
    expect((await scoped(organisationAtom, path, organisation, { "If-None-Match": etag })).response.status).toBe(304);

    // Its own commitment's change is a new entry: the old ETag no longer matches.
    const own = (await client.query(`SELECT id FROM commitment WHERE slug = $1`, [slug])).rows[0].id;
    await client.query(insert, [own, "A pilot with two councils has started.", today]);
    const after = await scoped(organisationAtom, path, organisation, { "If-None-Match": etag });
    expect(after.response.status).toBe(200);
    expect(after.response.headers.get("etag")).not.toBe(etag);
    const entry = (after.feed.entry as Record<string, any>[]).find((e) => text(e.content).includes("A pilot with two councils has started."));
    expect(entry?.link[0]["@href"]).toBe(`${ORIGIN}/commitments/${slug}`);
    expect(text(entry?.content)).toContain("Source: <a href=");
  });
});

describe("the calendars of one area or organisation", () => {
  async function calendar(route: Route, path: string, slug: string) {
    const response = await call(route.GET, path, { params: { slug } });
    const body = await response.text();
    const events = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    return { response, body, events };
  }

  it("has the upcoming deadlines of that organisation, with the same UIDs as the site-wide calendar", async () => {
    const { rows } = await client.query(
      `SELECT o.slug FROM organisation o WHERE o.id IN (SELECT lead_organisation_id FROM commitment_state_as_of($1::date) s JOIN commitment c ON c.id = s.commitment_id
         WHERE s.due_date >= $1::date) ORDER BY o.slug LIMIT 1`,
      [today],
    );
    const organisation = rows[0].slug as string;
    const { response, events, body } = await calendar(organisationIcs, `/organisations/${organisation}/deadlines.ics`, organisation);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="roadmap-tracker-deadlines-${organisation}.ics"`);
    expect(body).toContain(`URL:${ORIGIN}/organisations/${organisation}/deadlines.ics`);
    const expected = (await upcomingInDb({ organisation })).map((r) => `deadline-${r.slug}@roadmap-tracker`).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(events.map((e) => e.uid).sort()).toEqual(expected);
    const site = await call(ics.GET, "/deadlines.ics");
    const siteEvents = new ICAL.Component(ICAL.parse(await site.text())).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(siteEvents.length).toBeGreaterThan(events.length);
    for (const event of events) {
      const same = siteEvents.find((e) => e.uid === event.uid)!;
      expect([event.startDate.toString(), event.sequence, event.summary]).toEqual([same.startDate.toString(), same.sequence, same.summary]);
    }
    const again = await call(organisationIcs.GET, `/organisations/${organisation}/deadlines.ics`, {
      params: { slug: organisation },
      headers: { "If-None-Match": response.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
  });

  it("has the upcoming deadlines of that area, and refuses ?area=", async () => {
    const area = "ai-for-the-public-good";
    const { events } = await calendar(areaIcs, `/areas/${area}/deadlines.ics`, area);
    expect(events.map((e) => e.uid).sort()).toEqual((await upcomingInDb({ area })).map((r) => `deadline-${r.slug}@roadmap-tracker`).sort());
    const bad = await call(areaIcs.GET, `/areas/${area}/deadlines.ics?area=${area}`, { params: { slug: area } });
    expect(bad.status).toBe(400);
  });
});
