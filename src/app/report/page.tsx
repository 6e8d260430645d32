import type { Metadata } from "next";
import { headers } from "next/headers";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";
import { ReportForm } from "@/components/report/report-form";
import { reportedPath } from "@/domain/reports";
import { siteOrigin } from "@/server/http";
import { submitReportAction } from "./actions";

export const metadata: Metadata = { title: "Report something wrong on a page" };
export const dynamic = "force-dynamic";

export default async function ReportPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const given = (await searchParams).page;
  const origin = siteOrigin();
  const requestHeaders = await headers();
  const page = reportedPath(typeof given === "string" ? given : requestHeaders.get("referer"), origin, requestHeaders.get("host"));
  return (
    <div className="md:w-3/4">
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Is there anything wrong with this page?</h1>
      <p className="mb-2">
        You are reporting a problem with <code>{page}</code>.
      </p>
      <p className="mb-8 max-w-3xl">
        An editor reads every report. If they agree, they correct the record through the usual check by a second editor, and the correction is listed
        on <a href="/corrections">Corrections</a>. We keep only what you write here; we do not keep your IP address.
      </p>
      <ReportForm action={submitReportAction} page={page} />
    </div>
  );
}
