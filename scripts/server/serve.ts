// The production server started by `npm start` (scripts/ops/start.ts): Next.js's request handler
// behind one fast path, answers that are fresh in the response cache, written from memory
// (src/server/page-cache/fast-path.ts). Same build, same proxy, same config as `next start`.
import http from "node:http";
import next from "next";
import { appConfig, shareWithApp } from "../../src/runtime/env";
import { runMain } from "../../src/runtime/cli";
import { serveFromMemory } from "../../src/server/page-cache/fast-path";
import { conformHeaders } from "../../src/server/http-headers";

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
  const server = http.createServer((request, response) => {
    // The fast path writes conforming headers itself; what Next.js answers is checked as it is sent.
    if (serveFromMemory(request, response)) return;
    conformHeaders(request, response);
    void handle(request, response);
  });
  // As `next start` does: keep-alive longer than common load balancers' idle timeouts.
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => console.log(`▲ Next.js production server on http://${hostname}:${port}`));
});
