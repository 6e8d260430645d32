// npm run db:seed:scale -- --commitments 10000 --updates-per-commitment 20 [--force]
// Fills the database with a synthetic but realistic dataset for benchmarks: the real areas
// and organisations, commitments with month deadlines, some revised, and long histories.
import { parseArgs } from "node:util";
import { z } from "zod";
import { appConfig, describeDatabaseUrl, ConfigError } from "../../src/runtime/env";
import { provideDatabase } from "../../src/runtime/database";
import { migrate } from "../../src/runtime/migrate";
import { connect } from "../../src/runtime/connect";
import { runMain } from "../../src/runtime/cli";
import { loadSeedFiles } from "../../src/server/seed/load-seed-files";

const options = z.object({
  commitments: z.coerce.number().int().min(1).max(1_000_000),
  "updates-per-commitment": z.coerce.number().int().min(0).max(500),
  force: z.boolean(),
  database: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .optional(),
});

/** The triggers that rebuild state periods after each statement (migration 20261202000000_citable_time). */
const STATE_TRIGGERS = [
  ["commitment", "commitment_insert_refresh_state"],
  ["deadline_revision", "deadline_revision_refresh_state"],
  ["status_update", "status_update_refresh_state"],
] as const;

/**
 * The row triggers that announce a public change (migration 20261210000000_freshness). Each row
 * appends its keys to the transaction's list and merges them into the one outbox row, so a batch
 * of 21,000 rows cost minutes (quadratic). The batch announces its keys once instead, the same keys.
 */
const ANNOUNCE_TRIGGERS = [
  ["commitment", "commitment_announce"],
  ["commitment_owner", "commitment_owner_announce"],
  ["deadline_revision", "deadline_revision_announce"],
  ["status_update", "status_update_announce"],
] as const;

/** What commitment_state_rows() computes; the versions are the publish's (to_version stays empty). */
const PERIOD_COLUMNS = [
  "commitment_id",
  "valid_from",
  "valid_to",
  "from_version",
  "status",
  "status_update_id",
  "status_confirmed_on",
  "status_effective_on",
  "pending_update_id",
  "pending_closes",
  "deadline_id",
  "deadline_label",
  "deadline_precision",
  "due_date",
  "revisions_count",
  "delivery_update_id",
  "delivered_from",
  "delivered_to",
  "due_then",
  "missed",
  "missed_count",
  "revision_id",
];

function progress(done: number, total: number, label: string) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write("\n");
}

runMain(async () => {
  const { values } = parseArgs({
    options: {
      commitments: { type: "string", default: "10000" },
      "updates-per-commitment": { type: "string", default: "20" },
      force: { type: "boolean", default: false },
      database: { type: "string" },
    },
  });
  const parsed = options.safeParse(values);
  if (!parsed.success) throw new ConfigError(`Bad option: ${parsed.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; ")}`);
  const { commitments: total, "updates-per-commitment": perCommitment, force } = parsed.data;

  const env = appConfig();
  const database = await provideDatabase(env, { database: parsed.data.database });
  const client = await connect(database.url);
  try {
    console.log(`Database: ${describeDatabaseUrl(database.url)}`);
    await migrate(database.url);
    const real = await client.query(`SELECT COUNT(*)::int AS n FROM commitment WHERE slug NOT LIKE 'synthetic-%'`);
    if (real.rows[0].n > 0 && !force) {
      throw new ConfigError(
        `This database holds ${real.rows[0].n} real commitments. Synthetic data would mix with them. Use a separate database (--database roadmap_tracker_bench) or add --force if you mean it.`,
      );
    }
    const data = loadSeedFiles();
    await client.query("BEGIN");
    for (const a of data.areas) {
      await client.query(`INSERT INTO area (slug, title, summary, position) VALUES ($1,$2,$3,$4) ON CONFLICT (slug) DO NOTHING`, [
        a.slug,
        a.title,
        a.summary,
        a.position,
      ]);
    }
    for (const o of data.organisations) {
      await client.query(`INSERT INTO organisation (slug, name, abbreviation) VALUES ($1,$2,$3) ON CONFLICT (slug) DO NOTHING`, [
        o.slug,
        o.name,
        o.abbreviation ?? null,
      ]);
    }
    await client.query(`
      INSERT INTO source (url, publisher, title, published_on, published_label)
      SELECT 'https://example.org/synthetic/report-' || n, 'Synthetic benchmark publisher', 'Synthetic progress report ' || n,
             DATE '2026-01-20' + (n % 300), 'synthetic'
      FROM generate_series(1, 500) n
      -- source.url is no longer unique (a source is recorded per citation since 20261205000000_second_editor).
      WHERE NOT EXISTS (SELECT 1 FROM source s WHERE s.url = 'https://example.org/synthetic/report-' || n)`);
    await client.query("COMMIT");

    const start = (await client.query(`SELECT COUNT(*)::int AS n FROM commitment WHERE slug LIKE 'synthetic-%'`)).rows[0].n as number;
    const batch = 1000;
    for (let from = start + 1; from <= start + total; from += batch) {
      const to = Math.min(from + batch - 1, start + total);
      await client.query("BEGIN");
      // Set-based: the per-statement triggers would recompute the batch's state periods three
      // times (after the commitments, the deadlines and the updates, all in the one statement
      // below), and the owners and revisions at commit once more. They are switched off for this
      // transaction only (ALTER TABLE is transactional), and the same functions they call run
      // once each, at the end, for the whole batch: the same rows, a quarter of the work.
      for (const [table, trigger] of [...STATE_TRIGGERS, ...ANNOUNCE_TRIGGERS])
        await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER "${trigger}"`);
      const inserted = await client.query<{ id: number }>(
        `
        WITH words AS (SELECT ARRAY['digital','data','service','platform','cloud','identity','payments','records','skills','AI','procurement','security','API','licensing','benefits','health','tax','justice','transport','schools'] AS w),
        new AS (
          INSERT INTO commitment (slug, area_id, lead_organisation_id, title, summary, announced_on)
          SELECT 'synthetic-' || n,
                 (SELECT id FROM area ORDER BY id OFFSET (n % (SELECT COUNT(*) FROM area)) LIMIT 1),
                 (SELECT id FROM organisation ORDER BY id OFFSET ((n * 7) % (SELECT COUNT(*) FROM organisation)) LIMIT 1),
                 initcap(w[1 + n % 20]) || ' ' || w[1 + (n / 20) % 20] || ' ' || w[1 + (n / 400) % 20] || ' programme ' || n,
                 'Synthetic commitment ' || n || ' to improve ' || w[1 + (n * 3) % 20] || ' and ' || w[1 + (n * 5) % 20] || ' services for citizens and businesses across government.',
                 DATE '2026-01-19'
          FROM generate_series($1::int, $2::int) n, words
          RETURNING id, slug
        ),
        numbered AS (SELECT id, substring(slug FROM 11)::int AS n FROM new),
        deadlines AS (
          INSERT INTO deadline_revision (commitment_id, label, precision, due_date, effective_on)
          SELECT id, to_char(d, 'FMMonth YYYY'), 'month', (d + INTERVAL '1 month - 1 day')::date, DATE '2026-01-19'
          FROM numbered, LATERAL (SELECT (DATE '2026-03-01' + ((n * 13) % 54) * INTERVAL '1 month')::date AS d) due
          RETURNING commitment_id
        ),
        revisions AS (
          INSERT INTO deadline_revision (commitment_id, label, precision, due_date, reason, source_id, effective_on)
          SELECT id, to_char(d, 'FMMonth YYYY'), 'month', (d + INTERVAL '1 month - 1 day')::date,
                 'Synthetic revision: the delivery plan was re-baselined.', (SELECT MIN(id) FROM source WHERE url LIKE 'https://example.org/synthetic/%'),
                 DATE '2026-01-20' + (n % 300)
          FROM numbered, LATERAL (SELECT (DATE '2026-09-01' + ((n * 17) % 48) * INTERVAL '1 month')::date AS d) due
          WHERE n % 10 = 0
          RETURNING commitment_id
        ),
        updates AS (
          INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on)
          SELECT id,
                 (CASE WHEN k = $3 AND n % 5 = 0 THEN 'delivered'
                       WHEN (n + k) % 11 = 0 THEN 'at_risk'
                       WHEN k = 1 AND n % 3 = 0 THEN 'not_started'
                       ELSE 'in_progress' END)::"StatusCode",
                 'Synthetic progress note ' || k || ' for commitment ' || n || '.',
                 (SELECT MIN(id) FROM source WHERE url LIKE 'https://example.org/synthetic/%') + ((n + k) % 500),
                 DATE '2026-01-20' + (k * 300 / GREATEST($3::int, 1)) + (n % 3)
          FROM numbered, generate_series(1, $3::int) k
          RETURNING 0 AS id
        )
        SELECT id FROM numbered`,
        [from, to, perCommitment],
      );
      const ids = inserted.rows.map((r) => r.id);
      await client.query(
        `
        INSERT INTO commitment_owner (commitment_id, organisation_id)
        SELECT c.id, o.id FROM commitment c
        JOIN LATERAL (SELECT id FROM organisation WHERE id <> c.lead_organisation_id ORDER BY (id * 31 + c.id) % 97 LIMIT 1) o ON TRUE
        WHERE c.id = ANY($1::int[]) AND c.id % 3 = 0
        ON CONFLICT DO NOTHING`,
        [ids],
      );
      // The attributes' revisions first (the commit-time triggers then find nothing new), then
      // the state periods, which point at them: for commitments that have none yet, what
      // refresh_commitment_state_periods() would write, without its comparisons with the rows
      // already there (its hash joins read the whole table, which made seeding quadratic).
      await client.query(`SELECT record_commitment_revision(id) FROM unnest($1::int[]) id`, [ids]);
      await client.query(
        `INSERT INTO commitment_state_period (${PERIOD_COLUMNS.join(", ")})
         SELECT ${PERIOD_COLUMNS.map((c) => (c === "from_version" ? "current_publication()" : `f.${c}`)).join(", ")}
         FROM commitment_state_rows($1::int[]) f`,
        [ids],
      );
      // Every key the batch's rows touch (each one's page, area, owners and the lists), announced
      // once, 200 commitments at a time (a NOTIFY payload holds at most 8,000 bytes).
      for (let i = 0; i < ids.length; i += 200) {
        await client.query(`SELECT announce_public_change(ARRAY(SELECT unnest(commitment_public_keys(id)) FROM unnest($1::int[]) id))`, [
          ids.slice(i, i + 200),
        ]);
      }
      // The commit-time revision triggers run now (and find nothing new): a table with pending trigger events cannot be altered.
      await client.query("SET CONSTRAINTS ALL IMMEDIATE");
      for (const [table, trigger] of [...STATE_TRIGGERS, ...ANNOUNCE_TRIGGERS])
        await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER "${trigger}"`);
      await client.query("COMMIT");
      progress(to - start, total, "Synthetic commitments");
    }
    await client.query("ANALYZE");
    const counts = await client.query(
      `SELECT (SELECT COUNT(*) FROM commitment)::int AS commitments, (SELECT COUNT(*) FROM status_update)::int AS updates, (SELECT COUNT(*) FROM deadline_revision)::int AS deadlines`,
    );
    console.log(`Now: ${JSON.stringify(counts.rows[0])}`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
    await database.stop();
  }
});
