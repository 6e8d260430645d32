// Share and embed answers against the seeded database: the status card, badge and share image show
// the commitment's published status and deadline, honour version (a citable one never changes),
// are cached with validators, and a removed commitment is 410 like its page; oEmbed per oembed.com.
import { describe, it, expect, beforeAll } from "vitest";
import type pg from "pg";
import { connect } from "../../src/runtime/connect";
import { useTestDatabase } from "../helpers/test-database";
import { call, ORIGIN } from "../helpers/open-data-contract";
import { useAppEnv } from "../../src/runtime/env";

const database = useTestDatabase();
let client: pg.Client;
type Route = { GET: (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response> };
let embed: Route, badge: Route, png: Route;
let oembed: { GET: (request: Request) => Promise<Response> };
const SLUG = "gov-uk-one-login";

beforeAll(async () => {
  const { url } = await database.get();
  useAppEnv({ DATABASE_URL: url, SITE_URL: ORIGIN });
  client = await connect(url);
  embed = await import("../../src/app/embed/commitments/[slug]/route");
  badge = await import("../../src/app/commitments/[slug]/badge.svg/route");
  png = await import("../../src/app/commitments/[slug]/card.png/route");
  oembed = await import("../../src/app/api/oembed/route");
  return async () => {
    await client.end();
    const { getDb } = await import("../../src/server/db");
    await getDb().$disconnect();
  };
});

const get = (route: Route, path: string, slug = SLUG, headers?: Record<string, string>) => call(route.GET, path, { params: { slug }, headers });
const latestVersion = async () => (await client.query(`SELECT MAX(version) AS v FROM publication`)).rows[0].v as number;

describe("the embeddable card and the badge", () => {
  it("show the published status and deadline, may be framed by anyone, and answer 304 to a client that has them", async () => {
    const api = await (
      await call((await import("../../src/app/api/v1/commitments/[slug]/route")).GET, `/api/v1/commitments/${SLUG}`, { params: { slug: SLUG } })
    ).json();
    const { status, deadline, title } = api.data as { status: { label: string }; deadline: { label: string } | null; title: string };
    const response = await get(embed, `/embed/commitments/${SLUG}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors \*/);
    const html = await response.text();
    expect(html).toContain(title.replace(/'/g, "&#39;"));
    expect(html).toContain(`Deadline: ${deadline ? deadline.label : "No deadline published"}`);
    expect(html).not.toMatch(/<script/i);
    const again = await get(embed, `/embed/commitments/${SLUG}`, SLUG, { "If-None-Match": response.headers.get("etag")! });
    expect(again.status).toBe(304);
    const svg = await get(badge, `/commitments/${SLUG}/badge.svg`);
    expect(svg.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    const text = await svg.text();
    expect(text).toMatch(/^<svg /);
    expect(text).toContain(status.label.split(" ")[0]);
  });

  it("of a version never change: immutable, and the same after a later publication", async () => {
    const v = await latestVersion();
    const first = await get(badge, `/commitments/${SLUG}/badge.svg?version=${v}`);
    expect(first.headers.get("cache-control")).toMatch(/immutable/);
    const before = await first.text();
    const id = (await client.query(`SELECT id FROM commitment WHERE slug = $1`, [SLUG])).rows[0].id as number;
    const source = (await client.query(`SELECT id FROM source ORDER BY id LIMIT 1`)).rows[0].id as number;
    await client.query(
      `INSERT INTO status_update (commitment_id, status, note, source_id, confirmed_on) VALUES ($1, 'dropped', 'Dropped.', $2, '2026-11-01')`,
      [id, source],
    );
    expect(await (await get(badge, `/commitments/${SLUG}/badge.svg?version=${v}`)).text()).toBe(before);
    expect(await (await get(badge, `/commitments/${SLUG}/badge.svg`)).text()).toContain("Dropped");
  });

  it("are 404 for an unknown commitment and 410 for a removed one", async () => {
    expect((await get(embed, `/embed/commitments/nothing-here`, "nothing-here")).status).toBe(404);
    const removed = (await client.query(`SELECT slug FROM commitment_removal LIMIT 1`)).rows[0].slug as string;
    expect((await get(embed, `/embed/commitments/${removed}`, removed)).status).toBe(410);
    expect((await get(badge, `/commitments/${removed}/badge.svg`, removed)).status).toBe(410);
  });
});

describe("the share image", () => {
  it("is a PNG, cached with an ETag", async () => {
    const response = await get(png, `/commitments/${SLUG}/card.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(response.headers.get("cache-control")).toMatch(/max-age/);
    const again = await get(png, `/commitments/${SLUG}/card.png`, SLUG, { "If-None-Match": response.headers.get("etag")! });
    expect(again.status).toBe(304);
  });
});

describe("oEmbed", () => {
  const ask = (query: string) => call(oembed.GET, `/api/oembed?${query}`);
  it("answers the rich type with the card's iframe, for the version the URL names", async () => {
    const v = await latestVersion();
    const page = `${ORIGIN}/commitments/${SLUG}?version=${v}`;
    const response = await ask(`url=${encodeURIComponent(page)}&format=json`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ version: "1.0", type: "rich", provider_name: "Roadmap Tracker", width: 480, height: 190 });
    expect(body.html).toContain(`src="${ORIGIN}/embed/commitments/${SLUG}?version=${v}"`);
    const narrow = await (await ask(`url=${encodeURIComponent(page)}&maxwidth=300`)).json();
    expect(narrow.width).toBe(300);
  });

  it("is 404 for unknown URLs and 501 for XML", async () => {
    expect((await ask(`url=${encodeURIComponent("https://elsewhere.example/commitments/x")}`)).status).toBe(404);
    expect((await ask(`url=${encodeURIComponent(`${ORIGIN}/commitments/nothing-here`)}`)).status).toBe(404);
    expect((await ask(`url=${encodeURIComponent(`${ORIGIN}/about`)}`)).status).toBe(404);
    expect((await ask(`url=${encodeURIComponent(`${ORIGIN}/commitments/${SLUG}`)}&format=xml`)).status).toBe(501);
    expect((await ask(``)).status).toBe(400);
  });
});
