// Where browsers report Content-Security-Policy violations (src/server/csp-report.ts).
import { cspReportLines, CSP_REPORT_LIMIT_BYTES } from "@/server/csp-report";
import { limitedBody } from "@/server/limited-body";
import { logFor } from "@/server/log";

export const dynamic = "force-dynamic";

const done = (status: number) => new Response(null, { status, headers: { "Cache-Control": "no-store" } });

export async function POST(request: Request) {
  if (Number(request.headers.get("content-length") ?? 0) > CSP_REPORT_LIMIT_BYTES) return done(413);
  const body = await limitedBody(request, CSP_REPORT_LIMIT_BYTES);
  if (!body) return done(413);
  for (const line of cspReportLines(Buffer.from(body).toString("utf8"))) logFor("csp").warn(line);
  return done(204);
}
