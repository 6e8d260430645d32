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
import { startOutboxWorker } from "../../src/server/outbox/worker";
import { outboxHandlers } from "../../src/server/outbox/handlers";

runMain(async () => {
  // A bad setting stops here, with one sentence, before Next.js loads anything.
  const env = appConfig();
  if (cluster.isPrimary) {
    const { PORT: port, HOSTNAME: hostname } = env;
    // Where the response cache asks this server for a page: its own address, no name lookup.
    if (!env.RT_INTERNAL_ORIGIN)
      shareWithApp("RT_INTERNAL_ORIGIN", `http://${hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname}:${port}`);
    // A render may be answered by any worker: they share the mark of the cache's own renders.
    if (!env.RT_RENDER_SECRET) shareWithApp("RT_RENDER_SECRET", crypto.randomBytes(24).toString("base64url"));
    if (env.outboxWorker && env.DATABASE_URL) {
      const worker = startOutboxWorker(env.DATABASE_URL, outboxHandlers(env));
      process.once("exit", () => void worker.stop());
    }
    if (env.webConcurrency > 1) return superviseWorkers(env.webConcurrency);
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
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    deaths = [...deaths.filter((t) => now - t < 60_000), now];
    const delay = Math.min(30_000, 250 * 2 ** (deaths.length - 1));
    console.error(`Web worker ${worker.process.pid} died (${signal ?? `exit code ${code}`}); starting another in ${delay} ms.`);
    setTimeout(fork, delay);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (workers.length === 0) process.exit(0);
      for (const worker of workers) worker?.process.kill(signal);
    });
  }
  console.log(`Starting ${count} web workers.`);
  for (let i = 0; i < count; i += 1) fork();
}

async function serve(): Promise<void> {
  const env = appConfig();
  const { PORT: port, HOSTNAME: hostname } = env;
  const app = next({ dev: false, hostname, port, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  frontDoorSetsClientAddress();
  const server = http.createServer((request, response) => {
    // Requests no route should see get a clear 4xx here (TRACE, an absolute-form target, a bad Host, U+0000, too large a body).
    const refused = refusal({
      method: request.method ?? "GET",
      target: request.url ?? "/",
      host: request.headers.host,
      origin: request.headers.origin,
      contentLength: request.headers["content-length"],
    });
    if (refused) {
      const answer = refusalResponse(refused, request.url ?? "/");
      response.writeHead(answer.status, { ...answer.headers, Connection: "close" });
      response.end(request.method === "HEAD" ? undefined : answer.body);
      return;
    }
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
    void handle(request, response);
  });
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
  server.listen(port, hostname, () => {
    if (cluster.isPrimary) console.log(`▲ Next.js production server on http://${hostname}:${port}`);
    else if (cluster.worker?.id === 1) console.log(`▲ Next.js production server on http://${hostname}:${port} (web workers)`);
  });
}
