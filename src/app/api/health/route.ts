import { checkDatabase } from "@/server/health";
import { recordDatabaseStatus } from "@/server/database-breaker";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  recordDatabaseStatus(database);
  const headers = { "Cache-Control": "no-store" };
  if (database.ok) return Response.json({ status: "ok" }, { headers });
  // The driver's words (addresses, ports, error codes) go to the server log, never to whoever asked.
  console.error(`[health] ${JSON.stringify(database.reason.slice(0, 300))}`);
  return Response.json({ status: "unavailable", reason: "The database is not answering." }, { status: 503, headers });
}
