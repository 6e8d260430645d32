// The editor pages' loaders (src/server/editor/pages.ts): who may read a proposal, what they may
// do with it, and the audit log's parameters, against the real database.
import { describe, it, expect, beforeAll } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import type { Db } from "../../src/server/db";
import { proposeStatusUpdate } from "../../src/server/editor/proposals";
import { auditParams, loadAuditPage, loadProposalEditPage, loadProposalPage, loadUserPage, recordId } from "../../src/server/editor/pages";
import { OWNER_ORG, createCast, validStatusUpdate, type Cast } from "../helpers/editor-fixtures";

const database = useTestDatabase();
let db: Db;
let cast: Cast;
let proposalId: number;

beforeAll(async () => {
  db = (await database.get()).db;
  cast = await createCast(db, "pages-");
  const proposed = await proposeStatusUpdate(
    db,
    cast.owner,
    validStatusUpdate(cast.commitmentId, { evidenceUrl: "https://www.gov.uk/government/news/pages-loader" }),
  );
  if (!proposed.ok) throw new Error(JSON.stringify(proposed));
  proposalId = proposed.value.id;
});

describe("loadProposalPage", () => {
  it("shows a proposal to its author, to editors of the commitment's organisations and to admins, each with what they may do", async () => {
    const author = await loadProposalPage(db, cast.owner, String(proposalId));
    if (author.kind !== "found") throw new Error("expected found");
    expect(author).toMatchObject({ mayReview: false, mayWithdraw: true, ownPending: true });
    expect(author.proposal.kind).toBe("status_update");
    expect(author.proposal.payload).toMatchObject({ status: "in_progress", evidence: { url: "https://www.gov.uk/government/news/pages-loader" } });
    expect(author.current?.status).toBeDefined();

    for (const reviewer of [cast.supporter, cast.ownerColleague, cast.admin]) {
      const page = await loadProposalPage(db, reviewer, String(proposalId));
      if (page.kind !== "found") throw new Error("expected found");
      // Only the author, or an admin, may withdraw it.
      expect(page).toMatchObject({ mayReview: true, mayWithdraw: reviewer === cast.admin, ownPending: false });
    }
  });

  it("is not found for editors of other organisations, and for ids that are not ids", async () => {
    expect((await loadProposalPage(db, cast.other, String(proposalId))).kind).toBe("not-found");
    for (const raw of ["0", "-1", "1.5", "abc", "99999999", "1e3"]) expect((await loadProposalPage(db, cast.admin, raw)).kind, raw).toBe("not-found");
  });

  it("answers the edit page of a proposal an editor may not see exactly as for one that does not exist (security review F18)", async () => {
    expect((await loadProposalEditPage(db, cast.other, String(proposalId))).kind).toBe("not-found");
    expect((await loadProposalEditPage(db, cast.other, "99999999")).kind).toBe("not-found");
  });

  it("lets only the author change a proposal, and only once it is returned", async () => {
    const page = await loadProposalEditPage(db, cast.owner, String(proposalId));
    if (page.kind !== "found") throw new Error("expected found");
    expect(page.decision.allowed).toBe(false);
  });
});

describe("loadUserPage", () => {
  it("finds a user by id, with the organisations they can be given", async () => {
    const page = await loadUserPage(db, String(cast.owner.id));
    if (page.kind !== "found") throw new Error("expected found");
    expect(page.user.organisations.map((o) => o.slug)).toEqual([OWNER_ORG]);
    expect(page.organisations.length).toBeGreaterThan(1);
    for (const raw of ["0", "x", "99999999"]) expect((await loadUserPage(db, raw)).kind, raw).toBe("not-found");
  });
});

describe("recordId", () => {
  it("accepts whole numbers from 1 only", () => {
    expect(recordId("42")).toBe(42);
    for (const raw of ["", "0", "007", "-3", "4.0", " 4", "1".repeat(11)]) expect(recordId(raw), raw).toBeNull();
  });
});

describe("the audit log's parameters", () => {
  it("filters by them, and reports a bad one against its field while showing everything", async () => {
    const filtered = await loadAuditPage(db, { action: "proposal.create" });
    expect(filtered.errors).toEqual([]);
    expect(filtered.rows.length).toBeGreaterThan(0);
    expect(filtered.rows.every((r) => r.action === "proposal.create")).toBe(true);

    const bad = auditParams({ from: "yesterday", action: "proposal.create" });
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]).toMatchObject({ field: "from", href: "#from" });
    expect(bad.errors[0]!.message).toBe("The ‘from’ date must be a real date, for example 30 6 2026");
    expect(bad.filter.action).toBeUndefined();
    expect(bad.values).toEqual({ from: "yesterday", action: "proposal.create" });
  });
});
