import { describe, it, expect } from "vitest";
import { cacheKey, cacheKind, isImpossibleDetailPath } from "../../src/server/page-cache/routing";
import { withoutScripts, entityTag } from "../../src/server/page-cache/html";
import { PageStore, type RenderResult } from "../../src/server/freshness/page-store";
import { answerKeys } from "../../src/server/freshness/keys";
import { DataStore } from "../../src/server/freshness/data-store";
import { contentSecurityPolicy } from "../../src/server/content-security-policy";

const noHeaders = { has: () => false };
const get = (pathname: string, search = "", headers: { has(name: string): boolean } = noHeaders, method = "GET") => ({
  method,
  pathname,
  search,
  headers,
});

const isCacheablePage = (request: Parameters<typeof cacheKind>[0]) => cacheKind(request) === "page";

describe("which requests the page cache answers", () => {
  it("takes public pages, with or without a query string", () => {
    expect(isCacheablePage(get("/commitments", "?status=delivered&area=ai-for-the-public-good"))).toBe(true);
    expect(isCacheablePage(get("/", "?as_of=2026-06-01"))).toBe(true);
    for (const path of [
      "/",
      "/commitments",
      "/timeline",
      "/missed",
      "/changes",
      "/areas",
      "/organisations",
      "/data",
      "/methodology",
      "/commitments/digital-sourcing-strategy",
      "/areas/ai-for-the-public-good",
      "/organisations/cabinet-office",
    ]) {
      expect(isCacheablePage(get(path)), path).toBe(true);
      expect(isCacheablePage(get(path, "", noHeaders, "HEAD")), path).toBe(true);
    }
  });

  it("leaves very long queries, other methods, router requests and everything else to the per-request render", () => {
    expect(isCacheablePage(get("/commitments", `?q=${"x".repeat(500)}`))).toBe(false);
    expect(isCacheablePage(get("/", "", noHeaders, "POST"))).toBe(false);
    expect(isCacheablePage(get("/", "", { has: (name) => name === "rsc" }))).toBe(false);
    expect(isCacheablePage(get("/", "", { has: (name) => name === "next-action" }))).toBe(false);
    for (const path of [
      "/editor",
      "/editor/sign-in",
      "/api/health",
      "/api/auth/session",
      "/data/commitments.csv",
      "/data/tracker.json",
      "/commitments/Not-A-Slug",
      "/commitments/a/b",
      "/no-such-page",
      `/commitments/${"a".repeat(200)}`,
    ]) {
      expect(cacheKind(get(path)), path).toBe(null);
    }
  });

  it("takes the JSON API's and the feeds' GETs, but no other method and no very long query", () => {
    expect(cacheKind(get("/api/v1/commitments", "?page_size=25"))).toBe("data");
    expect(cacheKind(get("/api/v1/commitments/digital-sourcing-strategy"))).toBe("data");
    expect(cacheKind(get("/api/v1/openapi.json"))).toBe("data");
    expect(cacheKind(get("/changes.atom", "?area=ai-for-the-public-good"))).toBe("data");
    expect(cacheKind(get("/deadlines.ics"))).toBe("data");
    for (const path of [
      "/commitments/digital-sourcing-strategy/changes.atom",
      "/areas/ai-for-the-public-good/deadlines.ics",
      "/organisations/cabinet-office/changes.atom",
    ])
      expect(cacheKind(get(path)), path).toBe("data");
    expect(cacheKind(get("/commitments/digital-sourcing-strategy/deadlines.ics"))).toBe(null);
    // A scoped feed depends on its record's key (and the shared names), told to the CDN as Surrogate-Key.
    expect(answerKeys("/commitments/digital-sourcing-strategy/changes.atom")).toEqual(["commitment:digital-sourcing-strategy", "shared"]);
    expect(answerKeys("/areas/ai-for-the-public-good/deadlines.ics")).toEqual(["area:ai-for-the-public-good", "shared"]);
    expect(answerKeys("/organisations/cabinet-office/changes.atom")).toEqual(["organisation:cabinet-office", "shared"]);
    expect(answerKeys("/changes.atom")).toEqual(["lists", "shared"]);
    expect(cacheKind(get("/api/v1/commitments", "", noHeaders, "OPTIONS"))).toBe(null);
    expect(cacheKind(get("/api/v1/commitments", `?q=${"x".repeat(500)}`))).toBe(null);
  });
});

describe("detail addresses no record can have", () => {
  it("are known without the database: a slug that is not lower-case words and hyphens, or is too long", () => {
    for (const path of [
      "/commitments/NOT%20A%20SLUG",
      "/areas/Atlantis",
      "/organisations/ministry_of_magic",
      "/commitments/-x",
      `/commitments/${"x".repeat(121)}`,
    ]) {
      expect(isImpossibleDetailPath(path), path).toBe(true);
    }
    for (const path of [
      "/commitments/no-such-commitment",
      "/areas/atlantis",
      `/organisations/${"x".repeat(120)}`,
      "/commitments",
      "/commitments/a/b",
      "/missed",
      "/no/such/page",
    ]) {
      expect(isImpossibleDetailPath(path), path).toBe(false);
    }
  });
});

describe("cache keys", () => {
  it("share pages across hosts, but keep API answers and feeds per host and scheme", () => {
    expect(cacheKey("page", "/missed", "a.example", "https")).toBe(cacheKey("page", "/missed", "b.example", null));
    expect(cacheKey("data", "/api/v1/areas", "a.example", null)).not.toBe(cacheKey("data", "/api/v1/areas", "b.example", null));
    expect(cacheKey("data", "/api/v1/areas", "a.example", "https")).not.toBe(cacheKey("data", "/api/v1/areas", "a.example", "http"));
    // No X-Forwarded-Proto is plain http, as Next.js records it before its proxy runs.
    expect(cacheKey("data", "/api/v1/areas", "a.example", null)).toBe(cacheKey("data", "/api/v1/areas", "a.example", "http"));
  });
});

describe("cached pages are documents without scripts", () => {
  const html = `<html><head><link rel="stylesheet" href="/_next/static/a.css"/><link rel="preload" as="script" fetchPriority="low" href="/_next/static/b.js"/>
    <link rel="modulepreload" href="/_next/static/c.js"><script src="/_next/static/a.js" async="" nonce="abc"></script><script nonce="abc">self.__next_f=[]</script></head>
    <body><main><a href="/commitments">Commitments</a></main><script>self.__next_f.push([1,"<b>x</b>"])</script><script type="module">import "x"</script>
    <script type="application/ld+json">{"@type":"Dataset"}</script><script type="text/javascript">1</script></body></html>`;

  it("leaves out every script that would run, and the hints that would fetch them", () => {
    const page = withoutScripts(html);
    expect(page).not.toMatch(/__next_f|_next\/static\/[abc]\.js|import "x"|>1</);
    expect(page).toContain('<link rel="stylesheet" href="/_next/static/a.css"/>');
    expect(page).toContain('<main><a href="/commitments">Commitments</a></main>');
    expect(page).toContain('<script type="application/ld+json">{"@type":"Dataset"}</script>');
  });

  it("are the same bytes, and the same validator, whatever nonce the render was given", () => {
    const render = (nonce: string) =>
      `<html><head><link rel="stylesheet" href="/a.css" nonce="${nonce}" data-precedence="next"/><script nonce="${nonce}">1</script></head><body><p>nonce="text" stays</p></body></html>`;
    const first = withoutScripts(render("Zmlyc3Q="));
    expect(first).toBe(withoutScripts(render("c2Vjb25k")));
    expect(entityTag(first)).toBe(entityTag(withoutScripts(render("c2Vjb25k"))));
    expect(first).toContain('<link rel="stylesheet" href="/a.css" data-precedence="next"/>');
    expect(first).toContain('<p>nonce="text" stays</p>');
  });

  it("are sent with a policy that allows no script", () => {
    const policy = contentSecurityPolicy({ none: true });
    expect(policy).toMatch(/script-src 'none'/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(contentSecurityPolicy({ none: true }, { dev: true })).not.toMatch(/unsafe-eval/);
  });

  it("gives a page's validator from its content", () => {
    expect(entityTag("a")).toBe(entityTag("a"));
    expect(entityTag("a")).not.toBe(entityTag("b"));
    expect(entityTag("a")).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });
});

describe("the page store", () => {
  function setup(options: { maxBytes?: number; caching?: () => boolean } = {}) {
    let now = 0;
    const renders: string[] = [];
    let version = 1;
    const store = new PageStore({ freshMs: 1_000, maxBytes: options.maxBytes, now: () => now, caching: options.caching });
    const renderer =
      (path: string, delay = 0) =>
      () =>
        new Promise<RenderResult>((resolve) => {
          renders.push(path);
          const html = `${path} v${version}`;
          setTimeout(() => resolve({ page: { body: new TextEncoder().encode(html), headers: {}, etag: html } }), delay);
        });
    return { store, renders, renderer, tick: (ms: number) => (now += ms), publish: () => (version += 1) };
  }
  const html = (result: RenderResult) => ("page" in result ? new TextDecoder().decode(result.page.body) : `status ${result.response.status}`);

  it("renders a page once and serves it from memory while fresh", async () => {
    const { store, renders, renderer } = setup();
    expect(html(await store.get("/", answerKeys("/"), renderer("/")))).toBe("/ v1");
    expect(html(await store.get("/", answerKeys("/"), renderer("/")))).toBe("/ v1");
    expect(renders).toEqual(["/"]);
  });

  it("shares one render among readers who arrive while it runs", async () => {
    const { store, renders, renderer } = setup();
    const pages = await Promise.all(Array.from({ length: 20 }, () => store.get("/missed", answerKeys("/missed"), renderer("/missed", 20))));
    expect(new Set(pages.map(html))).toEqual(new Set(["/missed v1"]));
    expect(renders).toEqual(["/missed"]);
  });

  it("serves an old page while one background render replaces it", async () => {
    const { store, renders, renderer, tick, publish } = setup();
    await store.get("/", answerKeys("/"), renderer("/"));
    tick(1_500);
    publish();
    expect(html(await store.get("/", answerKeys("/"), renderer("/", 5)))).toBe("/ v1");
    await new Promise((r) => setTimeout(r, 20));
    expect(html(await store.get("/", answerKeys("/"), renderer("/")))).toBe("/ v2");
    expect(renders).toEqual(["/", "/"]);
  });

  it("drops every page when something is published, and never keeps a render begun before it", async () => {
    const { store, renderer, publish } = setup();
    await store.get("/", answerKeys("/"), renderer("/"));
    const before = store.get("/changes", answerKeys("/changes"), renderer("/changes", 20));
    publish();
    store.expireAll();
    expect(html(await store.get("/", answerKeys("/"), renderer("/")))).toBe("/ v2");
    // The reader who came after the publish waits for a fresh render, not the one already running.
    expect(html(await store.get("/changes", answerKeys("/changes"), renderer("/changes")))).toBe("/changes v2");
    await before;
    expect(html(await store.get("/changes", answerKeys("/changes"), renderer("/changes")))).toBe("/changes v2");
  });

  it("passes on answers that are not pages (not found, errors) without keeping them", async () => {
    const { store } = setup();
    let calls = 0;
    const notFound = async (): Promise<RenderResult> => ((calls += 1), { response: new Response("no", { status: 404 }) });
    expect(html(await store.get("/commitments/nope", answerKeys("/commitments/nope"), notFound))).toBe("status 404");
    expect(html(await store.get("/commitments/nope", answerKeys("/commitments/nope"), notFound))).toBe("status 404");
    expect(calls).toBe(2);
    expect(store.size).toBe(0);
  });

  it("evicts the least recently read pages to stay within its memory bound", async () => {
    // Each page here takes 5 bytes: room for two.
    const { store, renders, renderer } = setup({ maxBytes: 12 });
    await store.get("/a", answerKeys("/a"), renderer("/a"));
    await store.get("/b", answerKeys("/b"), renderer("/b"));
    await store.get("/a", answerKeys("/a"), renderer("/a"));
    await store.get("/c", answerKeys("/c"), renderer("/c"));
    expect(store.size).toBe(2);
    await store.get("/a", answerKeys("/a"), renderer("/a"));
    await store.get("/b", answerKeys("/b"), renderer("/b"));
    expect(renders).toEqual(["/a", "/b", "/c", "/b"]);
  });

  it("drops only the pages that depend on what a publish names", async () => {
    const { store, renders, renderer, publish } = setup();
    for (const path of ["/", "/commitments", "/commitments/a", "/commitments/b", "/areas/x", "/organisations/o"])
      await store.get(path, answerKeys(path), renderer(path));
    publish();
    // A change to commitment a, in area x: its page, its area's and every list; not b's, not the organisation's.
    expect(store.invalidate(["commitment:a", "area:x", "lists"])).toBe(4);
    expect(store.dropped).toBe(4);
    for (const path of ["/", "/commitments", "/commitments/a", "/commitments/b", "/areas/x", "/organisations/o"])
      await store.get(path, answerKeys(path), renderer(path));
    expect(renders.slice(6).sort()).toEqual(["/", "/areas/x", "/commitments", "/commitments/a"]);
    // A renamed organisation: every page shows names.
    expect(store.invalidate(["organisation:o", "shared", "lists"])).toBe(6);
  });

  it("keeps a page whose render names no keys (a version that can never change) through every publish", async () => {
    const { store } = setup();
    const page = { body: new TextEncoder().encode("v3"), headers: {}, etag: '"v3"', keys: [] };
    await store.get("/commitments/a?version=3", answerKeys("/commitments/a"), async () => ({ page }));
    expect(store.invalidate(["commitment:a", "lists", "shared"])).toBe(0);
    expect(store.size).toBe(1);
  });

  it("does not keep a render under way when a publish touches its keys, but keeps one it does not touch", async () => {
    const { store, renders, renderer, publish } = setup();
    const a = store.get("/commitments/a", answerKeys("/commitments/a"), renderer("/commitments/a", 20));
    const b = store.get("/commitments/b", answerKeys("/commitments/b"), renderer("/commitments/b", 20));
    publish();
    store.invalidate(["commitment:a"]);
    await Promise.all([a, b]);
    expect(html(await store.get("/commitments/a", answerKeys("/commitments/a"), renderer("/commitments/a")))).toBe("/commitments/a v2");
    expect(html(await store.get("/commitments/b", answerKeys("/commitments/b"), renderer("/commitments/b")))).toBe("/commitments/b v1");
    expect(renders).toEqual(["/commitments/a", "/commitments/b", "/commitments/a"]);
  });

  it("keeps and serves nothing while the instance cannot hear publishes", async () => {
    let hearing = false;
    const { store, renders, renderer } = setup({ caching: () => hearing });
    await store.get("/", answerKeys("/"), renderer("/"));
    await store.get("/", answerKeys("/"), renderer("/"));
    expect(store.peek("/")).toBeNull();
    expect(renders).toEqual(["/", "/"]);
    hearing = true;
    await store.get("/", answerKeys("/"), renderer("/"));
    expect(store.peek("/")).not.toBeNull();
  });
});

describe("the cached reads' store (security review F5: no request grows memory past the bound)", () => {
  it("keeps at most its byte bound however many distinct keys are read, least recently read out first", async () => {
    const store = new DataStore({ maxBytes: 64 * 1024 });
    for (let i = 0; i < 5_000; i += 1)
      await store.read(`listCommitments {"q":"probe ${i}","host":"h${i}.example"}`, async () => ({ rows: "x".repeat(200) }));
    expect(store.byteSize).toBeLessThanOrEqual(64 * 1024);
    expect(store.size).toBeGreaterThan(0);
    expect(store.size).toBeLessThan(5_000);
  });

  it("answers a copy (nobody can change a kept result) and drops everything on expireAll", async () => {
    const store = new DataStore();
    let reads = 0;
    const read = () => store.read("k", async () => ((reads += 1), { list: [1, 2] }));
    const first = await read();
    first.list.push(3);
    expect((await read()).list).toEqual([1, 2]);
    expect(reads).toBe(1);
    store.expireAll();
    await read();
    expect(reads).toBe(2);
  });

  it("does not keep a result read while the instance cannot hear publishes", async () => {
    const store = new DataStore({ caching: () => false });
    let reads = 0;
    await store.read("k", async () => (reads += 1));
    await store.read("k", async () => (reads += 1));
    expect(reads).toBe(2);
    expect(store.size).toBe(0);
  });
});
