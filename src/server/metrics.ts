// The app's metrics (prom-client), served in Prometheus format at /metrics by the production
// server (scripts/server/serve.ts): behind METRICS_TOKEN on the public port, or on METRICS_PORT.
// Other code calls the small functions below; docs/operations.md lists every metric and the alert
// worth setting on it. One registry per process, shared through globalThis (the production server
// and Next.js's route modules are separate module graphs in one process). No framework imports.
//
// Under node:cluster (WEB_CONCURRENCY above 1) every process keeps its own numbers, and a scrape
// must see them all: the primary answers METRICS_PORT itself, asks every web worker over IPC for
// its metrics (a worker that does not answer in time is left out), adds its own (the outbox
// worker's, the restarts) and adds them up with prom-client's AggregatorRegistry.aggregate (sum,
// unless a metric says otherwise with its `aggregator`); a worker asked for /metrics on the
// public port asks the primary for that same whole picture (shareMetricsAcrossCluster).
import cluster from "node:cluster";
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
  // Across a cluster's processes, the gauges that are states or settings take the largest value
  // (one worker's open breaker is an open breaker); the pool's connections are added up.
  const breaker = new client.Gauge({
    name: "rt_database_breaker_open",
    help: "1 while the outage breaker answers 503 because the database is unreachable, else 0.",
    aggregator: "max",
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
  const poolMax = new client.Gauge({
    name: "rt_database_pool_max",
    help: "The pool's size (DATABASE_POOL_SIZE), in each process that has one.",
    aggregator: "max",
    registers: [registry],
  });
  const outboxDepth = new client.Gauge({
    name: "rt_outbox_depth",
    help: "Outbox messages waiting to be sent (set by the outbox worker).",
    aggregator: "max",
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
    aggregator: "max",
    registers: [registry],
  });
  const workersReporting = new client.Gauge({
    name: "rt_metrics_workers_reporting",
    help: "Web workers whose numbers are in this scrape (under a cluster, those that answered the primary in time; else 1).",
    aggregator: "max",
    registers: [registry],
  });
  return { registry, requests, duration, pageCache, breaker, poolMax, outboxDepth, outboxFailures, workerRestarts, shuttingDown, workersReporting };
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

type MetricsText = { body: string; contentType: string };
type Message = { type?: unknown; id?: unknown; metrics?: unknown; text?: unknown };

/** A primary's question to a worker (its metrics as JSON), and the answer. */
const ASK = "rt:metrics:ask";
const ANSWER = "rt:metrics:answer";
/** A worker's question to the primary (the whole cluster's metrics, for /metrics on the public port), and the answer. */
const FORWARD = "rt:metrics:forward";
const WHOLE = "rt:metrics:whole";
/** How long the primary waits for the workers' answers; a worker that has not answered by then is left out. */
const WORKER_ANSWER_MS = 2_000;
/** How long a worker waits for the primary's whole picture. */
const PRIMARY_ANSWER_MS = 5_000;

let across: "process" | "primary" | "worker" = "process";
let nextId = 0;
const waiting = new Map<number, (message: Message) => void>();

/**
 * Under node:cluster, in the primary and in each web worker: the primary's scrapes then gather
 * every worker's numbers, and a worker's scrape asks the primary. (The primary forks with
 * `serialization: "advanced"`, so values such as NaN cross intact.)
 */
export function shareMetricsAcrossCluster(): void {
  if (cluster.isPrimary) {
    across = "primary";
    cluster.on("message", (worker, message: Message) => {
      if (message?.type === ANSWER && typeof message.id === "number") waiting.get(message.id)?.(message);
      if (message?.type === FORWARD) {
        void wholeClusterText().then(
          (text) => worker.isConnected() && worker.send({ type: WHOLE, id: message.id, text }),
          () => worker.isConnected() && worker.send({ type: WHOLE, id: message.id, text: null }),
        );
      }
    });
  } else {
    across = "worker";
    process.on("message", (message: Message) => {
      if (message?.type === ASK)
        void metrics()
          .registry.getMetricsAsJSON()
          .then((json) => process.send?.({ type: ANSWER, id: message.id, metrics: json }));
      if (message?.type === WHOLE && typeof message.id === "number") waiting.get(message.id)?.(message);
    });
  }
}

/** Waits (at most `ms`) for the answer with `id`; null when none came. */
function answerTo(id: number, ms: number): Promise<Message | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      resolve(null);
    }, ms);
    waiting.set(id, (message) => {
      clearTimeout(timer);
      waiting.delete(id);
      resolve(message);
    });
  });
}

type MetricsJson = Awaited<ReturnType<client.Registry["getMetricsAsJSON"]>>;

/** The primary: every connected worker's metrics and its own, added up. */
async function wholeClusterText(): Promise<MetricsText> {
  const m = metrics();
  const asked = Object.values(cluster.workers ?? {}).map((worker) => {
    const id = nextId++;
    const answer = answerTo(id, WORKER_ANSWER_MS);
    try {
      if (worker?.isConnected()) worker.send({ type: ASK, id });
      else waiting.get(id)?.({});
    } catch {
      waiting.get(id)?.({});
    }
    return answer;
  });
  const answers = (await Promise.all(asked)).flatMap((answer) => (Array.isArray(answer?.metrics) ? [answer.metrics as MetricsJson] : []));
  m.workersReporting.set(answers.length);
  const whole = client.AggregatorRegistry.aggregate([await m.registry.getMetricsAsJSON(), ...answers]);
  return { body: await whole.metrics(), contentType: m.registry.contentType };
}

/** A worker: the primary's whole picture. */
async function askPrimary(): Promise<MetricsText> {
  const id = nextId++;
  const answer = answerTo(id, PRIMARY_ANSWER_MS);
  process.send?.({ type: FORWARD, id });
  const text = (await answer)?.text as MetricsText | null | undefined;
  if (!text) throw new Error("The cluster's primary process did not answer with the metrics in time.");
  return text;
}

/**
 * The metrics in Prometheus's text format, and its content type: this process's, or under a
 * cluster (shareMetricsAcrossCluster) every process's added up. Rejects when a worker's primary
 * does not answer.
 */
export async function metricsText(): Promise<MetricsText> {
  if (across === "primary") return wholeClusterText();
  if (across === "worker") return askPrimary();
  const m = metrics();
  m.workersReporting.set(1);
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
