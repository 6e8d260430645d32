import { checkDatabase } from "@/server/health";
import { recordDatabaseStatus } from "@/server/database-breaker";
import { logFor } from "@/server/log";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  recordDatabaseStatus(database);
  const headers = { "Cache-Control": "no-store" };
  if (database.ok) return Response.json({ status: "ok" }, { headers });
  // The driver's words (addresses, ports, error codes) go to the server log, never to whoever asked.
  logFor("health").error({ reason: database.reason.slice(0, 300) }, "the health check found the database unreachable");
  return Response.json({ status: "unavailable", reason: "The database is not answering." }, { status: 503, headers });
}
