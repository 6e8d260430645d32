// The header rules every answer follows, whoever builds it (src/server/http.ts): here on
// a real node:http server that sets headers the way Next.js does, after our code has run.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conformHeaders, isOpenDataPath, notModifiedHeaders, varyHeader } from "../../src/server/http";

describe("the open data's URLs", () => {
  it("are the API, the feeds and the downloads, and nothing else", () => {
    for (const path of [
      "/api/v1",
      "/api/v1/commitments",
      "/api/v1/nope/x",
      "/changes.atom",
      "/deadlines.ics",
      "/data/commitments.csv",
      "/data/tracker.json",
      "/commitments/digital-sourcing-strategy/changes.atom",
      "/areas/ai-for-the-public-good/changes.atom",
      "/areas/ai-for-the-public-good/deadlines.ics",
      "/organisations/cabinet-office/changes.atom",
      "/organisations/cabinet-office/deadlines.ics",
    ])
      expect(isOpenDataPath(path), path).toBe(true);
    for (const path of [
      "/",
      "/data",
      "/changes",
      "/api/health",
      "/api/auth/signin",
      "/api/v10",
      "/editor",
      "/commitments/x/deadlines.ics",
      "/areas/x/card.png",
    ])
      expect(isOpenDataPath(path), path).toBe(false);
  });
});

describe("Vary", () => {
  it("lists each field once, and for the open data drops Next's router headers", () => {
    expect(varyHeader("/commitments", "RSC, Next-Router-State-Tree", "Accept-Encoding", "accept-encoding")).toBe(
      "RSC, Next-Router-State-Tree, Accept-Encoding",
    );
    expect(varyHeader("/api/v1/areas", "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding")).toBe(
      "Accept-Encoding",
    );
    expect(varyHeader("/data/commitments.csv", "rsc, next-url")).toBeNull();
  });
});

describe("a 304", () => {
  it("keeps the validators and caching headers, not the representation's", () => {
    expect(
      notModifiedHeaders({
        etag: '"x"',
        "cache-control": "public",
        vary: "Accept-Encoding",
        "Content-Type": "application/json",
        "content-length": "12",
        "content-disposition": "attachment",
      }),
    ).toEqual({
      etag: '"x"',
      "cache-control": "public",
      vary: "Accept-Encoding",
    });
  });
});

describe("conformHeaders on a node:http response", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      conformHeaders(request, response);
      // As Next.js does: its router's Vary first, then the route's own headers appended.
      response.appendHeader("vary", "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch");
      response.appendHeader("vary", "Accept-Encoding");
      response.setHeader("etag", '"abc"');
      response.setHeader("content-type", "application/json");
      if (request.headers["accept-encoding"] === "gzip") response.setHeader("content-encoding", "gzip");
      if (request.headers["if-none-match"]) {
        response.writeHead(304, { "content-length": "0" });
        response.end();
        return;
      }
      response.end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.get(`${base}${path}`, { headers }, (res) => {
        res.resume();
        res.on("end", () => resolve(res));
      });
      req.on("error", reject);
    });

  it("drops the router's Vary from the open data and keeps it on pages", async () => {
    expect((await get("/api/v1/areas", { "accept-encoding": "identity" })).headers.vary).toBe("Accept-Encoding");
    expect((await get("/commitments", { "accept-encoding": "identity" })).headers.vary).toBe(
      "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding",
    );
  });

  it("weakens the ETag of a compressed answer and keeps the identity answer's strong", async () => {
    expect((await get("/api/v1/areas", { "accept-encoding": "identity" })).headers.etag).toBe('"abc"');
    expect((await get("/api/v1/areas", { "accept-encoding": "gzip" })).headers.etag).toBe('W/"abc"');
  });

  it("sends a 304 without Content-Type", async () => {
    const res = await get("/api/v1/areas", { "if-none-match": '"abc"', "accept-encoding": "identity" });
    expect(res.statusCode).toBe(304);
    expect(res.headers["content-type"]).toBeUndefined();
    expect(res.headers.etag).toBe('"abc"');
  });
});
