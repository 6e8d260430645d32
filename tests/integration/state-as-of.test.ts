// The SQL that keeps commitment_state_period must give exactly the answers of the domain rules in
// src/domain/history.ts, for the real dataset and for randomly generated histories: dates of
// every precision (when it happened, when it was confirmed), deadline revisions, missed
// deadlines, and several publishes, each read back at every version.
import { describe, it, expect, beforeAll } from "vitest";
import fc from "fast-check";
import type pg from "pg";
import { connect } from "../../src/runtime/connect";
import { stateAsOf, type CommitmentHistory, type CommitmentState } from "../../src/domain/history";
import { STATUS_CODES } from "../../src/domain/status";
import { DATED_PRECISIONS, labelFor, resolvePastDate } from "../../src/domain/occurrence";
import { addDays, daysBetween, isoDay } from "../../src/domain/dates";
import { useTestDatabase } from "../helpers/test-database";
import { listChanges, type ChangeFilters } from "../../src/server/queries/changes";

const database = useTestDatabase();
let client: pg.Client;

beforeAll(async () => {
  client = await connect((await database.get()).url);
  return () => client.end();
});

/** Every commitment's history as recorded at a version. */
async function histories(version: number): Promise<Map<number, CommitmentHistory>> {
  const commitments = await client.query(
    `SELECT DISTINCT ON (commitment_id) commitment_id AS id, announced_on FROM commitment_revision WHERE version <= $1 ORDER BY commitment_id, version DESC`,
    [version],
  );
  const updates = await client.query(
    `SELECT id, commitment_id, status, confirmed_on, confirmed_to, occurred_from, occurred_to FROM status_update WHERE version <= $1`,
    [version],
  );
  const deadlines = await client.query(
    `SELECT id, commitment_id, label, precision, due_date, effective_on FROM deadline_revision WHERE version <= $1`,
    [version],
  );
  const map = new Map<number, CommitmentHistory>();
  for (const c of commitments.rows) map.set(c.id, { announcedOn: isoDay(c.announced_on)!, updates: [], deadlines: [] });
  for (const u of updates.rows) {
    (map.get(u.commitment_id)!.updates as unknown[]).push({
      status: u.status,
      confirmedOn: isoDay(u.confirmed_on),
      confirmedTo: isoDay(u.confirmed_to),
      occurred: u.occurred_from ? { from: isoDay(u.occurred_from), to: isoDay(u.occurred_to) } : null,
      sequence: u.id,
    });
  }
  for (const d of deadlines.rows)
    (map.get(d.commitment_id)!.deadlines as unknown[]).push({
      label: d.label,
      precision: d.precision,
      dueDate: isoDay(d.due_date),
      effectiveOn: isoDay(d.effective_on),
      sequence: d.id,
    });
  return map;
}

type Missed = {
  deadlineId: number;
  dueDate: string;
  missedOn: string;
  outcome: string;
  outcomeOn: string | null;
  movedTo: { deadlineId: number } | null;
  delivery: { from: string; to: string } | null;
  daysMissedBy: number | null;
  daysMissedByMax: number | null;
};

/** What both sides must agree on. */
function fromDomain(s: CommitmentState) {
  return {
    status: s.status,
    statusUpdateId: s.statusSequence,
    statusConfirmedOn: s.statusConfirmedOn,
    statusEffectiveOn: s.statusEffectiveOn,
    pendingUpdateId: s.pending?.sequence ?? null,
    deadlineId: s.deadline?.sequence ?? null,
    dueDate: s.dueDate,
    overdue: s.overdue,
    daysOverdue: s.daysOverdue,
    daysUntilDue: s.daysUntilDue,
    delivery: s.delivery,
    lateness: s.lateness,
    deliveredLate: s.deliveredLate,
    daysLate: s.daysLate,
    revisionsCount: s.revisionsCount,
    missed: s.missedDeadlines.map((m) => ({
      deadlineId: m.deadline.sequence,
      missedOn: m.missedOn,
      outcome: m.outcome,
      outcomeOn: m.outcomeOn,
      movedTo: m.movedTo?.sequence ?? null,
      delivery: m.delivery,
      days: [m.daysMissedBy, m.daysMissedByMax],
    })),
  };
}

function fromSql(r: Record<string, unknown>, asOf: string) {
  const d = (x: unknown) => isoDay(x as Date | null);
  return {
    status: r.status,
    statusUpdateId: r.status_update_id,
    statusConfirmedOn: d(r.status_confirmed_on),
    statusEffectiveOn: d(r.status_effective_on),
    pendingUpdateId: r.pending_update_id,
    deadlineId: r.deadline_id,
    dueDate: d(r.due_date),
    overdue: r.overdue,
    daysOverdue: r.days_overdue,
    daysUntilDue: r.days_until_due,
    delivery: r.delivery_update_id ? { from: d(r.delivered_from), to: d(r.delivered_to) } : null,
    lateness: r.lateness ? { kind: r.lateness, minDays: r.late_min, maxDays: r.late_max } : null,
    deliveredLate: r.delivered_late,
    daysLate: r.days_late,
    revisionsCount: r.revisions_count,
    missed: (r.missed as Missed[]).map((m) => ({
      deadlineId: m.deadlineId,
      missedOn: m.missedOn,
      outcome: m.outcome,
      outcomeOn: m.outcomeOn,
      movedTo: m.movedTo?.deadlineId ?? null,
      delivery: m.delivery,
      // Still overdue: missed by the days overdue on the date.
      days: m.outcome === "overdue" ? [daysBetween(m.dueDate, asOf), daysBetween(m.dueDate, asOf)] : [m.daysMissedBy, m.daysMissedByMax],
    })),
  };
}

async function compareOn(asOf: string, version: number) {
  const all = await histories(version);
  const { rows } = await client.query(`SELECT * FROM commitment_state_at($1::date, $2::int)`, [asOf, version]);
  const sql = new Map(rows.map((r) => [r.commitment_id, r]));
  expect(
    [...sql.keys()].every((id) => all.has(id)),
    `rows at version ${version} only for commitments recorded by then`,
  ).toBe(true);
  for (const [id, history] of all) {
    const expected = stateAsOf(history, asOf);
    const actual = sql.get(id);
    if (!expected) {
      expect(actual, `commitment ${id} should not exist as of ${asOf}`).toBeUndefined();
      continue;
    }
    expect(actual, `commitment ${id} as of ${asOf} at version ${version}`).toBeDefined();
    expect(fromSql(actual, asOf), `commitment ${id} as of ${asOf} at version ${version}`).toEqual(fromDomain(expected));
  }
}

const latest = async () => (await client.query(`SELECT latest_publication() AS v`)).rows[0].v as number;

/**
 * The fast paths of migration 20261211000000/000100 against the straightforward reads: the counts
 * kept per day (state_count_delta) equal counting the latest version's state on the date, and the
 * title each period keeps for ordering is its revision's.
 */
async function compareFastPaths(asOf: string) {
  const direct = await client.query(
    `SELECT r.area_id, CASE WHEN s.status_update_id IS NULL THEN 'no_progress_reported' ELSE s.status::text END AS status,
            s.overdue, s.missed_count > 0 AS missed, s.due_date IS NULL AS no_deadline, COUNT(*)::int AS n
     FROM commitment_state_at($1::date, latest_publication()) s JOIN commitment_revision r ON r.id = s.revision_id AND r.removal_reason IS NULL
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    [asOf],
  );
  const steps = await client.query(
    `SELECT area_id, status, overdue, missed, no_deadline, SUM(n)::int AS n FROM state_count_delta WHERE day <= $1::date
     GROUP BY 1, 2, 3, 4, 5 HAVING SUM(n) <> 0 ORDER BY 1, 2, 3, 4, 5`,
    [asOf],
  );
  expect(steps.rows, `counts as of ${asOf}`).toEqual(direct.rows);
  const titles = await client.query(
    `SELECT COUNT(*)::int AS n FROM commitment_state_period p LEFT JOIN commitment_revision r ON r.id = p.revision_id WHERE p.sort_title IS DISTINCT FROM r.title`,
  );
  expect(titles.rows[0].n, "periods whose sort_title is not their revision's title").toBe(0);
}

/**
 * The change log's totals kept per day (change_count_delta, migration 20261215000000_change_counts)
 * equal the table counted afresh from the history and each commitment's latest revision, and
 * the log's total (from the kept steps) equals the number of changes it lists.
 */
async function compareChangeCounts(asOf?: string) {
  const rebuilt = await client.query(
    `SELECT e.day::text, r.announced_on::text, r.area_id, e.kind, COUNT(*)::int AS n
     FROM (
       SELECT u.commitment_id, u.effective_on AS day, 'status_update' AS kind FROM status_update u
       UNION ALL
       SELECT d.commitment_id, d.effective_on, 'deadline_revision' FROM (
         SELECT d.commitment_id, d.effective_on, ROW_NUMBER() OVER (PARTITION BY d.commitment_id ORDER BY d.effective_on, d.id) AS k FROM deadline_revision d
       ) d WHERE d.k > 1
     ) e
     JOIN (SELECT DISTINCT ON (commitment_id) commitment_id, announced_on, area_id, removal_reason FROM commitment_revision ORDER BY commitment_id, version DESC) r
       ON r.commitment_id = e.commitment_id AND r.removal_reason IS NULL
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  );
  const kept = await client.query(
    `SELECT day::text, announced_on::text, area_id, kind, SUM(n)::int AS n FROM change_count_delta GROUP BY 1, 2, 3, 4 HAVING SUM(n) <> 0 ORDER BY 1, 2, 3, 4`,
  );
  expect(kept.rows, "change_count_delta against the history counted afresh").toEqual(rebuilt.rows);
  if (!asOf) return;
  const db = (await database.get()).db;
  const area = (await client.query(`SELECT slug FROM area ORDER BY position LIMIT 1`)).rows[0].slug as string;
  const filters: ChangeFilters[] = [
    { asOf },
    { asOf, kind: "status_update" },
    { asOf, kind: "deadline_revision" },
    { asOf, area: [area] },
    { asOf, since: "2026-06-01" },
  ];
  for (const f of filters) {
    const page = await listChanges(db, f, { page: 1, pageSize: 1 });
    const all = await listChanges(db, f, "all");
    expect(page.total, `log total for ${JSON.stringify(f)}`).toBe(all.items.length);
  }
}

/** The counts kept per organisation (migration 20261215000100_organisation_counts) equal counting the latest revisions. */
async function compareOrganisationCounts() {
  const counted = await client.query(
    `SELECT o.id, COUNT(*) FILTER (WHERE r.lead_organisation_id = o.id)::int AS leads, COUNT(*) FILTER (WHERE o.id = ANY(r.supporting_organisation_ids))::int AS supports
     FROM organisation o
     JOIN (SELECT DISTINCT ON (commitment_id) * FROM commitment_revision ORDER BY commitment_id, version DESC) r
       ON r.removal_reason IS NULL AND (r.lead_organisation_id = o.id OR o.id = ANY(r.supporting_organisation_ids))
     GROUP BY o.id ORDER BY o.id`,
  );
  const kept = await client.query(
    `SELECT organisation_id AS id, leads::int, supports::int FROM organisation_commitment_count WHERE leads <> 0 OR supports <> 0 ORDER BY 1`,
  );
  expect(kept.rows, "organisation_commitment_count against the latest revisions").toEqual(counted.rows);
}

describe("commitment_state_at agrees with the domain rules", () => {
  it("on the real dataset, on dates from before launch to years ahead", async () => {
    const v = await latest();
    for (const asOf of [
      "2025-12-31",
      "2026-01-19",
      "2026-03-15",
      "2026-03-31",
      "2026-04-15",
      "2026-06-15",
      "2026-06-30",
      "2026-09-01",
      "2026-11-21",
      "2027-01-01",
      "2029-01-01",
    ]) {
      await compareOn(asOf, v);
      await compareFastPaths(asOf);
    }
    for (const asOf of ["2026-01-19", "2026-06-30", "2027-01-01"]) await compareChangeCounts(asOf);
    await compareOrganisationCounts();
  });

  it("the change log's and organisations' kept totals follow a commitment moved to another area and owners, re-dated, and taken off the tracker", async () => {
    const other = (await client.query(`SELECT id FROM area ORDER BY position DESC LIMIT 1`)).rows[0].id;
    const orgs = (await client.query(`SELECT id FROM organisation ORDER BY id DESC LIMIT 2`)).rows.map((r) => r.id as number);
    const target = (
      await client.query(
        `SELECT c.id FROM commitment c WHERE c.area_id <> $1 AND EXISTS (SELECT 1 FROM status_update u WHERE u.commitment_id = c.id)
         AND EXISTS (SELECT 1 FROM deadline_revision d WHERE d.commitment_id = c.id) ORDER BY c.id LIMIT 1`,
        [other],
      )
    ).rows[0].id;
    const source = (await client.query(`SELECT id FROM source LIMIT 1`)).rows[0].id;
    await client.query("BEGIN");
    try {
      for (const change of [
        `UPDATE commitment SET area_id = ${other} WHERE id = ${target}`,
        `UPDATE commitment SET lead_organisation_id = ${orgs[0]} WHERE id = ${target}`,
        `INSERT INTO commitment_owner (commitment_id, organisation_id) VALUES (${target}, ${orgs[1]}) ON CONFLICT DO NOTHING`,
        `UPDATE commitment SET lead_organisation_id = NULL WHERE id = ${target}`,
        `UPDATE commitment SET announced_on = announced_on + 200 WHERE id = ${target}`,
        // A backdated deadline before the first: the first becomes a change.
        `INSERT INTO deadline_revision (commitment_id, label, precision, due_date, effective_on) VALUES (${target}, 'x', 'day', '2026-04-01', '2025-06-01')`,
        `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on) VALUES (${target}, 'at_risk', 'Test', ${source}, '2026-07-01')`,
        `UPDATE commitment SET removal_reason = 'No source states it.' WHERE id = ${target}`,
        `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on) VALUES (${target}, 'delivered', 'Test', ${source}, '2026-08-01')`,
        `UPDATE commitment SET removal_reason = NULL WHERE id = ${target}`,
      ]) {
        await client.query(`SELECT set_config('roadmap_tracker.publication', '', true)`);
        await client.query(change);
        // The commitment's revision is written at commit; run that now, inside this transaction.
        await client.query("SET CONSTRAINTS ALL IMMEDIATE");
        await client.query("SET CONSTRAINTS ALL DEFERRED");
        await compareChangeCounts();
        await compareOrganisationCounts();
      }
    } finally {
      await client.query("ROLLBACK");
    }
  });

  it("commitment_state_as_of(date) is the latest version's answer, as before", async () => {
    const a = await client.query(
      `SELECT commitment_id, status, due_date, overdue, days_overdue, delivered_late, days_late FROM commitment_state_as_of('2026-12-01') ORDER BY 1`,
    );
    const b = await client.query(
      `SELECT commitment_id, status, due_date, overdue, days_overdue, delivered_late, days_late FROM commitment_state_at('2026-12-01', latest_publication()) ORDER BY 1`,
    );
    expect(a.rows).toEqual(b.rows);
    expect(a.rows.length).toBeGreaterThan(0);
  });

  it("on random histories published over several versions: windows of every precision, ties, revisions, deliveries, missed deadlines", async () => {
    const area = (await client.query(`SELECT id FROM area LIMIT 1`)).rows[0].id;
    const org = (await client.query(`SELECT id FROM organisation LIMIT 1`)).rows[0].id;
    const source = (await client.query(`SELECT id FROM source LIMIT 1`)).rows[0].id;
    const offset = fc.integer({ min: -20, max: 420 });
    const win = fc.record({ precision: fc.constantFrom(...DATED_PRECISIONS), at: offset }).map(({ precision, at }) => {
      const label = labelFor(precision, addDays("2026-01-01", at));
      const r = resolvePastDate(label, precision, "2035-01-01");
      if (!r.ok) throw new Error(r.error);
      return { label, precision, ...r.window };
    });
    const publish = fc.integer({ min: 0, max: 3 });
    const history = fc.record({
      announced: fc.integer({ min: 0, max: 200 }).map((n) => addDays("2026-01-01", n)),
      deadlines: fc.array(fc.record({ due: fc.option(win, { nil: null }), after: fc.integer({ min: 0, max: 300 }), publish }), {
        minLength: 1,
        maxLength: 4,
      }),
      updates: fc.array(fc.record({ status: fc.constantFrom(...STATUS_CODES), confirmed: win, occurred: fc.option(win, { nil: null }), publish }), {
        maxLength: 6,
      }),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        history,
        fc.array(
          offset.map((o) => addDays("2026-01-01", o)),
          { minLength: 1, maxLength: 3 },
        ),
        async (h, dates) => {
          n++;
          await client.query("BEGIN");
          try {
            const c = await client.query(
              `INSERT INTO commitment (slug, area_id, lead_organisation_id, title, summary, announced_on) VALUES ($1, $2, $3, 'Random', 'Random history', $4) RETURNING id`,
              [`random-${n}`, area, org, h.announced],
            );
            const id = c.rows[0].id;
            // The commitment's revision is written at commit; run that now, inside this transaction.
            await client.query("SET CONSTRAINTS ALL IMMEDIATE");
            await client.query("SET CONSTRAINTS ALL DEFERRED");
            // Each group is one publish: a transaction of its own would take the next version the
            // same way (the version is kept per transaction; clearing it starts the next publish).
            const first = await latest();
            for (let group = 0; group <= 3; group++) {
              await client.query(`SELECT set_config('roadmap_tracker.publication', '', true)`);
              for (const [i, d] of h.deadlines.entries()) {
                if (Math.min(d.publish, i === 0 ? 0 : 3) !== group) continue;
                await client.query(
                  `INSERT INTO deadline_revision (commitment_id, label, precision, due_date, effective_on) VALUES ($1, 'x', $2, $3, $4)`,
                  [id, d.due ? "day" : "open", d.due?.to ?? null, i === 0 ? h.announced : addDays(h.announced, d.after)],
                );
              }
              for (const u of h.updates.filter((x) => x.publish === group)) {
                const occurred = u.occurred && u.occurred.from <= u.confirmed.to ? u.occurred : null;
                await client.query(
                  `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on, confirmed_to, confirmed_precision, confirmed_label,
                                            occurred_label, occurred_precision, occurred_from, occurred_to)
                 VALUES ($1, $2, 'Random update', $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
                  [
                    id,
                    u.status,
                    source,
                    u.confirmed.from,
                    u.confirmed.to,
                    u.confirmed.precision,
                    u.confirmed.label,
                    occurred?.label ?? null,
                    occurred?.precision ?? null,
                    occurred?.from ?? null,
                    occurred?.to ?? null,
                  ],
                );
              }
            }
            const last = await latest();
            for (let version = first; version <= last; version++) for (const asOf of dates) await compareOn(asOf, version);
            for (const asOf of dates) await compareFastPaths(asOf);
            await compareChangeCounts();
            await compareOrganisationCounts();
          } finally {
            await client.query("ROLLBACK");
          }
        },
      ),
      { numRuns: 60, seed: 20261202 },
    );
  });

  it("a read at a version is not changed by anything published later", async () => {
    const v = await latest();
    const before = await client.query(`SELECT * FROM commitment_state_at('2026-06-30', $1) ORDER BY commitment_id`, [v]);
    await client.query("BEGIN");
    try {
      const target = before.rows.find((r) => r.status === "not_started")!.commitment_id;
      const source = (await client.query(`SELECT id FROM source LIMIT 1`)).rows[0].id;
      // A backdated update and a backdated deadline change, published after version v.
      await client.query(
        `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on) VALUES ($1, 'delivered', 'Backdated', $2, '2026-05-01')`,
        [target, source],
      );
      await client.query(
        `INSERT INTO deadline_revision (commitment_id, label, precision, due_date, effective_on) VALUES ($1, 'x', 'day', '2026-04-01', '2026-03-01')`,
        [target],
      );
      expect(await latest()).toBe(v + 1);
      const after = await client.query(`SELECT * FROM commitment_state_at('2026-06-30', $1) ORDER BY commitment_id`, [v]);
      expect(after.rows).toEqual(before.rows);
      const now = await client.query(`SELECT status FROM commitment_state_at('2026-06-30', $1) WHERE commitment_id = $2`, [v + 1, target]);
      expect(now.rows[0].status).toBe("delivered");
    } finally {
      await client.query("ROLLBACK");
    }
  });
});
