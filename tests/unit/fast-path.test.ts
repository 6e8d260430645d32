// The production server's fast path (src/server/page-cache/fast-path.ts) on a real HTTP server:
// it answers only what is fresh in the store while the database is known to be up, and hands
// everything else on (here, to a handler answering 599 so the hand-over is visible).
import http from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { serveFromMemory } from "../../src/server/page-cache/fast-path";
import { freshness, pageStore } from "../../src/server/freshness";
import { recordDatabaseStatus, resetDatabaseStatus } from "../../src/server/database-breaker";

let base = "";
let server: http.Server;
const html = `<!doctype html><html><body><main>${"Overview of the roadmap. ".repeat(200)}</main></body></html>`;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (serveFromMemory(request, response)) return;
    response.writeHead(599);
    response.end("handed on");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(async () => {
  freshness().hearing = true;
  pageStore().expireAll();
  recordDatabaseStatus({ ok: true });
  await pageStore().get("/", [], async () => ({
    page: { body: new TextEncoder().encode(html), headers: { "content-type": "text/html; charset=utf-8", etag: '"v1"', vary: "RSC" }, etag: '"v1"' },
  }));
});

describe("the fast path", () => {
  it("answers a fresh page from memory, with the security headers", async () => {
    const response = await fetch(`${base}/`, { headers: { "accept-encoding": "identity" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(html);
    expect(response.headers.get("etag")).toBe('"v1"');
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("vary")).toBe("RSC, Accept-Encoding");
  });

  it("gzips for readers who accept it, and answers If-None-Match with 304", async () => {
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve) => {
      http.get(`${base}/`, { headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
      });
    });
    expect(raw.encoding).toBe("gzip");
    expect(zlib.gunzipSync(raw.body).toString()).toBe(html);
    expect((await fetch(`${base}/`, { headers: { "if-none-match": '"v1"' } })).status).toBe(304);
  });

  it("hands on misses, other methods, uncacheable paths, and anything after a publish", async () => {
    expect((await fetch(`${base}/missed`)).status).toBe(599);
    expect((await fetch(`${base}/`, { method: "POST" })).status).toBe(599);
    expect((await fetch(`${base}/editor`)).status).toBe(599);
    pageStore().expireAll();
    expect((await fetch(`${base}/`)).status).toBe(599);
  });

  it("steps aside when the database is down, or not confirmed recently, so the proxy can answer 503", async () => {
    recordDatabaseStatus({ ok: false, reason: "stopped" });
    expect((await fetch(`${base}/`)).status).toBe(599);
    recordDatabaseStatus({ ok: true });
    expect((await fetch(`${base}/`)).status).toBe(200);
    resetDatabaseStatus(); // as if the last check was long ago
    expect((await fetch(`${base}/`)).status).toBe(599);
  });
});
