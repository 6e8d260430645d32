// HTTP conventions at the edges, over real HTTP against the production server (the interop
// review's findings 3 to 9): 405s, the trailing-slash redirect, 304s, Vary, and validators of
// compressed answers. Raw requests (node:http), so nothing decompresses, follows or adds headers.
import http from "node:http";
import { test, expect } from "@playwright/test";
import { testEnv } from "../../src/runtime/env";

const baseURL = `http://127.0.0.1:${testEnv().E2E_PORT}`;

type Answer = { status: number; headers: http.IncomingHttpHeaders; raw: string[]; body: Buffer };

function request(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, baseURL), { method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: res.rawHeaders, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(options.method === "POST" || options.method === "PUT" ? "{}" : undefined);
  });
}

/** Every value of a header as sent, however many times it was sent. */
const sent = (answer: Answer, name: string) => answer.raw.filter((value, i) => i % 2 === 0 && value.toLowerCase() === name).length;
const varyOf = (answer: Answer) =>
  (answer.headers.vary ?? "")
    .split(",")
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);

const OPEN_DATA = [
  "/api/v1/commitments",
  "/api/v1/commitments/ai-exemplars",
  "/api/v1/no-such-endpoint",
  "/changes.atom",
  "/deadlines.ics",
  "/data/commitments.csv",
  "/data/tracker.json",
];

test.describe("methods other than GET, HEAD and OPTIONS on the open data", () => {
  for (const path of OPEN_DATA) {
    test(`POST ${path} answers 405 with Allow, a problem body and CORS`, async () => {
      const answer = await request(path, { method: "POST", headers: { origin: "https://observablehq.com", "content-type": "application/json" } });
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe("GET, HEAD, OPTIONS");
      expect(answer.headers["access-control-allow-origin"]).toBe("*");
      expect(answer.headers["content-type"]).toBe("application/problem+json");
      expect(JSON.parse(answer.body.toString("utf8"))).toEqual({
        type: "about:blank",
        title: "Method Not Allowed",
        status: 405,
        detail: "POST is not allowed: the open data is read-only. Use GET or HEAD (OPTIONS answers CORS preflights).",
        instance: path,
      });
    });
  }

  test("DELETE is refused the same way", async () => {
    const answer = await request("/api/v1/areas", { method: "DELETE" });
    expect([answer.status, answer.headers.allow, answer.headers["access-control-allow-origin"]]).toEqual([405, "GET, HEAD, OPTIONS", "*"]);
  });
});

test.describe("the trailing-slash redirect", () => {
  test("of an API URL is a 308 a browser script may follow (CORS), keeping the query", async () => {
    const answer = await request("/api/v1/commitments/?page_size=1", { headers: { origin: "https://observablehq.com" } });
    expect(answer.status).toBe(308);
    expect(new URL(String(answer.headers.location), baseURL).toString()).toBe(`${baseURL}/api/v1/commitments?page_size=1`);
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
  });

  test("of a page is a 308 to the page, without CORS", async () => {
    const answer = await request("/commitments/");
    expect(answer.status).toBe(308);
    expect(new URL(String(answer.headers.location), baseURL).toString()).toBe(`${baseURL}/commitments`);
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

test.describe("conditional requests and Vary", () => {
  for (const path of ["/api/v1/areas", "/changes.atom", "/deadlines.ics", "/", "/data/commitments.csv"]) {
    test(`a 304 for ${path} has no Content-Type and one Vary`, async () => {
      const first = await request(path);
      expect(first.status).toBe(200);
      const again = await request(path, { headers: { "if-none-match": String(first.headers.etag) } });
      expect(again.status).toBe(304);
      expect(again.headers["content-type"]).toBeUndefined();
      expect(again.headers["content-disposition"]).toBeUndefined();
      expect(sent(again, "vary")).toBe(1);
      expect(new Set(varyOf(again)).size).toBe(varyOf(again).length);
      expect(again.headers.etag).toBe(first.headers.etag);
    });
  }

  for (const path of ["/api/v1/commitments", "/api/v1/areas", "/changes.atom", "/deadlines.ics", "/data/commitments.csv", "/data/tracker.json"]) {
    test(`${path} varies on Accept-Encoding only, not on Next's router headers`, async () => {
      for (const encoding of ["identity", "gzip"]) {
        // Twice: the first answer may be rendered, the second is served from the response cache.
        for (let i = 0; i < 2; i++) {
          const answer = await request(path, { headers: { "accept-encoding": encoding } });
          expect(answer.status).toBe(200);
          expect(varyOf(answer)).toEqual(["accept-encoding"]);
        }
      }
    });
  }
});

test.describe("compressed answers", () => {
  for (const path of ["/api/v1/commitments", "/changes.atom", "/", "/commitments"]) {
    test(`${path}: the gzip and identity answers do not share a strong ETag`, async () => {
      await request(path); // rendered and cached
      const identity = await request(path, { headers: { "accept-encoding": "identity" } });
      const gzip = await request(path, { headers: { "accept-encoding": "gzip" } });
      expect(identity.headers["content-encoding"]).toBeUndefined();
      expect(gzip.headers["content-encoding"]).toBe("gzip");
      expect(identity.headers.etag).toMatch(/^"/);
      expect(gzip.headers.etag).toBe(`W/${identity.headers.etag}`);
      // Either validator still confirms the copy a client holds (weak comparison, RFC 9110 §13.1.2).
      const revalidated = await request(path, { headers: { "accept-encoding": "gzip", "if-none-match": String(gzip.headers.etag) } });
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers.etag).toBe(gzip.headers.etag);
    });
  }
});
