// The database itself protects history and integrity, whatever code talks to it.
import { describe, it, expect, beforeAll } from "vitest";
import type pg from "pg";
import { connect } from "../../src/runtime/connect";
import { useTestDatabase } from "../helpers/test-database";

const database = useTestDatabase();
let client: pg.Client;

beforeAll(async () => {
  client = await connect((await database.get()).url);
  return () => client.end();
});

async function firstId(table: string): Promise<number> {
  const { rows } = await client.query(`SELECT id FROM "${table}" ORDER BY id LIMIT 1`);
  if (!rows[0]) throw new Error(`no rows in ${table}`);
  return rows[0].id;
}

async function seedAuditEvent() {
  await client.query(`INSERT INTO audit_event (action, entity_type, entity_id) VALUES ('test', 'commitment', '1')`);
}

describe("append-only history", () => {
  for (const table of ["status_update", "deadline_revision", "audit_event"]) {
    it(`refuses UPDATE, DELETE and TRUNCATE on ${table}`, async () => {
      if (table === "audit_event") await seedAuditEvent();
      const id = await firstId(table);
      const before = await client.query(`SELECT * FROM "${table}" WHERE id = $1`, [id]);
      const column = table === "audit_event" ? "action" : table === "status_update" ? "note" : "label";
      await expect(client.query(`UPDATE "${table}" SET "${column}" = 'rewritten history' WHERE id = $1`, [id])).rejects.toThrow(
        /append-only: UPDATE/,
      );
      await expect(client.query(`DELETE FROM "${table}" WHERE id = $1`, [id])).rejects.toThrow(/append-only: DELETE/);
      await expect(client.query(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(/append-only: TRUNCATE/);
      const after = await client.query(`SELECT * FROM "${table}" WHERE id = $1`, [id]);
      expect(after.rows).toEqual(before.rows);
    });
  }

  it("still accepts new history rows", async () => {
    const commitmentId = await firstId("commitment");
    const sourceId = await firstId("source");
    const { rowCount } = await client.query(
      `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on) VALUES ($1, 'in_progress', 'A new confirmed update.', $2, '2026-07-01')`,
      [commitmentId, sourceId],
    );
    expect(rowCount).toBe(1);
  });
});

describe("integrity constraints", () => {
  it("refuses a duplicate commitment slug", async () => {
    const { rows } = await client.query(`SELECT slug, area_id, lead_organisation_id FROM commitment LIMIT 1`);
    const c = rows[0];
    await expect(
      client.query(
        `INSERT INTO commitment (slug, area_id, lead_organisation_id, title, summary, announced_on) VALUES ($1, $2, $3, 'x', 'y', '2026-01-21')`,
        [c.slug, c.area_id, c.lead_organisation_id],
      ),
    ).rejects.toThrow(/commitment_slug_key/);
  });

  it("refuses a commitment in an area that does not exist", async () => {
    const org = await firstId("organisation");
    await expect(
      client.query(
        `INSERT INTO commitment (slug, area_id, lead_organisation_id, title, summary, announced_on) VALUES ('orphan', 999999, $1, 'x', 'y', '2026-01-21')`,
        [org],
      ),
    ).rejects.toThrow(/commitment_area_id_fkey/);
  });

  it("keeps a commitment whose lead no source names without one, rather than a guessed lead (issue 12)", async () => {
    const area = await firstId("area");
    await client.query(`INSERT INTO commitment (slug, area_id, title, summary, announced_on) VALUES ('no-lead', $1, 'x', 'y', '2026-01-21')`, [area]);
    const { rows } = await client.query(
      `SELECT r.lead_organisation_id FROM commitment_revision r JOIN commitment c ON c.id = r.commitment_id WHERE c.slug = 'no-lead'`,
    );
    expect(rows).toEqual([{ lead_organisation_id: null }]);
  });

  it("refuses to change or delete the removal and correction records, and readers' reports only move forward", async () => {
    await client.query(
      `INSERT INTO commitment_removal (slug, title, reason, removed_on) VALUES ('gone-test', 'Gone', 'No source states it.', '2026-12-02')`,
    );
    await client.query(`INSERT INTO correction (commitment_slug, what, corrected_on) VALUES ('gone-test', 'title corrected', '2026-12-02')`);
    for (const table of ["commitment_removal", "correction"]) {
      await expect(client.query(`UPDATE ${table} SET published_at = now()`)).rejects.toThrow(/append-only|not allowed|refuse/i);
      await expect(client.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only|not allowed|refuse/i);
      await expect(client.query(`TRUNCATE ${table}`)).rejects.toThrow(/append-only|not allowed|refuse/i);
    }
    // A reviewed report says who decided and why; an open one says neither.
    await expect(client.query(`INSERT INTO report (page_path, what, address_hash, state) VALUES ('/', 'x', 'k', 'accepted')`)).rejects.toThrow(
      /report_reviewed/,
    );
  });

  it("refuses a status code outside the taxonomy", async () => {
    const commitmentId = await firstId("commitment");
    const sourceId = await firstId("source");
    await expect(
      client.query(
        `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on) VALUES ($1, 'nearly_done', 'x', $2, '2026-07-01')`,
        [commitmentId, sourceId],
      ),
    ).rejects.toThrow(/invalid input value for enum "StatusCode"/);
  });

  it("refuses a dated deadline without a due date, and an open one with a due date", async () => {
    const commitmentId = await firstId("commitment");
    await expect(
      client.query(
        `INSERT INTO deadline_revision (commitment_id, label, precision, due_date, effective_on) VALUES ($1, 'summer 2026', 'season', NULL, '2026-01-21')`,
        [commitmentId],
      ),
    ).rejects.toThrow(/deadline_revision_due_date_matches_precision/);
    await expect(
      client.query(
        `INSERT INTO deadline_revision (commitment_id, label, precision, due_date, effective_on) VALUES ($1, 'ongoing', 'open', '2026-08-31', '2026-01-21')`,
        [commitmentId],
      ),
    ).rejects.toThrow(/deadline_revision_due_date_matches_precision/);
  });

  it("refuses evidence that is not an http(s) link", async () => {
    await expect(
      client.query(`INSERT INTO source (url, publisher, title, published_on) VALUES ('javascript:alert(1)', 'x', 'y', '2026-01-01')`),
    ).rejects.toThrow(/source_url_http/);
  });

  it("publishes a proposal at most once", async () => {
    const commitmentId = await firstId("commitment");
    const sourceId = await firstId("source");
    const user = await client.query(`INSERT INTO app_user (email, name) VALUES ('once@example.gov.uk', 'Once') RETURNING id`);
    const proposal = await client.query(
      `INSERT INTO proposal (commitment_id, kind, payload, author_id) VALUES ($1, 'status_update', '{}', $2) RETURNING id`,
      [commitmentId, user.rows[0].id],
    );
    const insert = () =>
      client.query(
        `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on, proposal_id) VALUES ($1, 'delivered', 'Done.', $2, '2026-07-01', $3)`,
        [commitmentId, sourceId, proposal.rows[0].id],
      );
    await insert();
    await expect(insert()).rejects.toThrow(/status_update_proposal_id_key/);
  });
});
