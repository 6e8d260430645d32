import { checkDatabase } from "@/server/health";
import { recordDatabaseStatus } from "@/server/database-breaker";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  recordDatabaseStatus(database);
  const headers = { "Cache-Control": "no-store" };
  if (database.ok) return Response.json({ status: "ok" }, { headers });
  return Response.json({ status: "unavailable", reason: database.reason }, { status: 503, headers });
}
