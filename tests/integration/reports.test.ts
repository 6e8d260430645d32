// "Is there anything wrong with this page?": a reader's report reaches the editors' queue, is
// protected by a honeypot, a per-address rate limit and size limits, and, accepted, shows on
// /corrections. Only a signed-in editor can triage, and a denied request changes nothing.
import { describe, it, expect } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import { createUser } from "../helpers/editor-fixtures";
import { listOpenReports, reviewReport, submitReport } from "../../src/server/reports";
import { listCorrections } from "../../src/server/queries/corrections";
import { REPORT_RATE_LIMIT, REPORT_WHAT_MAX } from "../../src/domain/reports";

const database = useTestDatabase();

const report = (what: string, extra: Record<string, string> = {}) => ({
  page: "/commitments/digital-sourcing-strategy",
  what,
  sourceUrl: "",
  email: "",
  website: "",
  ...extra,
});

describe("reports from readers", () => {
  it("reach the queue from an anonymous reader, storing no address, and accepted show on /corrections", async () => {
    const { db } = await database.get();
    const sent = await submitReport(
      db,
      report("The deadline was March, the article says so.", { sourceUrl: "https://example.org/a" }),
      "203.0.113.7",
    );
    expect(sent).toEqual({ ok: true, value: { dropped: false } });
    const queue = await listOpenReports(db);
    const mine = queue.find((r) => r.what === "The deadline was March, the article says so.")!;
    expect(mine).toMatchObject({ pagePath: "/commitments/digital-sourcing-strategy", sourceUrl: "https://example.org/a", email: null });
    const stored = await db.report.findUniqueOrThrow({ where: { id: mine.id } });
    expect(stored.addressHash).not.toContain("203.0.113.7");
    expect(JSON.stringify(stored)).not.toContain("203.0.113.7");

    const editor = await createUser(db, "triage@example.gov.uk", "editor", ["cabinet-office"]);
    const accepted = await reviewReport(db, editor, { reportId: String(mine.id), decision: "accept", note: "The deadline label is corrected." });
    // About a commitment: the editor goes on to a proposal pre-filled from it.
    expect(accepted).toEqual({ ok: true, value: { id: mine.id, decision: "accept", commitmentSlug: "digital-sourcing-strategy" } });
    const { fromReaders } = await listCorrections(db);
    expect(fromReaders).toContainEqual(expect.objectContaining({ id: mine.id, correction: "The deadline label is corrected." }));
    // The reader's own words are not published.
    expect(JSON.stringify(fromReaders)).not.toContain("the article says so");
    expect((await listOpenReports(db)).some((r) => r.id === mine.id)).toBe(false);
    const again = await reviewReport(db, editor, { reportId: String(mine.id), decision: "reject", note: "Changed my mind." });
    expect(again).toMatchObject({ ok: false, kind: "invalid" });
  });

  it("drop what fills the honeypot, and say it was sent", async () => {
    const { db } = await database.get();
    const before = await db.report.count();
    expect(await submitReport(db, report("Buy cheap things", { website: "https://spam.example" }), "198.51.100.1")).toEqual({
      ok: true,
      value: { dropped: true },
    });
    expect(await db.report.count()).toBe(before);
  });

  it("refuse an empty report, one too long, a link that is not a web address and a malformed email, with clear messages", async () => {
    const { db } = await database.get();
    const before = await db.report.count();
    const refused = await submitReport(
      db,
      report("x".repeat(REPORT_WHAT_MAX + 1), { sourceUrl: "javascript:alert(1)", email: "not-an-email" }),
      "198.51.100.2",
    );
    expect(refused.ok).toBe(false);
    if (refused.ok || refused.kind !== "invalid") throw new Error("expected invalid");
    expect(refused.errors.map((e) => e.field)).toEqual(["what", "sourceUrl", "email"]);
    expect(refused.errors[0]!.message).toBe("What is wrong must be 2,000 characters or fewer");
    const empty = await submitReport(db, report("   "), "198.51.100.2");
    expect(empty).toMatchObject({ ok: false, kind: "invalid", errors: [{ field: "what", message: "Tell us what is wrong" }] });
    const credentials = await submitReport(db, report("See this", { sourceUrl: "https://www.gov.uk@evil.example/" }), "198.51.100.2");
    expect(credentials).toMatchObject({ ok: false, kind: "invalid", errors: [{ field: "sourceUrl" }] });
    expect(await db.report.count()).toBe(before);
  });

  it("limit how many one address sends in an hour, and not another address", async () => {
    const { db } = await database.get();
    for (let i = 0; i < REPORT_RATE_LIMIT; i++) expect((await submitReport(db, report(`Report ${i}`), "192.0.2.50")).ok).toBe(true);
    const over = await submitReport(db, report("One too many"), "192.0.2.50");
    expect(over).toMatchObject({ ok: false, kind: "invalid", errors: [{ field: "what" }] });
    expect((await submitReport(db, report("Someone else"), "192.0.2.51")).ok).toBe(true);
    // An hour later the address may send again.
    expect((await submitReport(db, report("Later"), "192.0.2.50", new Date(Date.now() + 61 * 60_000))).ok).toBe(true);
  });

  it("can be triaged only by a signed-in editor; a refused or invalid decision changes nothing", async () => {
    const { db } = await database.get();
    await submitReport(db, report("Owner wrong"), "192.0.2.99");
    const open = (await listOpenReports(db)).find((r) => r.what === "Owner wrong")!;
    const snapshot = async () => JSON.stringify(await db.report.findMany({ orderBy: { id: "asc" } })) + (await db.auditEvent.count());
    const before = await snapshot();
    expect(await reviewReport(db, null, { reportId: String(open.id), decision: "reject", note: "No source says so." })).toMatchObject({
      ok: false,
      kind: "unauthenticated",
    });
    const editor = await createUser(db, "triage2@example.gov.uk", "editor", ["cabinet-office"]);
    expect(await reviewReport(db, editor, { reportId: String(open.id), decision: "reject", note: "" })).toMatchObject({ ok: false, kind: "invalid" });
    expect(await reviewReport(db, editor, { reportId: "999999", decision: "reject", note: "No such report here." })).toMatchObject({
      ok: false,
      kind: "not_found",
    });
    expect(await snapshot()).toBe(before);
    const rejected = await reviewReport(db, editor, { reportId: String(open.id), decision: "reject", note: "No published source says so." });
    expect(rejected.ok).toBe(true);
    expect((await listCorrections(db)).fromReaders.some((r) => r.id === open.id)).toBe(false);
  });
});
