// Contract tests of /api/v1: every endpoint's real responses (success, 304, 400, 404) are
// validated against the OpenAPI document the app serves, and the data is compared with the
// database it came from.
import { describe, it, expect, beforeAll } from "vitest";
import fc from "fast-check";
import type pg from "pg";
import { Validator } from "@seriousme/openapi-schema-validator";
import { connect } from "../../src/runtime/connect";
import { todayIso } from "../../src/domain/dates";
import { useTestDatabase } from "../helpers/test-database";
import { call, contractValidator, ORIGIN } from "../helpers/open-data-contract";
import { useAppEnv } from "../../src/runtime/env";

const database = useTestDatabase();
let client: pg.Client;
let routes: {
  areas: typeof import("../../src/app/api/v1/areas/route");
  organisations: typeof import("../../src/app/api/v1/organisations/route");
  commitments: typeof import("../../src/app/api/v1/commitments/route");
  commitment: typeof import("../../src/app/api/v1/commitments/[slug]/route");
  changes: typeof import("../../src/app/api/v1/changes/route");
  openapi: typeof import("../../src/app/api/v1/openapi.json/route");
};
let openapi: typeof import("../../src/server/open-data/openapi");
let contract: ReturnType<typeof contractValidator>;

beforeAll(async () => {
  const { url } = await database.get();
  useAppEnv({ DATABASE_URL: url }); // before the first getDb()
  client = await connect(url);
  routes = {
    areas: await import("../../src/app/api/v1/areas/route"),
    organisations: await import("../../src/app/api/v1/organisations/route"),
    commitments: await import("../../src/app/api/v1/commitments/route"),
    commitment: await import("../../src/app/api/v1/commitments/[slug]/route"),
    changes: await import("../../src/app/api/v1/changes/route"),
    openapi: await import("../../src/app/api/v1/openapi.json/route"),
  };
  openapi = await import("../../src/server/open-data/openapi");
  const served = await (await call(routes.openapi.GET, "/api/v1/openapi.json")).json();
  contract = contractValidator(served);
  return async () => {
    await client.end();
    const { getDb } = await import("../../src/server/db");
    await getDb().$disconnect();
  };
});

/** The route handler for a path under /api/v1. */
function handlerFor(path: string): { handler: unknown; params?: Record<string, string> } {
  const pathname = new URL(path, ORIGIN).pathname.replace(/^\/api\/v1/, "");
  const slug = /^\/commitments\/([^/]+)$/.exec(pathname)?.[1];
  if (slug) return { handler: routes.commitment.GET, params: { slug: decodeURIComponent(slug) } };
  const handlers: Record<string, unknown> = {
    "/areas": routes.areas.GET,
    "/organisations": routes.organisations.GET,
    "/commitments": routes.commitments.GET,
    "/changes": routes.changes.GET,
    "/openapi.json": routes.openapi.GET,
  };
  if (!handlers[pathname]) throw new Error(`no handler for ${path}`);
  return { handler: handlers[pathname] };
}

async function api(path: string, headers?: Record<string, string>) {
  const full = `/api/v1${path}`;
  const { handler, params } = handlerFor(full);
  const response = await call(handler, full, { headers, params });
  return { response, full };
}

/** GET, validate against the contract, return the status and body. */
async function checked(path: string, headers?: Record<string, string>) {
  const { response, full } = await api(path, headers);
  const status = response.status;
  const responseHeaders = response.headers;
  const { body, problems } = await contract.validate(response, full);
  expect(problems, full).toEqual([]);
  return { status, body: body as any, headers: responseHeaders };
}

const exampleUrl = (e: { path: string; query?: Record<string, string | string[]> }) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(e.query ?? {})) for (const value of ([] as string[]).concat(v)) params.append(k, value);
  return params.size ? `${e.path}?${params}` : e.path;
};

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = await (await call(routes.openapi.GET, "/api/v1/openapi.json")).json();
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("is the one generated from the zod schemas, served with the OpenAPI media type", async () => {
    const response = await call(routes.openapi.GET, "/api/v1/openapi.json");
    expect(response.headers.get("content-type")).toMatch(/^application\/vnd\.oai\.openapi\+json/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openapi.openApiDocument(ORIGIN))));
  });

  it("documents the contract's fields and every endpoint of the brief, and each has a tested example", () => {
    const doc = openapi.openApiDocument() as any;
    expect(Object.keys(doc.paths).sort()).toEqual(["/areas", "/changes", "/commitments", "/commitments/{slug}", "/organisations"]);
    for (const path of Object.keys(doc.paths))
      expect(openapi.ENDPOINT_EXAMPLES.some((e) => e.path.replace(/\/[a-z0-9-]+$/, "/{slug}") === path || e.path === path)).toBe(true);
    const commitment = doc.components.schemas.Commitment;
    for (const field of ["slug", "title", "area", "owners", "deadline", "status", "overdue", "daysOverdue"])
      expect(commitment.required).toContain(field);
    expect(doc.components.schemas.Deadline.required).toEqual(["label", "precision", "dueDate"]);
    // Additive: every earlier field is still there, with the three dates of the status and the record version added.
    expect(doc.components.schemas.Status.required).toEqual([
      "code",
      "label",
      "reported",
      "confirmedOn",
      "confirmed",
      "occurred",
      "effectiveOn",
      "publishedAt",
      "version",
    ]);
    expect(doc.components.schemas.Owner.required).toEqual(expect.arrayContaining(["slug", "name", "lead", "role", "basis"]));
    // Issue 12, additive: who leads in words, where the area placement comes from, and a code for no progress reported.
    expect(doc.components.schemas.Commitment.required).toEqual(expect.arrayContaining(["lead", "areaBasis", "notice", "announcedLabel"]));
    expect(doc.components.schemas.PublicStatusCode.enum).toEqual(["no_progress_reported", ...doc.components.schemas.StatusCode.enum]);
    expect(doc.components.schemas.ListMeta.required).toEqual(["asOf", "version", "versionPublishedAt", "total", "page", "pageSize"]);
    expect(doc.components.schemas.Commitment.required).toEqual(
      expect.arrayContaining(["overdue", "daysOverdue", "deliveredLate", "daysLate", "missed", "missedDeadlines", "lateness", "pending"]),
    );
    expect(doc.components.schemas.MissedDeadline.required).toEqual([
      "label",
      "precision",
      "dueDate",
      "missedOn",
      "daysMissedBy",
      "daysMissedByMax",
      "outcome",
      "outcomeOn",
      "movedTo",
      "delivery",
    ]);
    expect(doc.components.schemas.StatusUpdateChange.required).toEqual(
      expect.arrayContaining(["date", "publishedAt", "version", "confirmed", "occurred", "effectiveOn"]),
    );
    // Issue 12, additive: the second-editor mark and the wording history of one commitment.
    expect(doc.components.schemas.CommitmentDetail.required).toEqual(expect.arrayContaining(["secondEditorCheck", "history"]));
    expect(doc.components.schemas.SecondEditorCheck.required).toEqual(["checked", "uncheckedSince"]);
    expect(doc.components.schemas.WordingChange.required).toEqual(["id", "version", "publishedAt", "title", "summary", "reason", "source"]);
    for (const path of ["/areas", "/organisations", "/commitments", "/commitments/{slug}", "/changes"]) {
      const names = doc.paths[path].get.parameters.map((p: any) => p.name);
      expect(names, path).toEqual(expect.arrayContaining(["as_of", "version", "recorded_on"]));
    }
    const pageSize = doc.paths["/commitments"].get.parameters.find((p: any) => p.name === "page_size");
    expect(pageSize.schema.anyOf[0].maximum).toBe(100);
    // Empty values mean "not given", as every endpoint treats them.
    expect(pageSize.schema.anyOf[1]).toEqual({ type: "string", maxLength: 0 });
    expect(pageSize.description).toMatch(/An empty value is the same as leaving the parameter out\.$/);
  });
});

describe("every endpoint answers as documented", () => {
  it("answers each documented example with 200, a valid body, ETag, Cache-Control and open CORS", async () => {
    for (const example of openapi.ENDPOINT_EXAMPLES) {
      const { status, body, headers } = await checked(exampleUrl(example));
      expect(status, exampleUrl(example)).toBe(200);
      expect(body.data).toBeDefined();
      expect(headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]+"$/);
      // An answer at a version the reader chose never changes; any other is kept briefly.
      expect(headers.get("cache-control")).toMatch(
        example.query?.version ? /public, max-age=31536000, s-maxage=31536000, immutable/ : /public, max-age=60, s-maxage=300/,
      );
      expect(headers.get("access-control-allow-origin")).toBe("*");
      expect(headers.get("access-control-expose-headers")).toMatch(/ETag/);
    }
  });

  it("answers a conditional GET with 304 when the ETag still matches, and 200 when it does not", async () => {
    for (const example of openapi.ENDPOINT_EXAMPLES) {
      const path = exampleUrl(example);
      const first = await checked(path);
      const etag = first.headers.get("etag")!;
      const again = await checked(path, { "If-None-Match": etag });
      expect(again.status, path).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
      expect((await checked(path, { "If-None-Match": `"stale", W/${etag}` })).status).toBe(304);
      expect((await checked(path, { "If-None-Match": '"something-else"' })).status).toBe(200);
    }
  });

  it("answers CORS preflight requests for GET from any origin", async () => {
    const response = routes.commitments.OPTIONS();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("GET");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/If-None-Match/);
  });
});

describe("empty parameters", () => {
  it("are the same as leaving them out, on every endpoint, as the OpenAPI document says", async () => {
    for (const [path, empty] of [
      ["/commitments", "/commitments?q=&area=&status=&as_of=&organisation=&sort=&page="],
      ["/changes", "/changes?area=&since=&kind=&as_of="],
      ["/areas", "/areas?as_of="],
      ["/commitments/ai-exemplars", "/commitments/ai-exemplars?as_of="],
    ] as const) {
      const plain = await checked(path);
      const withEmpty = await checked(empty);
      expect(withEmpty.status, empty).toBe(200);
      expect(withEmpty.body.data, empty).toEqual(plain.body.data);
      expect(withEmpty.body.links, empty).toEqual(plain.body.links);
    }
  });
});

describe("the document's own conventions", () => {
  it("says the API needs no key, and links absolutely to its human documentation and contact", () => {
    const doc = openapi.openApiDocument(ORIGIN) as any;
    expect(doc.security).toEqual([]);
    expect(doc.externalDocs.url).toBe(`${ORIGIN}/data`);
    expect(doc.info.contact).toEqual({ name: "Roadmap Tracker open data", url: `${ORIGIN}/data` });
    expect(doc.paths["/commitments/{slug}"].get.responses["404"].description).toMatch(/Bad_Slug.*answers 404, not 400/);
  });

  it("answers a slug that breaks the pattern with the documented 404", async () => {
    const { status, body } = await checked("/commitments/Bad_Slug");
    expect(status).toBe(404);
    expect(body.type).toBe(`${ORIGIN}/data#problem-not-found`);
  });
});

describe("errors are problem details", () => {
  it("names each bad parameter in a 400", async () => {
    const { status, body, headers } = await checked("/commitments?page=0&status=nearly_done&due_before=2026-02-30&organization=gds&page_size=500");
    expect(status).toBe(400);
    expect(headers.get("content-type")).toMatch(/^application\/problem\+json/);
    // ADR 0005: errors are cacheable, but only briefly; they carry a validator like any answer.
    expect(headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(headers.get("cache-control")).toBe("public, max-age=60, s-maxage=60");
    expect(body.status).toBe(400);
    expect(body.type).toBe(`${ORIGIN}/data#problem-invalid-parameters`);
    expect(body.errors.map((e: { parameter: string }) => e.parameter).sort()).toEqual(["due_before", "organization", "page", "page_size", "status"]);
    expect(body.instance).toContain("/api/v1/commitments?");
  });

  it("rejects bad parameters on every endpoint", async () => {
    const bad: [string, string[]][] = [
      ["/areas?as_of=2099-01-01", ["as_of"]],
      ["/areas?as_of=2025-12-31", ["as_of"]],
      ["/organisations?page=2", ["page"]],
      ["/commitments?overdue=maybe&q=", ["overdue"]],
      ["/commitments?due_after=2026-12-31&due_before=2026-01-31", ["due_after"]],
      ["/commitments/ai-exemplars?as_of=yesterday", ["as_of"]],
      ["/changes?since=2026-13-01&kind=rumour&page_size=0", ["kind", "page_size", "since"]],
      ["/changes?since=2026-06-01&as_of=2026-05-01", ["since"]],
    ];
    for (const [path, parameters] of bad) {
      const { status, body } = await checked(path);
      expect(status, path).toBe(400);
      expect([...new Set(body.errors.map((e: { parameter: string }) => e.parameter))].sort(), path).toEqual(parameters);
    }
  });

  it("answers 404 for unknown slugs, malformed slugs and commitments not yet announced on as_of", async () => {
    for (const path of ["/commitments/no-such-commitment", "/commitments/NOT%20A%20SLUG", "/commitments/ai-exemplars?as_of=2026-01-05"]) {
      const { status, body } = await checked(path);
      expect(status, path).toBe(404);
      expect(body.type).toBe(`${ORIGIN}/data#problem-not-found`);
      expect(body.detail).toBeTruthy();
    }
  });

  it("never answers bad input with a 500", async () => {
    const paths = ["/areas", "/organisations", "/commitments", "/changes", "/commitments/ai-exemplars"];
    const names = [
      "area",
      "organisation",
      "status",
      "overdue",
      "due_before",
      "due_after",
      "q",
      "as_of",
      "sort",
      "page",
      "page_size",
      "since",
      "kind",
      "x",
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.array(
          fc.tuple(
            fc.constantFrom(...names),
            fc.oneof(fc.string(), fc.constantFrom("2026-02-29", "-1", "1e9", "true", "ai-for-the-public-good", "0", "\u0000", "%", "2026-06-31")),
          ),
          { maxLength: 5 },
        ),
        async (path, pairs) => {
          const query = new URLSearchParams(pairs).toString();
          const { response } = await api(query ? `${path}?${query}` : path);
          expect([200, 400, 404], `${path}?${query}`).toContain(response.status);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("the data is the database's", () => {
  const today = todayIso();

  it("lists every commitment exactly once across pages, with the maximum page size enforced", async () => {
    const { rows } = await client.query(`SELECT slug FROM commitment WHERE announced_on <= $1 ORDER BY slug`, [today]);
    const seen: string[] = [];
    let path: string | null = "/commitments?page_size=20";
    let total = 0;
    while (path) {
      const { body }: { body: any } = await checked(path.replace(`${ORIGIN}/api/v1`, ""));
      total = body.meta.total;
      expect(body.meta.pageSize).toBe(20);
      seen.push(...body.data.map((c: { slug: string }) => c.slug));
      path = body.links.next;
    }
    expect(total).toBe(rows.length);
    expect(seen.sort()).toEqual(rows.map((r) => r.slug));
    expect((await checked("/commitments?page_size=101")).status).toBe(400);
  });

  it("gives each commitment its owners, deadline and status as in the database", async () => {
    const { body } = await checked("/commitments?page_size=100");
    const { rows: owners } = await client.query(`
      SELECT c.slug, o.slug AS org, TRUE AS lead FROM commitment c JOIN organisation o ON o.id = c.lead_organisation_id
      UNION ALL SELECT c.slug, o.slug, FALSE FROM commitment_owner co JOIN commitment c ON c.id = co.commitment_id JOIN organisation o ON o.id = co.organisation_id`);
    const { rows: states } = await client.query(
      `SELECT c.slug, s.* FROM commitment_state_as_of($1::date) s JOIN commitment c ON c.id = s.commitment_id`,
      [today],
    );
    for (const c of body.data) {
      const expectedOwners = owners
        .filter((o) => o.slug === c.slug)
        .map((o) => `${o.org}:${o.lead}`)
        .sort();
      expect(c.owners.map((o: { slug: string; lead: boolean }) => `${o.slug}:${o.lead}`).sort()).toEqual(expectedOwners);
      // One lead, or none when no source names it (then said in words, and never guessed).
      const leads = c.owners.filter((o: { lead: boolean }) => o.lead);
      expect(leads.length).toBe(c.lead.named ? 1 : 0);
      if (!c.lead.named) expect(c.lead.statement).toMatch(/^(Lead organisation not named in published sources|Named jointly: .+ and .+)$/);
      // Every owner the seed names comes with its basis: a source, a paragraph and the words.
      for (const o of c.owners) expect(o.basis).toMatchObject({ paragraph: expect.any(Number), quote: expect.any(String) });
      const state = states.find((s) => s.slug === c.slug);
      // No update in effect: no progress reported, not "not started".
      expect(c.status.code).toBe(state.status_update_id === null ? "no_progress_reported" : state.status);
      expect(c.status.reported).toBe(state.status_update_id !== null);
      expect(c.deadline.label).toBe(state.deadline_label);
      expect(c.deadline.dueDate).toBe(state.due_date ? state.due_date.toISOString().slice(0, 10) : null);
      expect(c.overdue).toBe(state.overdue);
      expect(c.daysOverdue).toBe(state.days_overdue);
      expect(c.links.html).toBe(`${ORIGIN}/commitments/${c.slug}`);
      expect(c.links.self).toBe(`${ORIGIN}/api/v1/commitments/${c.slug}`);
    }
  });

  it("filters like the public list", async () => {
    const { body: overdue } = await checked("/commitments?overdue=true&page_size=100");
    const { rows } = await client.query(`SELECT COUNT(*)::int AS n FROM commitment_state_as_of($1::date) WHERE overdue`, [today]);
    expect(overdue.meta.total).toBe(rows[0].n);
    expect(overdue.data.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
    const { body: area } = await checked("/commitments?area=ai-for-the-public-good&area=leadership-and-talent&page_size=100");
    expect(new Set(area.data.map((c: { area: { slug: string } }) => c.area.slug))).toEqual(
      new Set(["ai-for-the-public-good", "leadership-and-talent"]),
    );
    expect(area.links.html).toBe(`${ORIGIN}/commitments?area=ai-for-the-public-good&area=leadership-and-talent`);
  });

  it("shows the tracker as of a past date", async () => {
    const { body: now } = await checked("/commitments/hmrc-paye-online-service");
    expect(now.data.status.code).toBe("in_progress");
    const { body: before } = await checked("/commitments/hmrc-paye-online-service?as_of=2026-05-31");
    expect(before.meta.asOf).toBe("2026-05-31");
    expect(before.data.status).toEqual({
      code: "no_progress_reported",
      label: "No progress reported since the roadmap was published",
      reported: false,
      confirmedOn: null,
      confirmed: null,
      occurred: null,
      effectiveOn: null,
      publishedAt: null,
      version: null,
    });
    expect(before.data.history.statusUpdates).toEqual([]);
  });

  it("gives a commitment its full history with sources", async () => {
    const { body } = await checked("/commitments/ai-exemplars");
    const { rows: updates } = await client.query(
      `SELECT u.id, u.status, u.note, s.url FROM status_update u JOIN commitment c ON c.id = u.commitment_id JOIN source s ON s.id = u.source_id WHERE c.slug = 'ai-exemplars' AND u.effective_on <= $1 ORDER BY u.effective_on DESC, u.id DESC`,
      [today],
    );
    expect(body.data.history.statusUpdates.map((u: any) => [u.id, u.status.code, u.note, u.source.url])).toEqual(
      updates.map((u) => [`status-update-${u.id}`, u.status, u.note, u.url]),
    );
    const { rows: deadlines } = await client.query(
      `SELECT d.id, d.label FROM deadline_revision d JOIN commitment c ON c.id = d.commitment_id WHERE c.slug = 'ai-exemplars'`,
    );
    expect(body.data.history.deadlineRevisions.map((d: any) => [d.id, d.label])).toEqual(
      deadlines.map((d) => [`deadline-revision-${d.id}`, d.label]),
    );
    expect(body.data.history.deadlineRevisions.at(-1).original).toBe(true);
  });

  it("lists published changes newest first, with since", async () => {
    const { rows } = await client.query(
      `SELECT COUNT(*)::int AS n FROM status_update u JOIN commitment c ON c.id = u.commitment_id WHERE u.confirmed_on <= $1 AND c.announced_on <= $1`,
      [today],
    );
    const { rows: revisions } = await client.query(
      `SELECT COUNT(*)::int AS n FROM deadline_revision d WHERE d.effective_on <= $1 AND EXISTS (SELECT 1 FROM deadline_revision p WHERE p.commitment_id = d.commitment_id AND (p.effective_on, p.id) < (d.effective_on, d.id))`,
      [today],
    );
    const { body } = await checked("/changes?page_size=100");
    expect(body.meta.total).toBe(rows[0].n + revisions[0].n);
    const dates = body.data.map((c: { date: string }) => c.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const { body: since } = await checked("/changes?since=2026-06-02&page_size=100");
    expect(since.data.every((c: { date: string }) => c.date >= "2026-06-02")).toBe(true);
    expect(since.meta.total).toBe(body.data.filter((c: { date: string }) => c.date >= "2026-06-02").length);
    expect(body.data[0].commitment.links.html).toMatch(new RegExp(`^${ORIGIN}/commitments/`));
  });

  it("counts each area's commitments and each organisation's", async () => {
    const { body: areas } = await checked("/areas");
    const { rows } = await client.query(
      `SELECT a.slug, COUNT(c.id)::int AS n FROM area a LEFT JOIN commitment c ON c.area_id = a.id AND c.announced_on <= $1 GROUP BY a.slug`,
      [today],
    );
    expect(areas.data).toHaveLength(6);
    for (const area of areas.data) {
      expect(area.counts.total).toBe(rows.find((r) => r.slug === area.slug).n);
      expect(Object.values(area.counts.byStatus).reduce((a: number, b) => a + (b as number), 0)).toBe(area.counts.total);
    }
    const { body: organisations } = await checked("/organisations");
    const { rows: leads } = await client.query(`SELECT COUNT(*)::int AS n FROM commitment WHERE lead_organisation_id IS NOT NULL`);
    expect(organisations.data.reduce((n: number, o: { leads: number }) => n + o.leads, 0)).toBe(leads[0].n);
  });
});

describe("paging and unknown paths", () => {
  it("sends RFC 8288 Link headers for paged lists", async () => {
    const { headers, body } = await checked("/commitments?page=2&page_size=10&overdue=false");
    const link = headers.get("link")!;
    expect(link).toContain(`<${body.links.next}>; rel="next"`);
    expect(link).toContain(`<${body.links.prev}>; rel="prev"`);
    expect(link).toContain(`<${ORIGIN}/api/v1/openapi.json>; rel="describedby"`);
    expect(body.links.prev).toContain("overdue=false");
  });

  it("answers any other path under /api/v1 with a problem+json 404", async () => {
    const route = await import("../../src/app/api/v1/[...path]/route");
    const response = await call(route.GET, "/api/v1/commitment");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect((await response.json()).type).toBe(`${ORIGIN}/data#problem-not-found`);
  });
});

describe("absolute links", () => {
  it("use SITE_URL when set, else the Host header the client sent, never X-Forwarded-Host", async () => {
    const { publicOrigin } = await import("../../src/server/http");
    const headers = (h: Record<string, string>) => new Headers(h);
    const { url } = await database.get();
    try {
      expect(publicOrigin(headers({ host: "tracker.example:8080" }), "http://localhost:3000/x")).toBe("http://tracker.example:8080");
      expect(publicOrigin(headers({ host: "tracker.example", "x-forwarded-proto": "https" }), "http://localhost:3000/x")).toBe(
        "https://tracker.example",
      );
      expect(publicOrigin(headers({ host: "tracker.example", "x-forwarded-host": "evil.example" }), "http://localhost:3000/x")).toBe(
        "http://tracker.example",
      );
      expect(publicOrigin(headers({ host: "bad host/<script>" }), "http://localhost:3000/x")).toBe("http://localhost:3000");
      expect(publicOrigin(headers({ host: "tracker.example", "x-forwarded-proto": "javascript" }), "http://localhost:3000/x")).toBe(
        "http://tracker.example",
      );
      // The response cache renders on the reader's behalf and passes their Host in a header that
      // only counts with this process's secret.
      const { RENDER_HEADER, RENDER_HOST_HEADER, renderSecret } = await import("../../src/server/http");
      expect(
        publicOrigin(
          headers({ host: "127.0.0.1:3000", [RENDER_HEADER]: renderSecret(), [RENDER_HOST_HEADER]: "tracker.example" }),
          "http://localhost:3000/x",
        ),
      ).toBe("http://tracker.example");
      expect(
        publicOrigin(
          headers({ host: "tracker.example", [RENDER_HEADER]: "a guess", [RENDER_HOST_HEADER]: "evil.example" }),
          "http://localhost:3000/x",
        ),
      ).toBe("http://tracker.example");
      useAppEnv({ DATABASE_URL: url, SITE_URL: "https://roadmap-tracker.example/ignored/path" });
      expect(publicOrigin(headers({ host: "other.example" }), "http://localhost:3000/x")).toBe("https://roadmap-tracker.example");
      const { body } = await checked("/commitments/ai-exemplars");
      expect(body.data.links.html).toBe("https://roadmap-tracker.example/commitments/ai-exemplars");
    } finally {
      useAppEnv({ DATABASE_URL: url });
    }
  });
});
