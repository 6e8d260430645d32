// The outbox (migration 20261210000000_freshness): work to do after a commit, written in the
// transaction it follows, so it is done if and only if that transaction committed. Any number of
// workers may drain it: each claims due rows with FOR UPDATE SKIP LOCKED, and a claim pushes the
// row's next attempt into the future, so a worker that dies mid-way leaves it to be retried.
import type pg from "pg";

export type OutboxItem = { id: string; kind: string; payload: unknown; attempts: number };

/** Claims up to `limit` due items: each is tried once now, and again after a back-off (1 s, 2 s, 4 s … 5 min) unless marked done. */
export async function claimDue(client: pg.ClientBase, limit = 20): Promise<OutboxItem[]> {
  const { rows } = await client.query<{ id: string; kind: string; payload: unknown; attempts: number }>(
    `UPDATE outbox o SET attempts = o.attempts + 1,
            next_attempt_at = now() + make_interval(secs => LEAST(300, power(2, o.attempts)))
     WHERE o.id IN (SELECT id FROM outbox WHERE done_at IS NULL AND next_attempt_at <= now() ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING o.id::text AS id, o.kind, o.payload, o.attempts`,
    [limit],
  );
  return rows;
}

export async function markDone(client: pg.ClientBase, id: string): Promise<void> {
  await client.query(`UPDATE outbox SET done_at = now(), last_error = NULL WHERE id = $1`, [id]);
}

export async function markFailed(client: pg.ClientBase, id: string, error: string): Promise<void> {
  await client.query(`UPDATE outbox SET last_error = $2 WHERE id = $1`, [id, error.slice(0, 1000)]);
}

/** Items still to do (for metrics and tests). */
export async function outboxDepth(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM outbox WHERE done_at IS NULL`);
  return Number(rows[0]?.n ?? 0);
}

/** Done items are kept a day (to see what was sent), then deleted. */
export async function deleteOldDone(client: pg.ClientBase): Promise<void> {
  await client.query(`DELETE FROM outbox WHERE done_at < now() - interval '1 day'`);
}
