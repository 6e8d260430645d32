// /changes.atom and /deadlines.ics, parsed back with independent parsers (fast-xml-parser for
// Atom, ical.js for iCalendar) and compared with the database.
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
type Route = { GET: (request: Request) => Promise<Response> };
let atom: Route;
let ics: Route;
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

/** Published changes (status updates and revisions, not original deadlines) in effect today. */
async function changesInDb(area?: string) {
  const { rows } = await client.query(
    `SELECT 'status-update-' || u.id AS id, c.slug, u.published_at FROM status_update u JOIN commitment c ON c.id = u.commitment_id JOIN area a ON a.id = c.area_id
       WHERE u.confirmed_on <= $1 AND c.announced_on <= $1 AND ($2::text IS NULL OR a.slug = $2)
     UNION ALL
     SELECT 'deadline-revision-' || d.id, c.slug, d.published_at FROM deadline_revision d JOIN commitment c ON c.id = d.commitment_id JOIN area a ON a.id = c.area_id
       WHERE d.effective_on <= $1 AND c.announced_on <= $1 AND ($2::text IS NULL OR a.slug = $2)
         AND EXISTS (SELECT 1 FROM deadline_revision p WHERE p.commitment_id = d.commitment_id AND (p.effective_on, p.id) < (d.effective_on, d.id))`,
    [today, area ?? null],
  );
  return rows as { id: string; slug: string; published_at: Date }[];
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
    expect(f.entry).toHaveLength((await changesInDb(area)).length);
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

    const { rows } = await client.query(
      `SELECT c.slug, c.title, s.deadline_label, s.due_date, s.revisions_count FROM commitment_state_as_of($1::date) s JOIN commitment c ON c.id = s.commitment_id
       WHERE s.due_date >= $1::date AND s.status NOT IN ('delivered', 'delivered_differently', 'dropped')`,
      [today],
    );
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
    const { rows } = await client.query(
      `SELECT c.slug FROM commitment_state_as_of($1::date) s JOIN commitment c ON c.id = s.commitment_id JOIN area a ON a.id = c.area_id
       WHERE a.slug = $2 AND s.due_date >= $1::date AND s.status NOT IN ('delivered', 'delivered_differently', 'dropped')`,
      [today, area],
    );
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
