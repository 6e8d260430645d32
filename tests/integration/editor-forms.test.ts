// Bad input to every editor form, through the same mutation functions the server actions call:
// each problem is reported against its field (in form order, GOV.UK wording), and nothing at
// all is written. Also: stale edits, and CSV import's preview and all-or-nothing import.
import { describe, it, expect, beforeAll } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import type { Db } from "../../src/server/db";
import { forcePublishProposal, proposeDeadlineRevision, proposeStatusUpdate, reviewProposal } from "../../src/server/editor/proposals";
import { createCommitment, updateCommitment } from "../../src/server/editor/commitments";
import { importCsv } from "../../src/server/editor/import";
import type { ImportPreview } from "../../src/schemas/editor";
import { changeOwnPassword, createUser as createUserMutation, updateUser } from "../../src/server/editor/users";
import type { Result } from "../../src/server/editor/result";
import { addDays, todayIso } from "../../src/domain/dates";
import { formValues } from "../../src/schemas/editor";
import {
  COMMITMENT,
  OWNER_ORG,
  PASSWORD,
  createCast,
  fingerprint,
  validCommitment,
  validDeadlineRevision,
  validStatusUpdate,
  type Cast,
} from "../helpers/editor-fixtures";

const database = useTestDatabase();
let db: Db;
let cast: Cast;

beforeAll(async () => {
  db = (await database.get()).db;
  cast = await createCast(db);
});

const tomorrow = () => addDays(todayIso(), 1);

/** Runs a call that must be refused as invalid; returns its field errors, having checked nothing was written. */
async function invalid(call: () => Promise<Result<unknown>>): Promise<Record<string, string>> {
  const before = await fingerprint(db);
  const result = await call();
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) return {};
  expect(result.kind, JSON.stringify(result)).toBe("invalid");
  expect(await fingerprint(db), "nothing is written on error").toBe(before);
  return result.kind === "invalid" ? Object.fromEntries(result.errors.map((e) => [e.field, e.message])) : {};
}

describe("form values", () => {
  it("reads FormData as the forms send it: checkbox lists as arrays, files and action ids left out", () => {
    const data = new FormData();
    data.append("$ACTION_ID_abc", "");
    data.append("title", "A title");
    data.append("supporting", "hm-treasury");
    data.append("supporting", "cabinet-office");
    data.append("file", new Blob(["x"]), "x.csv");
    expect(formValues(data.entries())).toEqual({
      title: "A title",
      supporting: ["hm-treasury", "cabinet-office"],
      organisations: [],
      baseSupporting: [],
    });
  });
});

describe("propose a status update: bad input", () => {
  it("reports every missing field, in the order of the form", async () => {
    const before = await fingerprint(db);
    const result = await proposeStatusUpdate(db, cast.owner, { commitmentId: String(cast.commitmentId) });
    expect(result.ok).toBe(false);
    if (result.ok || result.kind !== "invalid") throw new Error("expected field errors");
    expect(result.errors.map((e) => e.field)).toEqual([
      "status",
      "note",
      "confirmedOn",
      "evidenceUrl",
      "evidenceTitle",
      "evidencePublisher",
      "evidencePublishedOn",
    ]);
    expect(result.errors.map((e) => e.message)).toEqual([
      "Select the status",
      "Enter what happened, in plain English",
      "Enter the date progress was confirmed",
      "Enter the link to the evidence",
      "Enter the title of the evidence",
      "Enter who published the evidence",
      "Enter the date the evidence was published",
    ]);
    expect(await fingerprint(db)).toBe(before);
  });

  it("refuses evidence links that are not http(s): javascript:, data:, relative, other schemes", async () => {
    for (const url of [
      "javascript:alert(1)",
      "JavaScript:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
      "/relative/path",
      "ftp://example.com/file",
      "https//missing-colon.gov.uk",
      "http://",
    ]) {
      const errors = await invalid(() => proposeStatusUpdate(db, cast.owner, validStatusUpdate(cast.commitmentId, { evidenceUrl: url })));
      expect(errors.evidenceUrl, url).toMatch(/starts with http:\/\/ or https:\/\//);
    }
  });

  it("refuses dates that are not real, badly written or in the future", async () => {
    expect(
      (await invalid(() => proposeStatusUpdate(db, cast.owner, validStatusUpdate(cast.commitmentId, { confirmedOn: "2026-02-30" })))).confirmedOn,
    ).toBe("The date progress was confirmed must be a real date");
    expect(
      (await invalid(() => proposeStatusUpdate(db, cast.owner, validStatusUpdate(cast.commitmentId, { confirmedOn: "1/3/20266" })))).confirmedOn,
    ).toMatch(/^Write the date progress was confirmed as the evidence gives it: a day \(14 March 2026 or 14\/03\/2026\)/);
    expect(
      (await invalid(() => proposeStatusUpdate(db, cast.owner, validStatusUpdate(cast.commitmentId, { confirmedOn: tomorrow() })))).confirmedOn,
    ).toBe("The date progress was confirmed must be today or in the past");
    expect(
      (await invalid(() => proposeStatusUpdate(db, cast.owner, validStatusUpdate(cast.commitmentId, { evidencePublishedOn: tomorrow() }))))
        .evidencePublishedOn,
    ).toMatch(/today or in the past/);
    expect(
      (await invalid(() => proposeStatusUpdate(db, cast.owner, validStatusUpdate(cast.commitmentId, { confirmedOn: "2025-12-01" })))).confirmedOn,
    ).toMatch(/on or after the date the commitment was announced/);
  });

  it("refuses an unknown status, blank or too long text", async () => {
    expect((await invalid(() => proposeStatusUpdate(db, cast.owner, validStatusUpdate(cast.commitmentId, { status: "finished" })))).status).toBe(
      "Select the status",
    );
    expect((await invalid(() => proposeStatusUpdate(db, cast.owner, validStatusUpdate(cast.commitmentId, { note: "   \n  " })))).note).toBe(
      "Enter what happened, in plain English",
    );
    expect((await invalid(() => proposeStatusUpdate(db, cast.owner, validStatusUpdate(cast.commitmentId, { note: "x".repeat(2001) })))).note).toBe(
      "The note must be 2,000 characters or fewer",
    );
  });

  it("keeps text exactly as typed (escaping is the page's job), trimmed", async () => {
    const note = '  <script>alert("x")</script> & "quotes"  ';
    const result = await proposeStatusUpdate(
      db,
      cast.owner,
      validStatusUpdate(cast.commitmentId, { note, evidenceUrl: "https://www.gov.uk/x?a=1&b=<2>" }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = await db.proposal.findUniqueOrThrow({ where: { id: result.value.id } });
    expect((p.payload as { note: string }).note).toBe(note.trim());
  });

  it("a missing or unknown commitment is refused", async () => {
    expect(
      (await invalid(() => proposeStatusUpdate(db, cast.owner, validStatusUpdate(cast.commitmentId, { commitmentId: "" })))).commitmentId,
    ).toMatch(/reload the page/);
    const before = await fingerprint(db);
    expect(await proposeStatusUpdate(db, cast.owner, validStatusUpdate(999_999))).toMatchObject({ ok: false, kind: "not_found" });
    expect(await fingerprint(db)).toBe(before);
  });
});

describe("propose a deadline revision: bad input", () => {
  it("a label that does not resolve is refused in plain English, saying how to write it", async () => {
    const errors = await invalid(() =>
      proposeDeadlineRevision(db, cast.owner, validDeadlineRevision(cast.commitmentId, { label: "when pigs fly", precision: "season" })),
    );
    expect(errors.label).toBe(
      "The new deadline “when pigs fly” cannot be read as a season: write it like “summer 2026” or “this summer”, or choose “Open (no date)” if it gives no date",
    );
    const mismatch = await invalid(() =>
      proposeDeadlineRevision(db, cast.owner, validDeadlineRevision(cast.commitmentId, { label: "March 2027", precision: "season" })),
    );
    expect(mismatch.label).toBe("The new deadline “March 2027” describes a month, but you chose “Season”: choose “Month”");
  });

  it("requires a precision, a reason and a source; the effective date cannot be in the future", async () => {
    const errors = await invalid(() =>
      proposeDeadlineRevision(
        db,
        cast.owner,
        validDeadlineRevision(cast.commitmentId, { precision: "fortnight", reason: "", sourceUrl: "data:,x", effectiveOn: tomorrow() }),
      ),
    );
    expect(errors).toMatchObject({
      precision: "Select how precise the new deadline is",
      reason: "Enter the reason the deadline changed",
      effectiveOn: "The date the change took effect must be today or in the past",
    });
    expect(errors.sourceUrl).toMatch(/starts with http/);
  });
});

describe("check a proposal: bad input", () => {
  it("returning a proposal needs a comment, and a decision is required", async () => {
    const proposed = await proposeStatusUpdate(
      db,
      cast.owner,
      validStatusUpdate(cast.commitmentId, { evidenceUrl: "https://www.gov.uk/review-bad-input" }),
    );
    if (!proposed.ok) throw new Error("setup");
    const p = await db.proposal.findUniqueOrThrow({ where: { id: proposed.value.id } });
    expect(
      (await invalid(() => reviewProposal(db, cast.admin, { proposalId: p.id, version: p.version, decision: "return", comment: " " }))).comment,
    ).toBe("Enter a comment telling the author what to change");
    expect((await invalid(() => reviewProposal(db, cast.admin, { proposalId: p.id, version: p.version }))).decision).toMatch(
      /^Select whether to publish/,
    );
  });
});

describe("create a commitment: bad input", () => {
  it("reports missing fields in form order", async () => {
    const before = await fingerprint(db);
    const result = await createCommitment(db, cast.owner, { supporting: [] });
    if (result.ok || result.kind !== "invalid") throw new Error("expected field errors");
    expect(result.errors.map((e) => e.field)).toEqual([
      "title",
      "summary",
      "area",
      "announcedOn",
      "deadlineLabel",
      "deadlinePrecision",
      "sourceUrl",
      "sourceTitle",
      "sourcePublisher",
      "sourcePublishedOn",
    ]);
    expect(await fingerprint(db)).toBe(before);
  });

  it("refuses unknown areas and organisations, a taken or malformed slug, and a deadline that does not resolve", async () => {
    expect((await invalid(() => createCommitment(db, cast.owner, validCommitment({ area: "no-such-area" })))).area).toMatch(
      /no area called “no-such-area”/,
    );
    expect((await invalid(() => createCommitment(db, cast.owner, validCommitment({ supporting: ["no-such-org"] })))).supporting).toMatch(
      /no organisation called “no-such-org”/,
    );
    expect((await invalid(() => createCommitment(db, cast.owner, validCommitment({ slug: COMMITMENT })))).slug).toMatch(/already exists/);
    expect((await invalid(() => createCommitment(db, cast.owner, validCommitment({ slug: "Not A Slug!" })))).slug).toMatch(/lower-case letters/);
    expect(
      (await invalid(() => createCommitment(db, cast.owner, validCommitment({ deadlineLabel: "soonish", deadlinePrecision: "year" })))).deadlineLabel,
    ).toMatch(/^The deadline “soonish” cannot be read as a year: write it like/);
    expect((await invalid(() => createCommitment(db, cast.owner, validCommitment({ sourceUrl: "javascript:void(0)" })))).sourceUrl).toMatch(/http/);
  });

  it("makes a slug from the title when none is given, and records the first deadline once a second editor approves it", async () => {
    const result = await createCommitment(db, cast.owner, validCommitment({ title: "Open up the GOV.UK App’s code & designs" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.slug).toBe("open-up-the-gov-uk-app-s-code-and-designs");
    // A proposal: nothing is public yet.
    expect(await db.commitment.findUnique({ where: { slug: result.value.slug } })).toBeNull();
    const approved = await reviewProposal(db, cast.ownerColleague, { proposalId: result.value.id, version: 1, decision: "approve" });
    expect(approved.ok).toBe(true);
    const published = await db.commitment.findUniqueOrThrow({ where: { slug: result.value.slug } });
    const revisions = await db.deadlineRevision.findMany({ where: { commitmentId: published.id } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]?.dueDate?.toISOString().slice(0, 10)).toBe("2026-12-31");
    expect(revisions[0]?.approvedById).toBe(cast.ownerColleague.id);
    const owners = await db.commitmentOwner.findMany({ where: { commitmentId: published.id } });
    expect(owners).toHaveLength(1);
  });
});

describe("edit a commitment: only the fields changed, checked three ways", () => {
  async function opened() {
    const c = await db.commitment.findUniqueOrThrow({
      where: { slug: COMMITMENT },
      include: { area: true, leadOrganisation: true, supporters: { include: { organisation: true } } },
    });
    const values = {
      title: c.title,
      summary: c.summary,
      area: c.area.slug,
      lead: c.leadOrganisation?.slug ?? "",
      supporting: c.supporters.map((s) => s.organisation.slug),
    };
    // What the edit form posts: the values, and the same values as its base (hidden fields).
    return {
      commitmentId: String(c.id),
      version: String(c.version),
      ...values,
      baseTitle: values.title,
      baseSummary: values.summary,
      baseArea: values.area,
      baseLead: values.lead,
      baseSupporting: values.supporting,
      reason: "Clearer wording.",
    };
  }
  const approve = async (id: number) => {
    const p = await db.proposal.findUniqueOrThrow({ where: { id } });
    const r = await reviewProposal(db, cast.ownerColleague, { proposalId: p.id, version: p.version, decision: "approve" });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  };

  it("two editors open the form; one changes the title, the other the summary: both changes are kept (ux review §3.5)", async () => {
    const tabA = await opened();
    const tabB = await opened();
    const a = await updateCommitment(db, cast.owner, { ...tabA, title: "Simplify spending approvals for digital projects" });
    expect(a.ok).toBe(true);
    if (a.ok) await approve(a.value.id);
    // Tab B still holds the old title, but only its summary changed: it proposes the summary alone.
    const b = await updateCommitment(db, cast.owner, { ...tabB, summary: "A rewritten summary [A2]." });
    expect(b.ok, JSON.stringify(b)).toBe(true);
    if (!b.ok) return;
    expect(b.value.changed).toEqual(["Summary"]);
    await approve(b.value.id);
    const now = await db.commitment.findUniqueOrThrow({ where: { slug: COMMITMENT } });
    expect(now).toMatchObject({ title: "Simplify spending approvals for digital projects", summary: "A rewritten summary [A2]." });
  });

  it("refuses a change to a field someone changed meanwhile, changes nothing, and says what and who", async () => {
    const tab = await opened();
    const first = await updateCommitment(db, cast.owner, { ...tab, title: "Spending approvals, simplified" });
    expect(first.ok).toBe(true);
    if (first.ok) await approve(first.value.id);
    const before = await fingerprint(db);
    const second = await updateCommitment(db, cast.supporter, { ...tab, title: "Make spending approvals simpler" });
    expect(second).toMatchObject({ ok: false, kind: "conflict", changedBy: "Colin Colleague" });
    if (!second.ok && second.kind === "conflict") {
      expect(second.current).toEqual({ title: "Spending approvals, simplified" });
      expect(second.message).toMatch(/Nothing was sent for checking/);
    }
    expect(await fingerprint(db)).toBe(before);
  });

  it("a pending edit overtaken by another published change of the same field cannot be published: the reviewer returns it", async () => {
    const tab = await opened();
    const one = await updateCommitment(db, cast.owner, { ...tab, title: "Title one" });
    const two = await updateCommitment(db, cast.supporter, { ...tab, title: "Title two" });
    expect(one.ok && two.ok).toBe(true);
    if (!one.ok || !two.ok) return;
    await approve(one.value.id);
    const before = await fingerprint(db);
    const p = await db.proposal.findUniqueOrThrow({ where: { id: two.value.id } });
    const refused = await reviewProposal(db, cast.ownerColleague, { proposalId: p.id, version: p.version, decision: "approve" });
    expect(refused).toMatchObject({ ok: false, kind: "invalid" });
    expect(await fingerprint(db)).toBe(before);
  });

  it("an edit that changes nothing is refused", async () => {
    const errors = await invalid(async () => updateCommitment(db, cast.owner, await opened()));
    expect(errors.title).toMatch(/not changed anything/);
  });

  it("refuses bad fields like the create form", async () => {
    const c = await db.commitment.findUniqueOrThrow({ where: { slug: COMMITMENT } });
    const errors = await invalid(() =>
      updateCommitment(db, cast.owner, {
        commitmentId: String(c.id),
        version: String(c.version),
        title: "",
        summary: "x",
        area: "",
        lead: OWNER_ORG,
        supporting: [],
      }),
    );
    expect(errors).toMatchObject({ title: "Enter a title", area: "Select the area" });
  });
});

describe("users and passwords: bad input", () => {
  it("refuses a malformed or duplicate email, an editor without an organisation, an unknown role", async () => {
    expect(
      (await invalid(() => createUserMutation(db, cast.admin, { email: "not-an-email", name: "X", role: "editor", organisations: [OWNER_ORG] })))
        .email,
    ).toMatch(/correct format/);
    expect(
      (
        await invalid(() =>
          createUserMutation(db, cast.admin, { email: "OWNER@example.gov.uk", name: "X", role: "editor", organisations: [OWNER_ORG] }),
        )
      ).email,
    ).toMatch(/already an account/);
    expect(
      (await invalid(() => createUserMutation(db, cast.admin, { email: "new@example.gov.uk", name: "X", role: "editor", organisations: [] })))
        .organisations,
    ).toMatch(/at least one organisation/);
    expect(
      (await invalid(() => createUserMutation(db, cast.admin, { email: "new@example.gov.uk", name: "X", role: "superuser", organisations: [] })))
        .role,
    ).toBe("Select a role");
  });

  it("an admin cannot demote or disable themselves", async () => {
    expect(
      (
        await invalid(() =>
          updateUser(db, cast.admin, { userId: String(cast.admin.id), name: "Ada", role: "editor", organisations: [OWNER_ORG], disabled: "no" }),
        )
      ).role,
    ).toMatch(/your own role/);
    expect(
      (
        await invalid(() =>
          updateUser(db, cast.admin, { userId: String(cast.admin.id), name: "Ada", role: "admin", organisations: [], disabled: "yes" }),
        )
      ).disabled,
    ).toMatch(/disable your own/);
  });

  it("password changes: wrong current password, too short, common, mismatched", async () => {
    const change = (current: string, next: string, confirm = next) =>
      changeOwnPassword(db, cast.other, { currentPassword: current, newPassword: next, confirmPassword: confirm });
    // A wrong current password changes nothing but the audit log, which records the failed check (security review F9, F12).
    const audited = await db.auditEvent.count({ where: { action: "auth.current_password_failed" } });
    expect(await change("wrong password entirely", "lantern orchard kettle mosaic")).toMatchObject({
      ok: false,
      kind: "invalid",
      errors: [{ field: "currentPassword", message: "Your current password is not correct" }],
    });
    expect(await db.auditEvent.count({ where: { action: "auth.current_password_failed" } })).toBe(audited + 1);
    expect((await invalid(() => change(PASSWORD, "short one"))).newPassword).toBe("Password must be 12 characters or more");
    expect((await invalid(() => change(PASSWORD, "Password123456!"))).newPassword).toMatch(/too easy to guess/);
    expect((await invalid(() => change(PASSWORD, "qwertyuiop123"))).newPassword).toMatch(/too easy to guess/);
    expect((await invalid(() => change(PASSWORD, "lantern orchard kettle mosaic", "lantern orchard kettle"))).confirmPassword).toMatch(
      /do not match/,
    );
    expect((await invalid(() => change(PASSWORD, PASSWORD))).newPassword).toMatch(/different/);
  });
});

describe("CSV import", () => {
  const header =
    "slug,title,summary,area,lead,supporting,announced_on,deadline_label,deadline_precision,source_url,source_title,source_publisher,source_published_on";
  const row = (slug: string, overrides: Partial<Record<string, string>> = {}) => {
    const v = {
      slug,
      title: `Imported ${slug}`,
      summary: "Imported from a file.",
      area: "digital-and-data-infrastructure",
      lead: OWNER_ORG,
      supporting: "hm-treasury;cabinet-office",
      announced_on: "2026-02-01",
      deadline_label: "summer 2026",
      deadline_precision: "season",
      source_url: `https://www.gov.uk/imported/${slug}`,
      source_title: "Imported",
      source_publisher: "GDS",
      source_published_on: "2026-02-01",
      ...overrides,
    };
    return header
      .split(",")
      .map((c) => `"${(v as Record<string, string>)[c]!.replace(/"/g, '""')}"`)
      .join(",");
  };

  async function run(kind: "commitments" | "status-updates", csv: string, mode: "preview" | "apply", actor = cast.owner): Promise<ImportPreview> {
    const result = await importCsv(db, actor, { kind, csv, mode });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.value;
  }

  it("a preview checks every row and writes nothing", async () => {
    const csv = [
      header,
      row("csv-one"),
      row("csv-two", { area: "nowhere", deadline_label: "soon" }),
      row("csv-one"),
      row("csv-four", { source_url: "javascript:alert(1)", lead: "hm-revenue-and-customs", supporting: "" }),
    ].join("\n");
    const before = await fingerprint(db);
    const preview = await run("commitments", csv, "preview");
    expect(await fingerprint(db)).toBe(before);
    expect(preview.valid).toBe(false);
    expect(preview.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(preview.rows[0]!.errors).toEqual([]);
    expect(preview.rows[1]!.errors.map((e) => e.column)).toEqual(["area"]);
    // A slug repeated within the file is caught like any other duplicate.
    expect(preview.rows[2]!.errors).toEqual([
      { column: "slug", message: "A commitment with the web address name “csv-one” already exists: choose another" },
    ]);
    expect(preview.rows[3]!.errors.map((e) => e.column)).toEqual(["source_url"]);
    expect(preview.rows.every((r) => r.created === undefined)).toBe(true);
  });

  it("reports an unresolvable deadline against its column", async () => {
    const preview = await run("commitments", [header, row("csv-deadline", { deadline_label: "soon" })].join("\n"), "preview");
    expect(preview.rows[0]!.errors).toEqual([
      { column: "deadline_label", message: expect.stringMatching(/^The deadline “soon” cannot be read as a season/) },
    ]);
  });

  it("rows the editor may not create are row errors (an organisation that is not theirs)", async () => {
    const preview = await run("commitments", [header, row("csv-not-mine", { lead: "hm-revenue-and-customs", supporting: "" })].join("\n"), "preview");
    expect(preview.rows[0]!.errors[0]!.message).toMatch(/One of your organisations/);
  });

  it("importing is all or nothing: one bad row and nothing is written", async () => {
    const csv = [header, row("csv-all-1"), row("csv-all-2"), row("csv-all-3", { announced_on: "2026-13-01" })].join("\n");
    const before = await fingerprint(db);
    const result = await run("commitments", csv, "apply");
    expect(result).toMatchObject({ applied: false, valid: false });
    expect(result.rows[2]!.errors.map((e) => e.column)).toEqual(["announced_on"]);
    expect(await fingerprint(db)).toBe(before);
    expect(await db.commitment.count({ where: { slug: { startsWith: "csv-all-" } } })).toBe(0);
  });

  it("a valid file becomes ONE proposal, reviewed as a whole: approving it publishes every row at one version", async () => {
    const csv = [header, row("csv-ok-1"), row("csv-ok-2", { supporting: "" })].join("\r\n");
    const result = await run("commitments", csv, "apply");
    expect(result).toMatchObject({ applied: true, valid: true });
    expect(await db.commitment.count({ where: { slug: { in: ["csv-ok-1", "csv-ok-2"] } } })).toBe(0);
    const ids = new Set(result.rows.map((r) => r.created?.id));
    expect(ids.size).toBe(1);
    const proposalId = [...ids][0]!;
    const proposal = await db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(proposal).toMatchObject({ kind: "commitment_import", state: "pending", commitmentId: null });
    // The author cannot approve their own file, and an admin cannot force it out unchecked.
    expect((await reviewProposal(db, cast.owner, { proposalId, version: 1, decision: "approve" })).ok).toBe(false);
    expect((await forcePublishProposal(db, cast.admin, { proposalId, version: 1 })).ok).toBe(false);
    const versionBefore = (await db.$queryRaw<{ v: number }[]>`SELECT latest_publication() AS v`)[0]!.v;
    const approved = await reviewProposal(db, cast.ownerColleague, { proposalId, version: 1, decision: "approve" });
    expect(approved.ok, JSON.stringify(approved)).toBe(true);
    const published = await db.commitment.findMany({ where: { slug: { in: ["csv-ok-1", "csv-ok-2"] } }, include: { revisions: true } });
    expect(published).toHaveLength(2);
    // One version for the whole file.
    expect(new Set(published.map((c) => c.revisions[0]!.version))).toEqual(new Set([versionBefore + 1]));
    const c1 = await db.commitment.findUniqueOrThrow({ where: { slug: "csv-ok-1" }, include: { supporters: true, deadlineRevisions: true } });
    expect(c1.supporters).toHaveLength(2);
    expect(c1.deadlineRevisions[0]?.dueDate?.toISOString().slice(0, 10)).toBe("2026-08-31");
    expect(await db.auditEvent.count({ where: { action: "import.apply" } })).toBeGreaterThanOrEqual(1);
  });

  it("a returned import publishes nothing", async () => {
    const result = await run("commitments", [header, row("csv-ret-1"), row("csv-ret-2")].join("\n"), "apply");
    const proposalId = result.rows[0]!.created!.id;
    const returned = await reviewProposal(db, cast.ownerColleague, { proposalId, version: 1, decision: "return", comment: "Row 3 is a duplicate." });
    expect(returned.ok).toBe(true);
    expect(await db.commitment.count({ where: { slug: { startsWith: "csv-ret-" } } })).toBe(0);
  });

  it("status updates become proposals for the second-editor check, never published directly", async () => {
    const csv = [
      "commitment,status,note,confirmed_on,evidence_url,evidence_title,evidence_publisher,evidence_published_on",
      `${COMMITMENT},delivered,"Delivered, as announced.",2026-06-01,https://www.gov.uk/delivered,Delivered,HM Treasury,2026-06-01`,
      `no-such-commitment,in_progress,Note,2026-06-01,https://www.gov.uk/x,X,Y,2026-06-01`,
    ].join("\n");
    const preview = await run("status-updates", csv, "preview");
    expect(preview.rows[1]!.errors).toEqual([{ column: "commitment", message: "There is no commitment with the slug “no-such-commitment”" }]);
    const good = await run("status-updates", csv.split("\n").slice(0, 2).join("\n"), "apply");
    expect(good.applied).toBe(true);
    const created = good.rows[0]!.created!;
    expect(created.type).toBe("proposal");
    const proposal = await db.proposal.findUniqueOrThrow({ where: { id: created.id } });
    expect(proposal).toMatchObject({ state: "pending", authorId: cast.owner.id, kind: "status_update" });
    expect(await db.statusUpdate.count({ where: { proposalId: proposal.id } })).toBe(0);
  });

  it("status updates keep the evidence's own dates: an optional occurred column, and a confirmation month stays a month", async () => {
    const header = "commitment,status,note,confirmed_on,evidence_url,evidence_title,evidence_publisher,evidence_published_on,occurred";
    const row = (confirmed: string, occurred: string) =>
      `${COMMITMENT},delivered,Went live.,${confirmed},https://www.gov.uk/live,Live,GDS,2026-06-01,${occurred}`;
    const good = await run("status-updates", [header, row("June 2026", "March 2026"), row("2026-06-02", "")].join("\n"), "apply");
    expect(good).toMatchObject({ applied: true, valid: true });
    const [monthly, daily] = await Promise.all(good.rows.map((r) => db.proposal.findUniqueOrThrow({ where: { id: r.created!.id } })));
    expect(monthly!.payload).toMatchObject({
      confirmed: { label: "June 2026", precision: "month", from: "2026-06-01", to: "2026-06-30" },
      occurred: { label: "March 2026", precision: "month", from: "2026-03-01", to: "2026-03-31" },
    });
    expect(daily!.payload).toMatchObject({ confirmed: { precision: "day", from: "2026-06-02", to: "2026-06-02" }, occurred: null });

    const later = await run("status-updates", [header, row("June 2026", "August 2026")].join("\n"), "preview");
    expect(later.valid).toBe(false);
    expect(later.rows[0]!.errors.map((e) => e.column)).toEqual(["occurred"]);
  });

  it("refuses files with the wrong columns, no rows, or nothing at all", async () => {
    const wrong = await run("status-updates", `${header}\n${row("x")}`, "preview");
    expect(wrong.fileErrors[0]).toMatch(/Missing: commitment, status/);
    expect((await run("commitments", header, "preview")).fileErrors).toContain("The file has no rows below the column names");
    const empty = await importCsv(db, cast.owner, { kind: "commitments", csv: "  ", mode: "preview" });
    expect(empty).toMatchObject({ ok: false, kind: "invalid", errors: [{ field: "csv", message: "Choose a CSV file or paste its contents" }] });
    const badKind = await importCsv(db, cast.owner, { kind: "users", csv: header, mode: "preview" });
    expect(badKind).toMatchObject({ ok: false, kind: "invalid", errors: [{ field: "kind" }] });
    const unreadable = await run("commitments", `${header}\n"unterminated,quote`, "preview");
    expect(unreadable.fileErrors[0]).toMatch(/could not be read as CSV/);
  });
});
