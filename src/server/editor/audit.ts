// The audit trail: every mutation writes one or more events in the same transaction as the
// change itself, so there is never a change without its record (audit_event is append-only).
import type { Prisma } from "../../generated/prisma/client";
import type { Tx } from "./tx";

export type AuditEntry = {
  actorId: number | null;
  /** Dotted verb, e.g. "proposal.approve", "commitment.update". */
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
};

const json = (value: unknown) => (value === undefined || value === null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue));

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}
