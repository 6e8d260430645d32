// Reports from readers and the editors' triage queue (issue 12 item 6). A report keeps the least
// it can: the page, what is wrong, an optional source link and email, and a keyed hash of the
// sender's address for the per-address rate limit (the address itself is never stored).
// Accepting one records the correction (listed on /corrections) and opens a pre-filled proposal;
// rejecting one records the reason. Both are editors' decisions, written with an audit event.
import type { Db } from "./db";
import type { Actor } from "../domain/permissions";
import { canTriageReports } from "../domain/permissions";
import { HONEYPOT_FIELD, REPORT_RATE_WINDOW_MINUTES, overReportLimit, reportedCommitmentSlug } from "../domain/reports";
import { reportFormSchema, reportReviewSchema } from "../schemas/report";
import { fieldErrors } from "../schemas/editor";
import { invalid, invalidField, notFound, ok, refused, type Result } from "./editor/result";
import { inTransaction } from "./editor/tx";
import { recordAudit } from "./editor/audit";
import { appConfig } from "../runtime/env";
import { authSecret, keyedHash } from "../runtime/secret";

/** A keyed hash of the sender's address: the same address gives the same key, and the key gives no address back. */
function addressKey(address: string, secret = authSecret(appConfig())): string {
  return keyedHash(secret, "report", address);
}

export type ReportValues = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * A reader's report. `dropped` is true when the honeypot was filled in: nothing is stored, but
 * the sender is told it was sent, so a robot learns nothing.
 */
export async function submitReport(db: Db, values: ReportValues, address: string, now = new Date()): Promise<Result<{ dropped: boolean }>> {
  const parsed = reportFormSchema.safeParse(
    Object.fromEntries(["page", "what", "sourceUrl", "email", HONEYPOT_FIELD].map((k) => [k, one(values[k]) ?? ""])),
  );
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  if (parsed.data.website !== "") return ok({ dropped: true });
  const key = addressKey(address);
  const since = new Date(now.getTime() - REPORT_RATE_WINDOW_MINUTES * 60_000);
  const recent = await db.report.count({ where: { addressHash: key, createdAt: { gte: since } } });
  if (overReportLimit(recent)) {
    return invalidField("what", `You have sent several reports in the last hour. Wait an hour, then try again.`);
  }
  await db.report.create({
    data: {
      pagePath: parsed.data.page || "/",
      what: parsed.data.what,
      sourceUrl: parsed.data.sourceUrl ?? null,
      email: parsed.data.email ?? null,
      addressHash: key,
    },
  });
  return ok({ dropped: false });
}

export type OpenReport = { id: number; pagePath: string; what: string; sourceUrl: string | null; email: string | null; createdAt: string };

/** The queue: reports not yet triaged, oldest first. */
export async function listOpenReports(db: Db): Promise<OpenReport[]> {
  const rows = await db.report.findMany({ where: { state: "open" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({
    id: r.id,
    pagePath: r.pagePath,
    what: r.what,
    sourceUrl: r.sourceUrl,
    email: r.email,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Accept (with the correction, shown on /corrections) or reject (with the reason) an open report. */
export async function reviewReport(
  db: Db,
  actor: Actor | null,
  values: ReportValues,
  now = new Date(),
): Promise<Result<{ id: number; decision: "accept" | "reject"; commitmentSlug: string | null }>> {
  const allowed = canTriageReports(actor);
  if (!allowed.allowed) return refused(allowed, actor !== null);
  const parsed = reportReviewSchema.safeParse({ reportId: one(values.reportId), decision: one(values.decision), note: one(values.note) });
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { reportId, decision, note } = parsed.data;
  return inTransaction(db, async (tx) => {
    const report = await tx.report.findUnique({ where: { id: reportId } });
    if (!report) return notFound("There is no such report.");
    if (report.state !== "open") return invalidField("decision", "This report has already been dealt with.");
    await tx.report.update({
      where: { id: reportId },
      data: { state: decision === "accept" ? "accepted" : "rejected", reviewNote: note, reviewerId: actor!.id, reviewedAt: now },
    });
    await recordAudit(tx, {
      actorId: actor!.id,
      action: decision === "accept" ? "report.accept" : "report.reject",
      entityType: "report",
      entityId: reportId,
      after: { note },
    });
    return ok({ id: reportId, decision, commitmentSlug: reportedCommitmentSlug(report.pagePath) });
  });
}

/** A report's text for pre-filling a proposal (editors only). */
export async function getReportForProposal(db: Db, actor: Actor | null, id: number) {
  if (!canTriageReports(actor).allowed) return null;
  return db.report.findUnique({ where: { id }, select: { id: true, what: true, sourceUrl: true, pagePath: true } });
}
