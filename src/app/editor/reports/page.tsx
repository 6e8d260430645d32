import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { listOpenReports } from "@/server/reports";
import { PageHeading } from "@/components/govuk/heading";
import { SuccessBanner } from "@/components/govuk/notification-banner";
import { ReportReviewForm } from "@/components/report/report-review-form";
import { formatDateTime } from "@/domain/dates";
import { reviewReportAction } from "./actions";

export const metadata: Metadata = { title: "Reports from readers" };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ notice?: string; report?: string }> }) {
  await requireUser("/editor/reports");
  const { notice, report } = await searchParams;
  const reports = await listOpenReports(getDb());
  // One decision form at a time (the oldest report, or the one chosen), so every field's id is unique.
  const chosen = reports.find((r) => String(r.id) === report) ?? reports[0];
  return (
    <div>
      {notice === "accepted" && <SuccessBanner heading="Report accepted">The correction will be listed on /corrections.</SuccessBanner>}
      {notice === "rejected" && <SuccessBanner heading="Report rejected">The reason has been recorded.</SuccessBanner>}
      <PageHeading>Reports from readers</PageHeading>
      <p className="mb-6 max-w-3xl">
        What readers say is wrong, oldest first. Accept a report with the correction to make (it is listed publicly on{" "}
        <a href="/corrections">Corrections</a>, without the reader’s words): for a commitment, you then go on to a proposal pre-filled from the
        report, which a second editor checks as usual. Or reject it with the reason.
      </p>
      {reports.length === 0 ? (
        <p>There are no reports waiting.</p>
      ) : (
        <ul className="border-t border-border">
          {reports.map((r) => (
            <li key={r.id} className="border-b border-border py-6" id={`report-${r.id}`}>
              <h2 className="text-xl font-bold mb-2">
                Report {r.id}: <a href={r.pagePath}>{r.pagePath}</a>
              </h2>
              <p className="text-secondary-ink mb-2">Sent {formatDateTime(r.createdAt)}</p>
              <p className="mb-2 whitespace-pre-wrap">{r.what}</p>
              {r.sourceUrl && (
                <p className="mb-2 break-all">
                  Source given: <span className="font-mono text-base">{r.sourceUrl}</span>
                </p>
              )}
              {r.email && <p className="mb-4">Reply to: {r.email}</p>}
              {r.id === chosen?.id ? (
                <section aria-label={`Decide on report ${r.id}`} id="review">
                  <ReportReviewForm action={reviewReportAction} reportId={r.id} />
                </section>
              ) : (
                <p>
                  <a href={`/editor/reports?report=${r.id}#review`}>Decide on report {r.id}</a>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
