// The production server started by `npm start` (scripts/ops/start.ts): Next.js's request handler
// behind one fast path, answers that are fresh in the response cache, written from memory
// (src/server/page-cache/fast-path.ts). Same build, same proxy, same config as `next start`.
//
// The primary process runs the outbox worker (unless OUTBOX_WORKER=0) and, with WEB_CONCURRENCY
// above 1, that many web workers (node:cluster) sharing the port, each with its own page cache
// kept fresh by the database's notifications; a worker that dies is restarted, with back-off.
import cluster from "node:cluster";
import crypto from "node:crypto";
import http from "node:http";
import next from "next";
import { appConfig, shareWithApp } from "../../src/runtime/env";
import { runMain } from "../../src/runtime/cli";
import { serveFromMemory } from "../../src/server/page-cache/fast-path";
import { CLIENT_ADDRESS_HEADER, frontDoorSetsClientAddress, refusal, refusalResponse } from "../../src/server/front-door";
import { isTrustedPeer, resolveClientAddress } from "../../src/domain/network";
import { conformHeaders, RENDER_HEADER, renderSecret } from "../../src/server/http";
import { startOutboxWorker, type OutboxWorker } from "../../src/server/outbox/worker";
import { outboxHandlers, outboxPeriodic } from "../../src/server/outbox/handlers";
import { mailDestination } from "../../src/server/mail/transport";
import { isDataPath } from "../../src/server/security-headers";
import { actionBodyProblem } from "../../src/server/action-body";
import { readBody, replayRequest } from "../../src/server/request-body";
import { ACTION_BODY_LIMIT_BYTES, ACTION_TOO_LARGE, type Refusal } from "../../src/server/front-door";
import type { IncomingMessage, ServerResponse } from "node:http";
import { listenInternally } from "../../src/server/internal-listener";
import { logFor, logger, requestIdOf, withRequestId } from "../../src/server/log";
import type { Logger } from "pino";
import { countRequest, metricsText, routeKind, shareMetricsAcrossCluster, shuttingDown, workerRestart } from "../../src/server/metrics";
import type { Cidr } from "../../src/domain/network";
import { setTimeout as sleep } from "node:timers/promises";
import { isShuttingDown, markShuttingDown } from "../../src/server/lifecycle";
import { closeDb } from "../../src/server/db";
import { closeHealthConnection } from "../../src/server/health";

// Loggers read LOG_LEVEL, so they are made only once the settings have been checked (in runMain).
const log = {
  info: (...a: Parameters<Logger["info"]>) => logFor("server").info(...a),
  error: (...a: Parameters<Logger["error"]>) => logFor("server").error(...a),
};
const access = () => logFor("access");

/**
 * The primary's outbox worker, stopped before the process exits: the items it is sending are
 * finished and marked (a stop at exit could not be waited for, and left them to their back-off).
 */
let outbox: OutboxWorker | null = null;
const stopOutbox = () => outbox?.stop() ?? Promise.resolve();

/**
 * Every request: its id (a trusted proxy's X-Request-Id, else a new one) on the request, in the
 * answer's X-Request-Id and on every log line written while it is answered; when it ends, one
 * access line (method, path without the query, status, time) and the request metrics. The
 * response cache's own renders are counted in the request they serve, not again.
 */
function observe(request: IncomingMessage, response: ServerResponse, trusted: Cidr[], answer: () => void): void {
  const started = performance.now();
  const id = requestIdOf(request.headers["x-request-id"], isTrustedPeer(request.socket.remoteAddress, trusted));
  request.headers["x-request-id"] = id;
  response.setHeader("X-Request-Id", id);
  const internal = request.headers[RENDER_HEADER] === renderSecret();
  const path = (request.url ?? "/").split("?")[0]!;
  const kind = routeKind(request.method ?? "GET", path);
  response.once("close", () => {
    const ms = performance.now() - started;
    if (!internal) countRequest(kind, response.statusCode, ms);
    withRequestId(id, () =>
      access()[internal ? "debug" : "info"](
        {
          method: request.method,
          path: path.slice(0, 200),
          kind,
          status: response.statusCode,
          ms: Math.round(ms),
          complete: response.writableFinished,
        },
        "request",
      ),
    );
  });
  withRequestId(id, answer);
}

/** `/metrics` on the public port: only with `Authorization: Bearer METRICS_TOKEN`; without a token set, it does not exist. */
function answerMetrics(request: IncomingMessage, response: ServerResponse, token: string | undefined): void {
  const sent = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1] ?? "";
  const allowed = token !== undefined && sent.length === token.length && crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(token));
  if (!allowed) {
    const refused: Refusal = token
      ? { status: 401, title: "Unauthorized", detail: "The metrics need the bearer token set in METRICS_TOKEN." }
      : { status: 404, title: "Not Found", detail: "There is no page at this address." };
    return refuse(request, response, refused);
  }
  void writeMetrics(response);
}

/** The metrics (under a cluster, the whole cluster's: src/server/metrics.ts); 503 when a web worker's primary does not answer. */
async function writeMetrics(response: ServerResponse): Promise<void> {
  const text = await metricsText().catch((error: unknown) => {
    log.error({ err: error instanceof Error ? error.message : String(error) }, "The metrics could not be gathered.");
    return null;
  });
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (!text) {
    response.writeHead(503, { ...headers, "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5" });
    return void response.end("The metrics could not be gathered from every process in time; try again.\n");
  }
  response.writeHead(200, { ...headers, "Content-Type": text.contentType });
  response.end(text.body);
}

/**
 * METRICS_PORT: a listener of its own answering only /metrics, with no token (keep it off the
 * public network). Under a cluster the primary listens, not the workers: a port shared by the
 * workers would answer with the numbers of whichever worker took the connection.
 */
function listenForMetrics(port: number, hostname: string): void {
  const server = http.createServer((request, response) => {
    if ((request.url ?? "/").split("?")[0] === "/metrics" && request.method === "GET") return void writeMetrics(response);
    response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    response.end("Only /metrics is served on this port.\n");
  });
  server.listen(port, hostname, () => log.info({ port }, `Metrics on http://${hostname}:${port}/metrics`));
  server.unref();
}

/**
 * After SIGTERM, how long the public port keeps accepting (readiness already 503) before it
 * closes: connections a client opened just before the signal, still queued in the kernel, are
 * accepted and answered rather than reset, and a load balancer polling readiness has a moment to
 * stop sending. Answers in this time say `Connection: close`.
 */
const SHUTDOWN_DRAIN_MS = 1_000;
/** How long requests in flight may take to finish after SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 20_000;

/** Counts the requests being answered (a request ends when its response is finished or its connection closes). */
function countInFlight(server: http.Server): () => number {
  let inFlight = 0;
  server.on("request", (_request: IncomingMessage, response: ServerResponse) => {
    inFlight++;
    response.once("close", () => inFlight--);
  });
  return () => inFlight;
}

/**
 * SIGTERM (or SIGINT): readiness turns 503 (src/server/lifecycle.ts), the public port stops
 * accepting connections and closes idle keep-alive ones, answers still being written say
 * `Connection: close`, requests in flight finish (at most SHUTDOWN_GRACE_MS; the response
 * cache's own renders keep their internal listener until then), then the database pool, the
 * health check's connection and the outbox worker (after the items it holds) close and the process exits: 0 when every request finished, 1 when
 * some had to be cut off. The launcher (scripts/ops/start.ts) then stops the embedded PostgreSQL.
 */
function shutDownGracefully(publicServer: http.Server, internalServer: http.Server, inFlight: () => number): void {
  const stop = async (signal: NodeJS.Signals) => {
    if (isShuttingDown()) return;
    markShuttingDown();
    shuttingDown();
    log.info({ signal, inFlight: inFlight() }, `${signal}: finishing the requests in flight, then stopping (at most ${SHUTDOWN_GRACE_MS / 1000} s).`);
    const deadline = Date.now() + SHUTDOWN_GRACE_MS;
    await sleep(SHUTDOWN_DRAIN_MS);
    publicServer.close();
    while (inFlight() > 0 && Date.now() < deadline) await sleep(25);
    const cut = inFlight();
    publicServer.closeAllConnections();
    internalServer.close();
    internalServer.closeAllConnections();
    await Promise.allSettled([closeDb(), closeHealthConnection(), stopOutbox()]);
    if (cut) log.error({ cut }, `Stopped with ${cut} request(s) still unfinished after ${SHUTDOWN_GRACE_MS / 1000} s.`);
    else log.info("Stopped: every request in flight was answered.");
    logger().flush();
    process.exit(cut ? 1 : 0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, (s) => void stop(s));
}

/** A refusal, with every security header, closing the connection (what the client sent may not have been read). */
function refuse(request: IncomingMessage, response: ServerResponse, refused: Refusal): void {
  const answer = refusalResponse(refused, request.url ?? "/");
  response.writeHead(answer.status, { ...answer.headers, Connection: "close" });
  response.end(request.method === "HEAD" ? undefined : answer.body);
}

/** How long the rest of an oversized body may keep coming after its 413, read and thrown away. */
const DISCARD_AFTER_REFUSAL_MS = 10_000;

/**
 * The 413 for a body over the actions' limit. The connection is not closed at once: closing it with
 * the client's bytes still unread makes the kernel reset it, which can destroy the answer before
 * the client reads it. The rest of the body is read and discarded instead (for at most
 * DISCARD_AFTER_REFUSAL_MS, then the connection is cut).
 */
function refuseOversized(request: IncomingMessage, response: ServerResponse): void {
  const answer = refusalResponse(ACTION_TOO_LARGE, request.url ?? "/");
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
  const cut = setTimeout(() => request.socket.destroy(), DISCARD_AFTER_REFUSAL_MS);
  cut.unref();
  request.once("end", () => clearTimeout(cut));
  request.resume();
}

/**
 * A POST to a page is a server action (or nothing): its body is read here first, up to the
 * actions' limit, and checked (src/server/action-body.ts), so a malformed, over-deep or oversized
 * one gets a clear 4xx instead of Next's 500 (security review F10e). Next.js then reads the same
 * bytes. Returns the request to hand on, or null when it has been answered.
 */
async function checkedActionRequest(request: IncomingMessage, response: ServerResponse): Promise<IncomingMessage | null> {
  if (request.method !== "POST" || isDataPath((request.url ?? "/").split("?")[0]!)) return request;
  const body = await readBody(request, ACTION_BODY_LIMIT_BYTES);
  if (!body) {
    refuseOversized(request, response);
    return null;
  }
  const actionId = request.headers["next-action"];
  const problem = await actionBodyProblem({
    actionId: Array.isArray(actionId) ? actionId[0] : actionId,
    contentType: request.headers["content-type"],
    body,
  });
  if (problem) {
    refuse(request, response, problem);
    return null;
  }
  return replayRequest(request, body);
}

runMain(async () => {
  // A bad setting stops here, with one sentence, before Next.js loads anything.
  const env = appConfig();
  if (cluster.isPrimary) {
    // Each worker renders for its cache on a loopback port of its own (listenInternally); they share the mark of those renders.
    if (!env.RT_RENDER_SECRET) shareWithApp("RT_RENDER_SECRET", crypto.randomBytes(24).toString("base64url"));
    if (env.outboxWorker && env.DATABASE_URL) {
      outbox = startOutboxWorker(env.DATABASE_URL, outboxHandlers(env), { periodic: outboxPeriodic });
      log.info({ mail: mailDestination(env) }, `Outbox worker running; email goes to ${mailDestination(env)}.`);
    }
    if (env.webConcurrency > 1) {
      // The whole cluster's metrics are served by the primary (src/server/metrics.ts).
      shareMetricsAcrossCluster();
      if (env.METRICS_PORT) listenForMetrics(env.METRICS_PORT, env.HOSTNAME);
      return superviseWorkers(env.webConcurrency);
    }
  }
  await serve();
});

/** Keeps `count` web workers running: one that dies is replaced, after a pause that grows while they keep dying. */
function superviseWorkers(count: number): void {
  let stopping = false;
  let deaths: number[] = [];
  const fork = () => {
    if (!stopping) cluster.fork();
  };
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) void stopOutbox().finally(() => process.exit(0));
      return;
    }
    const now = Date.now();
    deaths = [...deaths.filter((t) => now - t < 60_000), now];
    const delay = Math.min(30_000, 250 * 2 ** (deaths.length - 1));
    workerRestart("server");
    log.error(
      { pid: worker.process.pid, code, signal, delay },
      `Web worker ${worker.process.pid} died (${signal ?? `exit code ${code}`}); starting another in ${delay} ms.`,
    );
    setTimeout(fork, delay);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (workers.length === 0) return void stopOutbox().finally(() => process.exit(0));
      for (const worker of workers) worker?.process.kill(signal);
    });
  }
  // Structured clone over IPC: the metrics' values (NaN included) reach the primary as they are.
  cluster.setupPrimary({ serialization: "advanced" });
  log.info({ count }, `Starting ${count} web workers.`);
  for (let i = 0; i < count; i += 1) fork();
}

async function serve(): Promise<void> {
  const env = appConfig();
  const { PORT: port, HOSTNAME: hostname } = env;
  // Where the response cache asks this server for a page: an internal loopback port of its own, no
  // name lookup; so those renders still work while the public port has stopped accepting during a
  // graceful shutdown.
  const internal = await listenInternally();
  if (!env.RT_INTERNAL_ORIGIN) shareWithApp("RT_INTERNAL_ORIGIN", internal.origin);
  const app = next({ dev: false, hostname, port, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  frontDoorSetsClientAddress();
  if (cluster.isWorker) shareMetricsAcrossCluster();
  else if (env.METRICS_PORT) listenForMetrics(env.METRICS_PORT, hostname);
  const server = http.createServer((request, response) =>
    observe(request, response, env.trustedProxies, () => {
      if ((request.url ?? "/").split("?")[0] === "/metrics") return answerMetrics(request, response, env.METRICS_TOKEN);
      // While shutting down, keep-alive clients are told to go elsewhere after this answer.
      if (isShuttingDown()) response.setHeader("Connection", "close");
      // Requests no route should see get a clear 4xx here (TRACE, an absolute-form target, a bad Host, U+0000, too large a body).
      const refused = refusal({
        method: request.method ?? "GET",
        target: request.url ?? "/",
        host: request.headers.host,
        origin: request.headers.origin,
        contentLength: request.headers["content-length"],
      });
      if (refused) return refuse(request, response, refused);
      // Who the client is: the connection's peer, or what a trusted proxy says (TRUSTED_PROXIES); forwarded headers from anyone else are dropped.
      const peer = request.socket.remoteAddress;
      const forwardedFor = request.headers["x-forwarded-for"];
      request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
        peer,
        Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
        env.trustedProxies,
      );
      // (The response cache's own renders pass on the reader's scheme, which the door already vetted.)
      if (!isTrustedPeer(peer, env.trustedProxies) && request.headers[RENDER_HEADER] !== renderSecret()) {
        delete request.headers["x-forwarded-for"];
        delete request.headers["x-forwarded-proto"];
      }
      delete request.headers["x-forwarded-host"];
      // The fast path writes conforming headers itself; what Next.js answers is checked as it is sent.
      if (serveFromMemory(request, response)) return;
      conformHeaders(request, response);
      void checkedActionRequest(request, response).then(
        (checked) => checked && handle(checked, response),
        () => response.destroy(),
      );
    }),
  );
  // Node's own refusals (a malformed request, headers too large) get a short answer with no detail.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const status = error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nContent-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\nConnection: close\r\nContent-Length: ${status.length + 1}\r\n\r\n${status}\n`,
    );
  });
  // As `next start` does: keep-alive longer than common load balancers' idle timeouts.
  server.keepAliveTimeout = 65_000;
  for (const listener of server.listeners("request")) internal.server.on("request", listener as http.RequestListener);
  const inFlight = countInFlight(server);
  const internalInFlight = countInFlight(internal.server);
  shutDownGracefully(server, internal.server, () => inFlight() + internalInFlight());
  server.listen(port, hostname, () => {
    if (cluster.isPrimary) log.info({ port, hostname }, `Next.js production server on http://${hostname}:${port}`);
    else if (cluster.worker?.id === 1) log.info({ port, hostname }, `Next.js production server on http://${hostname}:${port} (web workers)`);
  });
}
