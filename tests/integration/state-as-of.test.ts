// The SQL function commitment_state_as_of must give exactly the answers of the domain rules in
// src/domain/history.ts, for the real dataset and for randomly generated histories.
import { describe, it, expect, beforeAll } from "vitest";
import fc from "fast-check";
import type pg from "pg";
import { connect } from "../../src/runtime/connect";
import { stateAsOf, type CommitmentHistory } from "../../src/domain/history";
import { STATUS_CODES } from "../../src/domain/status";
import { addDays, isoDay } from "../../src/domain/dates";
import { useTestDatabase } from "../helpers/test-database";

const database = useTestDatabase();
let client: pg.Client;

beforeAll(async () => {
  client = await connect((await database.get()).url);
  return () => client.end();
});

async function histories(): Promise<Map<number, CommitmentHistory>> {
  const commitments = await client.query(`SELECT id, announced_on FROM commitment`);
  const updates = await client.query(`SELECT id, commitment_id, status, confirmed_on FROM status_update`);
  const deadlines = await client.query(`SELECT id, commitment_id, label, precision, due_date, effective_on FROM deadline_revision`);
  const map = new Map<number, CommitmentHistory>();
  for (const c of commitments.rows) map.set(c.id, { announcedOn: isoDay(c.announced_on), updates: [], deadlines: [] });
  for (const u of updates.rows)
    (map.get(u.commitment_id)!.updates as unknown[]).push({ status: u.status, confirmedOn: isoDay(u.confirmed_on), sequence: u.id });
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

async function compareOn(asOf: string) {
  const all = await histories();
  const { rows } = await client.query(`SELECT * FROM commitment_state_as_of($1::date)`, [asOf]);
  const fromSql = new Map(rows.map((r) => [r.commitment_id, r]));
  for (const [id, history] of all) {
    const expected = stateAsOf(history, asOf);
    const actual = fromSql.get(id);
    if (!expected) {
      expect(actual, `commitment ${id} should not exist as of ${asOf}`).toBeUndefined();
      continue;
    }
    expect(actual, `commitment ${id} as of ${asOf}`).toBeDefined();
    expect(
      {
        status: actual.status,
        statusConfirmedOn: isoDay(actual.status_confirmed_on),
        label: actual.deadline_label,
        dueDate: isoDay(actual.due_date),
        overdue: actual.overdue,
        daysOverdue: actual.days_overdue,
        daysUntilDue: actual.days_until_due,
        deliveredLate: actual.delivered_late,
        daysLate: actual.days_late,
        revisionsCount: actual.revisions_count,
      },
      `commitment ${id} as of ${asOf}`,
    ).toEqual({
      status: expected.status,
      statusConfirmedOn: expected.statusConfirmedOn,
      label: expected.deadline?.label ?? null,
      dueDate: expected.dueDate,
      overdue: expected.overdue,
      daysOverdue: expected.daysOverdue,
      daysUntilDue: expected.daysUntilDue,
      deliveredLate: expected.deliveredLate,
      daysLate: expected.daysLate,
      revisionsCount: expected.revisionsCount,
    });
  }
}

describe("commitment_state_as_of agrees with the domain rules", () => {
  it("on the real dataset, on dates from before launch to years ahead", async () => {
    for (const asOf of ["2025-12-31", "2026-01-21", "2026-03-31", "2026-06-15", "2026-09-01", "2026-11-21", "2027-01-01", "2029-01-01"]) {
      await compareOn(asOf);
    }
  });

  it("on random histories (ties, revisions, delivery runs)", async () => {
    const area = (await client.query(`SELECT id FROM area LIMIT 1`)).rows[0].id;
    const org = (await client.query(`SELECT id FROM organisation LIMIT 1`)).rows[0].id;
    const source = (await client.query(`SELECT id FROM source LIMIT 1`)).rows[0].id;
    const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays("2026-01-01", n));
    const history = fc.record({
      announced: day,
      deadlines: fc.array(fc.record({ due: fc.option(day, { nil: null }), effective: day }), { minLength: 1, maxLength: 4 }),
      updates: fc.array(fc.record({ status: fc.constantFrom(...STATUS_CODES), confirmed: day }), { maxLength: 6 }),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(history, fc.array(day, { minLength: 1, maxLength: 4 }), async (h, dates) => {
        n++;
        await client.query("BEGIN");
        try {
          await client.query(`DELETE FROM commitment_owner`);
          // Start from an empty commitment table inside the transaction (history rows are
          // append-only, so hide earlier commitments by moving their announcement far ahead).
          const c = await client.query(
            `INSERT INTO commitment (slug, area_id, lead_organisation_id, title, summary, announced_on) VALUES ($1, $2, $3, 'Random', 'Random history', $4) RETURNING id`,
            [`random-${n}`, area, org, h.announced],
          );
          const id = c.rows[0].id;
          for (const d of h.deadlines) {
            await client.query(
              `INSERT INTO deadline_revision (commitment_id, label, precision, due_date, effective_on) VALUES ($1, 'x', $2, $3, $4)`,
              [id, d.due ? "day" : "open", d.due, d.effective],
            );
          }
          for (const u of h.updates) {
            await client.query(
              `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on) VALUES ($1, $2, 'Random update', $3, $4)`,
              [id, u.status, source, u.confirmed],
            );
          }
          for (const asOf of dates) await compareOn(asOf);
        } finally {
          await client.query("ROLLBACK");
        }
      }),
      { numRuns: 60, seed: 20260121 },
    );
  });
});
