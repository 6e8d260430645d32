import { getDb } from "./db";

const TIMEOUT_MS = 3_000;

/** Is the database answering? Never throws; says why not. */
export async function checkDatabase(): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const query = getDb().$queryRaw`SELECT 1`;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS));
    await Promise.race([query, timeout]);
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n").filter(Boolean).pop() : String(error);
    return { ok: false, reason: `The database is unreachable: ${message}` };
  }
}
