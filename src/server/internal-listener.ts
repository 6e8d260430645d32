// The loopback listener on which the response cache asks its own server process for a page
// (RT_INTERNAL_ORIGIN, scripts/server/serve.ts). No framework imports.
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A listening server on a free loopback port of this process's own (its request handler is set
 * later), and its origin. `exclusive`: under node:cluster a worker's listen(0) is otherwise handed
 * to the primary, which gives every worker the same port and spreads the connections over them
 * all, so one worker's renders would be answered by another (one shutting down, even).
 */
export async function listenInternally(): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, resolve);
  });
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
