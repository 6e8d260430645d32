// Times the heavy queries at scale and checks with EXPLAIN that they use indexes.
import { createPrismaClient } from "../../../src/server/db";
import { listCommitments } from "../../../src/server/queries/commitments";
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
  const cases = [
    {
      name: `as-of list (as_of=2026-06-30, first page by due date)`,
      run: () => listCommitments(db, { asOf: "2026-06-30", sort: "due" }),
      sql: `SELECT * FROM commitment_state_as_of('2026-06-30') s ORDER BY due_date LIMIT 25`,
      tables: ["commitment_state_period"],
    },
    {
      name: `missed deadlines as /missed asks (overdue as of ${today}: the 50 most overdue and the count)`,
      run: () => listCommitments(db, { asOf: today, overdue: true, sort: "overdue" }, { page: 1, pageSize: 50 }),
      sql: `SELECT * FROM commitment_state_as_of('${today}') s WHERE s.overdue ORDER BY days_overdue DESC LIMIT 50`,
      tables: ["commitment_state_period"],
    },
    {
      name: `every overdue commitment at once (as of ${today}, no paging)`,
      run: () => listCommitments(db, { asOf: today, overdue: true, sort: "overdue" }, "all"),
      sql: `SELECT * FROM commitment_state_as_of('${today}') s WHERE s.overdue ORDER BY days_overdue DESC`,
      tables: ["commitment_state_period"],
    },
    {
      name: `full-text search (q="cloud security")`,
      run: () => listCommitments(db, { asOf: today, q: "cloud security", sort: "relevance" }),
      sql: `SELECT id FROM commitment c WHERE c.search @@ websearch_to_tsquery('english', 'cloud security')`,
      tables: ["commitment"],
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
