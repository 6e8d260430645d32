// The production server started by `npm start` (scripts/ops/start.ts): Next.js's request handler
// behind one fast path, answers that are fresh in the response cache, written from memory
// (src/server/page-cache/fast-path.ts). Same build, same proxy, same config as `next start`.
import http from "node:http";
import next from "next";
import { appConfig, shareWithApp } from "../../src/runtime/env";
import { runMain } from "../../src/runtime/cli";
import { serveFromMemory } from "../../src/server/page-cache/fast-path";
import { conformHeaders } from "../../src/server/http-headers";
import { CLIENT_ADDRESS_HEADER, frontDoorSetsClientAddress, refusal, refusalResponse } from "../../src/server/front-door";
import { isTrustedPeer, resolveClientAddress } from "../../src/domain/network";
import { RENDER_HEADER, renderSecret } from "../../src/server/page-cache/render";
import { isDataPath } from "../../src/server/security-headers";
import { actionBodyProblem } from "../../src/server/action-body";
import { readBody, replayRequest } from "../../src/server/request-body";
import { ACTION_BODY_LIMIT_BYTES, ACTION_TOO_LARGE, type Refusal } from "../../src/server/front-door";
import type { IncomingMessage, ServerResponse } from "node:http";

/** A refusal, with every security header, closing the connection (what the client sent may not have been read). */
function refuse(request: IncomingMessage, response: ServerResponse, refused: Refusal): void {
  const answer = refusalResponse(refused, request.url ?? "/");
  response.writeHead(answer.status, { ...answer.headers, Connection: "close" });
  response.end(request.method === "HEAD" ? undefined : answer.body);
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
    refuse(request, response, ACTION_TOO_LARGE);
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
  const { PORT: port, HOSTNAME: hostname } = env;
  // Where the response cache asks this server for a page: its own address, no name lookup.
  if (!env.RT_INTERNAL_ORIGIN)
    shareWithApp("RT_INTERNAL_ORIGIN", `http://${hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname}:${port}`);
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
  server.listen(port, hostname, () => console.log(`▲ Next.js production server on http://${hostname}:${port}`));
});
