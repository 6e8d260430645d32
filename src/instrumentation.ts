// Runs once when a Next.js server starts (however it is started: `npm start`'s production
// server, or `next start` by hand): a bad setting stops it at boot, saying which one, instead of
// failing the first request that reads it (src/runtime/env.ts). Then the process starts hearing
// publishes (src/server/freshness/listen.ts): until it does, it caches nothing.
export async function register() {
  // NEXT_RUNTIME is written in at build time, so the edge bundle of this file imports nothing
  // (the env module needs Node). The one process.env read outside src/runtime/env.ts.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { appConfig } = await import("./runtime/env");
  const env = appConfig();
  if (!env.DATABASE_URL) return;
  const { startHearing } = await import("./server/freshness/process");
  startHearing(env.DATABASE_URL);
}
