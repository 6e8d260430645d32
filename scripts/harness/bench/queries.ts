// Times the heavy queries at scale and checks with EXPLAIN that they use indexes: as-of lists,
// missed deadlines, full-text search, and reads at an earlier record version.
import { createPrismaClient } from "../../../src/server/db";
import { getCommitmentSummary, listCommitments } from "../../../src/server/queries/commitments";
import { commitmentTimeline } from "../../../src/server/queries/changes";
import { listMissedDeadlines } from "../../../src/server/queries/missed";
import { versionRecordedOn } from "../../../src/server/queries/versions";
import { connect } from "../../../src/runtime/connect";

export type QueryTiming = { name: string; medianMs: number; p95Ms: number; usesIndexes: boolean; plan: string };

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

export async function timeQueries(url: string, today: string): Promise<QueryTiming[]> {
  const db = createPrismaClient(url);
  const client = await connect(url);
  const latest = (await client.query(`SELECT latest_publication() AS v`)).rows[0].v as number;
  // A version well before the latest, after every synthetic commitment existed.
  const earlier = Math.max(1, Math.floor(latest / 2));
  const commitment =
    (await client.query(`SELECT slug FROM commitment WHERE slug LIKE 'synthetic-%' ORDER BY id LIMIT 1 OFFSET 4999`)).rows[0]?.slug ?? "ai-exemplars";
  const at = (d: string, v: number | string) => `commitment_state_at('${d}', ${v})`;
  const cases = [
    {
      name: `as-of list (as_of=2026-06-30, first page by due date)`,
      run: () => listCommitments(db, { asOf: "2026-06-30", sort: "due" }),
      sql: `SELECT * FROM ${at("2026-06-30", "latest_publication()")} s ORDER BY due_date LIMIT 25`,
      tables: ["commitment_state_period"],
    },
    {
      name: `missed deadlines as /missed asks (overdue as of ${today}: the 50 most overdue and the count)`,
      run: () => listCommitments(db, { asOf: today, overdue: true, sort: "overdue" }, { page: 1, pageSize: 50 }),
      sql: `SELECT * FROM ${at(today, "latest_publication()")} s WHERE s.overdue ORDER BY days_overdue DESC LIMIT 50`,
      tables: ["commitment_state_period"],
    },
    {
      name: `every overdue commitment at once (as of ${today}, no paging)`,
      run: () => listCommitments(db, { asOf: today, overdue: true, sort: "overdue" }, "all"),
      sql: `SELECT * FROM ${at(today, "latest_publication()")} s WHERE s.overdue ORDER BY days_overdue DESC`,
      tables: ["commitment_state_period"],
    },
    {
      name: `full-text search (q="cloud security")`,
      run: () => listCommitments(db, { asOf: today, q: "cloud security", sort: "relevance" }),
      sql: `SELECT s.commitment_id FROM ${at(today, "latest_publication()")} s JOIN commitment_revision r ON r.id = s.revision_id WHERE r.search @@ websearch_to_tsquery('english', 'cloud security')`,
      tables: ["commitment_revision"],
    },
    {
      name: `missed, then moved (as /missed asks: the 50 missed by most days, and the count)`,
      run: () => listMissedDeadlines(db, { asOf: today, outcome: "moved" }, { page: 1, pageSize: 50 }),
      sql: `SELECT * FROM ${at(today, "latest_publication()")} s, jsonb_array_elements(s.missed) e WHERE s.missed_count > 0 AND e->>'outcome' = 'moved'`,
      tables: ["commitment_state_period"],
    },
    {
      name: `delivered late (as /missed asks)`,
      run: () => listMissedDeadlines(db, { asOf: today, outcome: "delivered_late" }, { page: 1, pageSize: 50 }),
      sql: `SELECT * FROM ${at(today, "latest_publication()")} s, jsonb_array_elements(s.missed) e WHERE s.missed_count > 0 AND e->>'outcome' = 'delivered_late'`,
      tables: ["commitment_state_period"],
    },
    {
      name: `missed=true list (first page, as of ${today})`,
      run: () => listCommitments(db, { asOf: today, missed: true, sort: "overdue" }),
      sql: `SELECT * FROM ${at(today, "latest_publication()")} s WHERE s.missed_count > 0 ORDER BY days_overdue DESC LIMIT 25`,
      tables: ["commitment_state_period"],
    },
    {
      name: `list at an earlier version (version=${earlier} of ${latest}, as_of=2026-06-30, first page)`,
      run: () => listCommitments(db, { asOf: "2026-06-30", version: earlier, sort: "due" }),
      sql: `SELECT * FROM ${at("2026-06-30", earlier)} s ORDER BY due_date LIMIT 25`,
      tables: ["commitment_state_period"],
    },
    {
      name: `overdue at an earlier version (version=${earlier}, the 50 most overdue and the count)`,
      run: () => listCommitments(db, { asOf: today, version: earlier, overdue: true, sort: "overdue" }, { page: 1, pageSize: 50 }),
      sql: `SELECT * FROM ${at(today, earlier)} s WHERE s.overdue ORDER BY days_overdue DESC LIMIT 50`,
      tables: ["commitment_state_period"],
    },
    {
      name: `one commitment and its history at an earlier version (version=${earlier})`,
      run: () => Promise.all([getCommitmentSummary(db, commitment, today, earlier), commitmentTimeline(db, commitment, today, earlier)]),
      sql: `SELECT * FROM ${at(today, earlier)} s WHERE s.commitment_id = (SELECT id FROM commitment WHERE slug = '${commitment}')`,
      tables: ["commitment_state_period"],
    },
    {
      name: `recorded_on=${today}: the version recorded by the end of the day`,
      run: () => versionRecordedOn(db, today),
      sql: `SELECT MAX(version) FROM publication WHERE published_at < (('${today}'::date + 1)::timestamp AT TIME ZONE 'Europe/London')`,
      tables: ["publication"],
    },
  ];
  const results: QueryTiming[] = [];
  try {
    for (const c of cases) {
      const t = await time(c.run);
      const explain = await client.query(`EXPLAIN (FORMAT TEXT) ${c.sql}`);
      const plan = explain.rows.map((r) => r["QUERY PLAN"]).join("\n");
      const seqScans = c.tables.filter((table) => new RegExp(`Seq Scan on ${table}\\b`).test(plan));
      results.push({ name: c.name, medianMs: t.median, p95Ms: t.p95, usesIndexes: /Index|Bitmap/.test(plan) && seqScans.length === 0, plan });
    }
  } finally {
    await client.end();
    await db.$disconnect();
  }
  return results;
}
