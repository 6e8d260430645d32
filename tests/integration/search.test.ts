// Search finds the wording people use (src/domain/search.ts) on /commitments and the API alike,
// against the real seeded commitments.
import { describe, it, expect, beforeAll, vi } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import { call } from "../helpers/open-data-contract";
import type { Db } from "../../src/server/db";

const state = vi.hoisted(() => ({ db: undefined as unknown as Db }));
vi.mock("next/cache", () => ({ unstable_cache: (fn: unknown) => fn, revalidateTag: () => {} }));
vi.mock("../../src/server/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/server/db")>()),
  getDb: () => state.db,
}));

const { loadCommitmentsPage } = await import("../../src/server/public-pages");
const commitmentsApi = await import("../../src/app/api/v1/commitments/route");

const database = useTestDatabase();
beforeAll(async () => {
  state.db = (await database.get()).db;
});

const slugsFor = async (q: string) => (await loadCommitmentsPage({ q, page_size: "100" })).items.map((c) => c.slug);

/** What PostgreSQL's own web search finds for the words as typed, without synonyms. */
async function literally(q: string): Promise<string[]> {
  const rows = await state.db.$queryRaw<{ slug: string }[]>`SELECT slug FROM commitment WHERE search @@ websearch_to_tsquery('english', ${q})`;
  return rows.map((r) => r.slug);
}

describe("search", () => {
  it("'artificial intelligence' finds the AI commitments, which never use those words", async () => {
    expect(await literally("artificial intelligence")).toEqual([]);
    const found = await slugsFor("artificial intelligence");
    const ai = await slugsFor("AI");
    expect(found.length).toBeGreaterThanOrEqual(8);
    expect(new Set(found)).toEqual(new Set(ai));
    expect(found).toEqual(expect.arrayContaining(["ai-exemplars", "responsible-ai-guidance", "humphrey-ai-tools"]));
    expect(await slugsFor("LLM")).toEqual(expect.arrayContaining(["ai-exemplars"]));
    expect(await slugsFor("machine learning")).toEqual(expect.arrayContaining(["ai-exemplars"]));
  });

  it("finds GOV.UK One Login however it is typed", async () => {
    for (const q of ["one login", "onelogin", "GOV.UK One Login", "login"]) expect(await slugsFor(q), q).toContain("gov-uk-one-login");
    expect(await literally("onelogin")).toEqual([]);
  });

  it("finds digital ID, the wallet, APIs and HMRC by the names people use", async () => {
    expect(await slugsFor("digital identity")).toEqual(expect.arrayContaining(["digital-id", "digital-id-consultation"]));
    expect(await slugsFor("ID cards")).toEqual(expect.arrayContaining(["digital-id"]));
    expect(await slugsFor("gov.uk wallet")).toContain("digital-wallet-for-credentials");
    expect(await slugsFor("application programming interface")).toContain("common-api-standards");
    expect(await slugsFor("tax office")).toEqual(expect.arrayContaining(["hmrc-paye-online-service"]));
    expect(await slugsFor("pay as you earn")).toContain("hmrc-paye-online-service");
    expect(await slugsFor("cybersecurity")).toContain("government-cyber-action-plan");
  });

  it("keeps the other words as typed: a synonym does not widen the rest of the query", async () => {
    const both = await slugsFor("artificial intelligence education");
    expect(both).toContain("ai-in-education");
    expect(new Set(both)).toEqual(new Set((await slugsFor("AI")).filter((slug) => both.includes(slug))));
    expect(both.length).toBeLessThan((await slugsFor("AI")).length);
    expect(await slugsFor("artificial intelligence zebra")).toEqual([]);
    // Exact phrases are left exactly as typed.
    expect(await slugsFor('"artificial intelligence"')).toEqual([]);
  });

  it("gives the API the same answers as the page", async () => {
    const response = await call(commitmentsApi.GET, `/api/v1/commitments?q=${encodeURIComponent("artificial intelligence")}&page_size=100`);
    const body = (await response.json()) as { data: { slug: string }[] };
    expect(body.data.map((c) => c.slug)).toEqual(await slugsFor("artificial intelligence"));
  });
});
