import type { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";
import { catchRollBack, RollBack, type Result } from "./result";
import { freshness } from "../freshness";
import { parseKeys } from "../freshness/keys";

/** A database handle inside a transaction (or the client itself, for reads). */
export type Tx = Prisma.TransactionClient;

/** Interactive transactions: generous limits, since approvals may wait on a row lock. */
const TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

/**
 * `work` in one transaction. Whatever it changes that the public sees is published by the
 * commit itself: the database's triggers name the keys touched (roadmap_tracker.touched) and
 * NOTIFY every instance at commit; this instance drops them the moment the commit returns, so
 * the editor's next page already shows the change (docs/decisions/0013).
 */
export async function transaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  let touched = "";
  const result = await db.$transaction(async (tx) => {
    const value = await work(tx);
    const [row] = await tx.$queryRaw<{ touched: string | null }[]>`SELECT current_setting('roadmap_tracker.touched', true) AS touched`;
    touched = row?.touched ?? "";
    return value;
  }, TX_OPTIONS);
  freshness().published(parseKeys(touched), "commit");
  return result;
}

/** A mutation in one transaction: a failed Result (or a RollBack thrown inside) rolls everything back and is answered. */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<Result<T>>): Promise<Result<T>> {
  return catchRollBack(() =>
    transaction(db, async (tx) => {
      const result = await work(tx);
      if (!result.ok) throw new RollBack(result);
      return result;
    }),
  );
}

/** Prisma's error code for a unique constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/**
 * Says what the publish in this transaction is, for the record of versions (publication.note).
 * Call it before the first public change; the database takes the version at that change.
 */
export async function notePublication(tx: Tx, note: string): Promise<void> {
  await tx.$executeRaw`SELECT set_config('roadmap_tracker.publication_note', ${note.slice(0, 500)}, true)`;
}

/**
 * Says why a commitment's attributes change in this transaction, with the change's citation and
 * proposal: record_commitment_revision() writes them into the append-only commitment_revision
 * row at commit (wording history).
 */
export async function noteRevision(tx: Tx, note: { reason: string | null; sourceId: number | null; proposalId: number | null }): Promise<void> {
  await tx.$executeRaw`SELECT set_config('roadmap_tracker.revision_reason', ${(note.reason ?? "").slice(0, 2000)}, true),
                              set_config('roadmap_tracker.revision_source', ${note.sourceId === null ? "" : String(note.sourceId)}, true),
                              set_config('roadmap_tracker.revision_proposal', ${note.proposalId === null ? "" : String(note.proposalId)}, true)`;
}
