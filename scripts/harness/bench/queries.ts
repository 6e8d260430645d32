// Times the heavy queries at scale and checks with EXPLAIN that they use indexes: as-of lists,
// missed deadlines, full-text search, and reads at an earlier record version.
import { createPrismaClient } from "../../../src/server/db";
import { getCommitmentSummary, listCommitments } from "../../../src/server/queries/commitments";
import { commitmentTimeline, listChanges } from "../../../src/server/queries/changes";
import { listMissedDeadlines } from "../../../src/server/queries/missed";
import { versionRecordedOn } from "../../../src/server/queries/versions";
import { listOrganisations, statusCountsByArea } from "../../../src/server/queries/overview";
import { connect } from "../../../src/runtime/connect";

export type QueryTiming = {
  /** Stable across sizes (the name carries version numbers that differ). */
  key: string;
  name: string;
  /** "page": a fixed number of rows (its cost should not grow with the data); "all": every row that matches. */
  rows: "page" | "all";
  medianMs: number;
  p95Ms: number;
  usesIndexes: boolean;
  plan: string;
};

async function time(run: () => Promise<unknown>, repeat = 15) {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, p95: samples[Math.floor(samples.length * 0.95)]! };
}

export async function timeQueries(url: string, today: string, repeat = 15): Promise<QueryTiming[]> {
  const db = createPrismaClient(url);
  const client = await connect(url);
  const latest = (await client.query(`SELECT latest_publication() AS v`)).rows[0].v as number;
  // A version well before the latest, after every synthetic commitment existed.
  const earlier = Math.max(1, Math.floor(latest / 2));
  const commitment =
    (await client.query(`SELECT slug FROM commitment WHERE slug LIKE 'synthetic-%' ORDER BY id LIMIT 1 OFFSET 4999`)).rows[0]?.slug ?? "ai-exemplars";
  const area = (await client.query(`SELECT slug FROM area ORDER BY position LIMIT 1`)).rows[0]?.slug ?? "none";
  const at = (d: string, v: number | string) => `commitment_state_at('${d}', ${v})`;
  const cases = [
    {
      key: "asof-first-page",
      name: `as-of list (as_of=2026-06-30, first page by due date)`,
      run: () => listCommitments(db, { asOf: "2026-06-30", sort: "due" }),
      sql: `SELECT * FROM ${at("2026-06-30", "latest_publication()")} s ORDER BY due_date LIMIT 25`,
      tables: ["commitment_state_period"],
    },
    {
      key: "missed-overdue-50",
      name: `missed deadlines as /missed asks (overdue as of ${today}: the 50 most overdue and the count)`,
      run: () => listCommitments(db, { asOf: today, overdue: true, sort: "overdue" }, { page: 1, pageSize: 50 }),
      sql: `SELECT * FROM ${at(today, "latest_publication()")} s WHERE s.overdue ORDER BY days_overdue DESC LIMIT 50`,
      tables: ["commitment_state_period"],
    },
    {
      key: "overdue-all",
      rows: "all" as const,
      name: `every overdue commitment at once (as of ${today}, no paging)`,
      run: () => listCommitments(db, { asOf: today, overdue: true, sort: "overdue" }, "all"),
      sql: `SELECT * FROM ${at(today, "latest_publication()")} s WHERE s.overdue ORDER BY days_overdue DESC`,
      tables: ["commitment_state_period"],
    },
    {
      key: "search",
      name: `full-text search (q="cloud security")`,
      run: () => listCommitments(db, { asOf: today, q: "cloud security", sort: "relevance" }),
      sql: `SELECT s.commitment_id FROM ${at(today, "latest_publication()")} s JOIN commitment_revision r ON r.id = s.revision_id WHERE r.search @@ websearch_to_tsquery('english', 'cloud security')`,
      tables: ["commitment_revision"],
    },
    {
      key: "missed-moved-50",
      name: `missed, then moved (as /missed asks: the 50 missed by most days, and the count)`,
      run: () => listMissedDeadlines(db, { asOf: today, outcome: "moved" }, { page: 1, pageSize: 50 }),
      sql: `SELECT * FROM ${at(today, "latest_publication()")} s, jsonb_array_elements(s.missed) e WHERE s.missed_count > 0 AND e->>'outcome' = 'moved'`,
      tables: ["commitment_state_period"],
    },
    {
      key: "missed-late-50",
      name: `delivered late (as /missed asks)`,
      run: () => listMissedDeadlines(db, { asOf: today, outcome: "delivered_late" }, { page: 1, pageSize: 50 }),
      sql: `SELECT * FROM ${at(today, "latest_publication()")} s, jsonb_array_elements(s.missed) e WHERE s.missed_count > 0 AND e->>'outcome' = 'delivered_late'`,
      tables: ["commitment_state_period"],
    },
    {
      key: "missed-true-page",
      name: `missed=true list (first page, as of ${today})`,
      run: () => listCommitments(db, { asOf: today, missed: true, sort: "overdue" }),
      sql: `SELECT * FROM ${at(today, "latest_publication()")} s WHERE s.missed_count > 0 ORDER BY days_overdue DESC LIMIT 25`,
      tables: ["commitment_state_period"],
    },
    {
      key: "version-first-page",
      name: `list at an earlier version (version=${earlier} of ${latest}, as_of=2026-06-30, first page)`,
      run: () => listCommitments(db, { asOf: "2026-06-30", version: earlier, sort: "due" }),
      sql: `SELECT * FROM ${at("2026-06-30", earlier)} s ORDER BY due_date LIMIT 25`,
      tables: ["commitment_state_period"],
    },
    {
      key: "version-overdue-50",
      name: `overdue at an earlier version (version=${earlier}, the 50 most overdue and the count)`,
      run: () => listCommitments(db, { asOf: today, version: earlier, overdue: true, sort: "overdue" }, { page: 1, pageSize: 50 }),
      sql: `SELECT * FROM ${at(today, earlier)} s WHERE s.overdue ORDER BY days_overdue DESC LIMIT 50`,
      tables: ["commitment_state_period"],
    },
    {
      key: "version-commitment",
      name: `one commitment and its history at an earlier version (version=${earlier})`,
      run: () => Promise.all([getCommitmentSummary(db, commitment, today, earlier), commitmentTimeline(db, commitment, today, earlier)]),
      sql: `SELECT * FROM ${at(today, earlier)} s WHERE s.commitment_id = (SELECT id FROM commitment WHERE slug = '${commitment}')`,
      tables: ["commitment_state_period"],
    },
    {
      key: "recorded-on",
      name: `recorded_on=${today}: the version recorded by the end of the day`,
      run: () => versionRecordedOn(db, today),
      sql: `SELECT MAX(version) FROM publication WHERE published_at < (('${today}'::date + 1)::timestamp AT TIME ZONE 'Europe/London')`,
      tables: ["publication"],
    },
    {
      key: "filtered-page",
      name: `filtered list (status=in_progress, one area, sort=due, first page)`,
      run: () => listCommitments(db, { asOf: today, status: ["in_progress"], area: [area], sort: "due" }),
      sql: `SELECT s.commitment_id FROM ${at(today, "latest_publication()")} s JOIN commitment_revision r ON r.id = s.revision_id JOIN area a ON a.id = r.area_id WHERE a.slug = '${area}' AND s.status = 'in_progress' ORDER BY s.due_date LIMIT 25`,
      tables: ["commitment_state_period"],
    },
    {
      key: "overview-counts",
      name: `overview counts (by status and area, overdue, last confirmed; as of ${today})`,
      run: () => statusCountsByArea(db, today),
      sql: `SELECT s.status, COUNT(*) FROM ${at(today, "latest_publication()")} s GROUP BY 1`,
      tables: ["commitment_state_period", "commitment_revision"],
    },
    {
      key: "overview-counts-version",
      name: `overview counts at an earlier version (version=${earlier})`,
      run: () => statusCountsByArea(db, today, earlier),
      sql: `SELECT s.status, COUNT(*) FROM ${at(today, earlier)} s GROUP BY 1`,
      tables: ["commitment_state_period", "commitment_revision"],
    },
    {
      key: "organisations",
      name: `organisations with how many each leads and supports`,
      run: () => listOrganisations(db),
      sql: `SELECT COUNT(*) FROM commitment_revision r WHERE r.version <= latest_publication() GROUP BY r.lead_organisation_id`,
      tables: ["commitment_revision"],
    },
    {
      key: "changes-first-page",
      name: `change log, first page of 50, and the count`,
      run: () => listChanges(db, { asOf: today }, { page: 1, pageSize: 50 }),
      sql: `SELECT u.id FROM status_update u WHERE u.version <= latest_publication() AND u.effective_on <= '${today}' ORDER BY u.effective_on DESC, u.published_at DESC, u.id DESC LIMIT 50`,
      tables: ["status_update"],
    },
  ];
  const results: QueryTiming[] = [];
  try {
    for (const c of cases) {
      const t = await time(c.run, repeat);
      const explain = await client.query(`EXPLAIN (FORMAT TEXT) ${c.sql}`);
      const plan = explain.rows.map((r) => r["QUERY PLAN"]).join("\n");
      const seqScans = c.tables.filter((table) => new RegExp(`Seq Scan on ${table}\\b`).test(plan));
      results.push({
        key: c.key,
        name: c.name,
        rows: c.rows ?? "page",
        medianMs: t.median,
        p95Ms: t.p95,
        usesIndexes: /Index|Bitmap/.test(plan) && seqScans.length === 0,
        plan,
      });
    }
  } finally {
    await client.end();
    await db.$disconnect();
  }
  return results;
}

/** Backdated updates on synthetic commitments spread over the data, one publish (one version) each, so reads at earlier versions meet closed rows. */
export async function publishBackdated(url: string, count: number) {
  const client = await connect(url);
  try {
    for (let i = 0; i < count; i++) {
      await client.query(
        `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on)
         SELECT c.id, (ARRAY['in_progress','at_risk','delivered']::"StatusCode"[])[1 + $1 % 3], 'Backdated benchmark update ' || $1, (SELECT MIN(id) FROM source), DATE '2026-02-01' + ($1 * 7) % 280
         FROM commitment c WHERE c.slug = 'synthetic-' || (1 + ($1 * 7919) % (SELECT COUNT(*) FROM commitment WHERE slug LIKE 'synthetic-%'))`,
        [i],
      );
    }
  } finally {
    await client.end();
  }
}
