import type { Metadata } from "next";
import { NotificationBanner } from "@/components/govuk/notification-banner";

export const metadata: Metadata = { title: "Report sent" };
export const dynamic = "force-dynamic";

export default function ReportSentPage() {
  return (
    <div className="md:w-3/4">
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Thank you for your report</h1>
      <NotificationBanner type="success" title="Success" heading="Your report has been sent" id="report-sent">
        <p>An editor will read it. If you gave an email address, they may reply.</p>
      </NotificationBanner>
      <p className="mb-4">
        Corrections are listed on <a href="/corrections">Corrections</a>.
      </p>
      <p>
        <a href="/">Go to the overview</a>
      </p>
    </div>
  );
}
