// Runs once when a Next.js server starts (however it is started: `npm start`'s production
// server, or `next start` by hand): a bad setting stops it at boot, saying which one, instead of
// failing the first request that reads it (src/runtime/env.ts).
export async function register() {
  const { appConfig } = await import("./runtime/env");
  appConfig();
}
