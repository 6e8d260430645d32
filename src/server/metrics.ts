// The app's metrics (prom-client), served in Prometheus format at /metrics by the production
// server (scripts/server/serve.ts): behind METRICS_TOKEN on the public port, or on METRICS_PORT.
// Other code calls the small functions below; docs/operations.md lists every metric and the alert
// worth setting on it. One registry per process, shared through globalThis (the production server
// and Next.js's route modules are separate module graphs in one process). No framework imports.
import client from "prom-client";
import { isOpenDataPath } from "./http";

type Metrics = ReturnType<typeof createMetrics>;
type PoolLike = { totalCount: number; idleCount: number; waitingCount: number; options?: { max?: number } };
const shared = globalThis as unknown as { __rtMetrics?: Metrics; __rtPool?: PoolLike };

/** What a request was for, by its path: few values, so the series stay few. */
export type RouteKind = "page" | "editor" | "action" | "api" | "data" | "auth" | "health" | "static" | "metrics" | "other";

export function routeKind(method: string, path: string): RouteKind {
  if (path.startsWith("/_next/")) return "static";
  if (path === "/metrics") return "metrics";
  if (path === "/api/health" || path.startsWith("/api/health/")) return "health";
  if (path.startsWith("/api/auth/")) return "auth";
  if (path.startsWith("/api/")) return "api";
  if (isOpenDataPath(path)) return "data";
  if (method === "POST") return "action";
  if (path === "/editor" || path.startsWith("/editor/")) return "editor";
  return path.startsWith("/") ? "page" : "other";
}

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "rt_" });
  const requests = new client.Counter({
    name: "rt_http_requests_total",
    help: "HTTP requests answered, by route kind and status code.",
    labelNames: ["kind", "status"] as const,
    registers: [registry],
  });
  const duration = new client.Histogram({
    name: "rt_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by route kind and status class.",
    labelNames: ["kind", "status_class"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pageCache = new client.Counter({
    name: "rt_page_cache_events_total",
    help: "Response cache events: hit (served from memory), miss, render (a page rendered into the cache), drop (an entry dropped when data was published).",
    labelNames: ["event"] as const,
    registers: [registry],
  });
  const breaker = new client.Gauge({
    name: "rt_database_breaker_open",
    help: "1 while the outage breaker answers 503 because the database is unreachable, else 0.",
    registers: [registry],
  });
  new client.Gauge({
    name: "rt_database_pool_connections",
    help: "Connections of the app's database pool: total, idle, and requests waiting for one.",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const watched = shared.__rtPool;
      if (!watched) return;
      this.set({ state: "total" }, watched.totalCount);
      this.set({ state: "idle" }, watched.idleCount);
      this.set({ state: "waiting" }, watched.waitingCount);
    },
  });
  const poolMax = new client.Gauge({ name: "rt_database_pool_max", help: "The pool's size (DATABASE_POOL_SIZE).", registers: [registry] });
  const outboxDepth = new client.Gauge({
    name: "rt_outbox_depth",
    help: "Outbox messages waiting to be sent (set by the outbox worker).",
    registers: [registry],
  });
  const outboxFailures = new client.Counter({
    name: "rt_outbox_send_failures_total",
    help: "Outbox messages whose sending failed (they are retried).",
    registers: [registry],
  });
  const workerRestarts = new client.Counter({
    name: "rt_worker_restarts_total",
    help: "Server or outbox worker processes restarted after they exited unexpectedly.",
    labelNames: ["worker"] as const,
    registers: [registry],
  });
  const shuttingDown = new client.Gauge({
    name: "rt_shutting_down",
    help: "1 once this process has received SIGTERM and is finishing its requests in flight.",
    registers: [registry],
  });
  return { registry, requests, duration, pageCache, breaker, poolMax, outboxDepth, outboxFailures, workerRestarts, shuttingDown };
}

function metrics(): Metrics {
  return (shared.__rtMetrics ??= createMetrics());
}

/** One request answered: its route kind, status and time taken. */
export function countRequest(kind: RouteKind, status: number, ms: number): void {
  const m = metrics();
  m.requests.inc({ kind, status: String(status) });
  m.duration.observe({ kind, status_class: `${Math.floor(status / 100)}xx` }, ms / 1000);
}

export function pageCache(event: "hit" | "miss" | "render" | "drop", count = 1): void {
  metrics().pageCache.inc({ event }, count);
}

export function breakerState(state: "open" | "closed"): void {
  metrics().breaker.set(state === "open" ? 1 : 0);
}

/** Reports `pool`'s use at every scrape (the app's pg pool, src/server/db.ts). */
export function poolUse(pool: PoolLike): void {
  shared.__rtPool = pool;
  if (pool.options?.max) metrics().poolMax.set(pool.options.max);
}

/** Called by the outbox worker after each pass: the items still to do. */
export function outboxDepth(n: number): void {
  metrics().outboxDepth.set(n);
}

/** @public Called by the outbox worker (issue 16, scale branch) when a send fails. */
export function outboxSendFailure(): void {
  metrics().outboxFailures.inc();
}

/** @public Called by whatever restarts a worker (the cluster primary, issue 16, scale branch). */
export function workerRestart(worker: "server" | "outbox"): void {
  metrics().workerRestarts.inc({ worker });
}

export function shuttingDown(): void {
  metrics().shuttingDown.set(1);
}

/** The metrics in Prometheus's text format, and its content type. */
export async function metricsText(): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
