import { checkReadiness } from "@/server/readiness";

export const dynamic = "force-dynamic";

// Readiness, for load balancers and orchestrators: the database answers and has every migration
// of this version applied, and the server is not shutting down. Liveness is /api/health.
export async function GET() {
  const ready = await checkReadiness();
  const headers = { "Cache-Control": "no-store" };
  if (ready.ok) return Response.json({ status: "ready" }, { headers });
  return Response.json({ status: "not ready", reason: ready.reason }, { status: 503, headers });
}
