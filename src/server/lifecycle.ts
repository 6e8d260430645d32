// Whether this server process is shutting down (SIGTERM received, scripts/server/serve.ts): the
// readiness check then answers 503 so load balancers stop sending it new requests, while the
// requests already in flight finish. Shared through globalThis, because the production server
// and Next.js's route modules are separate module graphs in one process. No framework imports.
const state = globalThis as unknown as { __rtShuttingDown?: boolean };

export function markShuttingDown(): void {
  state.__rtShuttingDown = true;
}

export function isShuttingDown(): boolean {
  return state.__rtShuttingDown === true;
}
