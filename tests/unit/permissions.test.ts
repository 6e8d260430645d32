import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  type Actor,
  type Ownership,
  type ProposalFacts,
  canChangeUser,
  canCheckForced,
  canCreateCommitment,
  canEditCommitment,
  canForcePublish,
  canImport,
  canManageUsers,
  canPropose,
  canResubmit,
  canReview,
  canViewAuditLog,
  canWithdraw,
  canWorkOn,
  PROPOSAL_STATES,
} from "../../src/domain/permissions";

const GDS = 1;
const DSIT = 2;
const HMRC = 3;
const DWP = 4;

const admin: Actor = { id: 1, role: "admin", organisationIds: [] };
const gdsEditor: Actor = { id: 2, role: "editor", organisationIds: [GDS] };
const secondGdsEditor: Actor = { id: 3, role: "editor", organisationIds: [GDS, DWP] };
const dsitEditor: Actor = { id: 4, role: "editor", organisationIds: [DSIT] };
const hmrcEditor: Actor = { id: 5, role: "editor", organisationIds: [HMRC] };

/** Led by GDS, supported by DSIT. */
const commitment: Ownership = { leadOrganisationId: GDS, supportingOrganisationIds: [DSIT] };
const proposal = (authorId: number, state: ProposalFacts["state"] = "pending"): ProposalFacts => ({ authorId, state, commitment });

describe("working on a commitment", () => {
  it("lets admins and editors of the lead or a supporting organisation work on it", () => {
    expect(canWorkOn(admin, commitment).allowed).toBe(true);
    expect(canWorkOn(gdsEditor, commitment).allowed).toBe(true);
    expect(canWorkOn(dsitEditor, commitment).allowed).toBe(true);
  });

  it("refuses editors of other organisations, and anonymous users, with a reason", () => {
    const other = canWorkOn(hmrcEditor, commitment);
    expect(other.allowed).toBe(false);
    if (!other.allowed) expect(other.reason).toMatch(/owns or supports/);
    const anonymous = canWorkOn(null, commitment);
    expect(anonymous.allowed).toBe(false);
    if (!anonymous.allowed) expect(anonymous.reason).toMatch(/sign in/);
  });

  it("is the same rule for proposing", () => {
    for (const actor of [admin, gdsEditor, dsitEditor, hmrcEditor, null]) {
      expect(canPropose(actor, commitment).allowed).toBe(canWorkOn(actor, commitment).allowed);
    }
  });

  it("editors may work on exactly the commitments an organisation of theirs owns (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 8 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 4 }),
        (mine, lead, supporting) => {
          const actor: Actor = { id: 9, role: "editor", organisationIds: mine };
          const owns = mine.includes(lead) || supporting.some((s) => mine.includes(s));
          expect(canWorkOn(actor, { leadOrganisationId: lead, supportingOrganisationIds: supporting }).allowed).toBe(owns);
        },
      ),
    );
  });
});

describe("the second-editor check", () => {
  it("lets a second editor of an owning organisation, or an admin, check a pending proposal", () => {
    expect(canReview(secondGdsEditor, proposal(gdsEditor.id)).allowed).toBe(true);
    expect(canReview(dsitEditor, proposal(gdsEditor.id)).allowed).toBe(true);
    expect(canReview(admin, proposal(gdsEditor.id)).allowed).toBe(true);
  });

  it("never lets anyone check their own proposal, not even an admin", () => {
    const own = canReview(gdsEditor, proposal(gdsEditor.id));
    expect(own.allowed).toBe(false);
    if (!own.allowed) expect(own.reason).toMatch(/your own/);
    expect(canReview(admin, proposal(admin.id)).allowed).toBe(false);
  });

  it("refuses editors of other organisations and anonymous users", () => {
    expect(canReview(hmrcEditor, proposal(gdsEditor.id)).allowed).toBe(false);
    expect(canReview(null, proposal(gdsEditor.id)).allowed).toBe(false);
  });

  it("only pending proposals can be checked", () => {
    for (const state of PROPOSAL_STATES) {
      expect(canReview(admin, proposal(gdsEditor.id, state)).allowed).toBe(state === "pending");
    }
  });
});

describe("the author's side", () => {
  it("the author or an admin can withdraw a pending or returned proposal", () => {
    for (const state of PROPOSAL_STATES) {
      const open = state === "pending" || state === "returned";
      expect(canWithdraw(gdsEditor, proposal(gdsEditor.id, state)).allowed).toBe(open);
      expect(canWithdraw(admin, proposal(gdsEditor.id, state)).allowed).toBe(open);
      expect(canWithdraw(secondGdsEditor, proposal(gdsEditor.id, state)).allowed).toBe(false);
    }
    expect(canWithdraw(null, proposal(gdsEditor.id)).allowed).toBe(false);
  });

  it("only the author can change a returned proposal and send it again", () => {
    expect(canResubmit(gdsEditor, proposal(gdsEditor.id, "returned")).allowed).toBe(true);
    expect(canResubmit(gdsEditor, proposal(gdsEditor.id, "pending")).allowed).toBe(false);
    expect(canResubmit(admin, proposal(gdsEditor.id, "returned")).allowed).toBe(false);
    expect(canResubmit(secondGdsEditor, proposal(gdsEditor.id, "returned")).allowed).toBe(false);
    expect(canResubmit(null, proposal(gdsEditor.id, "returned")).allowed).toBe(false);
  });

  it("an author who has since left the owning organisations cannot send it again", () => {
    const moved: Actor = { ...gdsEditor, organisationIds: [HMRC] };
    expect(canResubmit(moved, proposal(moved.id, "returned")).allowed).toBe(false);
  });
});

describe("creating and editing commitments", () => {
  it("editors propose commitments only for an organisation of theirs as lead (F2: never as another organisation)", () => {
    expect(canCreateCommitment(gdsEditor, commitment).allowed).toBe(true);
    // A supporting organisation's editor cannot make it appear as the lead's commitment.
    expect(canCreateCommitment(dsitEditor, commitment).allowed).toBe(false);
    expect(canCreateCommitment(hmrcEditor, commitment).allowed).toBe(false);
    expect(canCreateCommitment(admin, { leadOrganisationId: HMRC, supportingOrganisationIds: [] }).allowed).toBe(true);
    expect(canCreateCommitment(null, commitment).allowed).toBe(false);
  });

  it("editors of an owning organisation propose edits; only the lead's editors change owners, and never hand the lead to another organisation", () => {
    expect(canEditCommitment(gdsEditor, commitment).allowed).toBe(true);
    expect(canEditCommitment(dsitEditor, commitment, commitment).allowed).toBe(true);
    expect(canEditCommitment(gdsEditor, commitment, { leadOrganisationId: GDS, supportingOrganisationIds: [DSIT, HMRC] }).allowed).toBe(true);
    // Handing the lead to another organisation, even a supporter, is for an admin.
    for (const lead of [DSIT, HMRC]) {
      const handover = canEditCommitment(gdsEditor, commitment, { leadOrganisationId: lead, supportingOrganisationIds: [GDS] });
      expect(handover.allowed).toBe(false);
      if (!handover.allowed) expect(handover.reason).toMatch(/admin/);
    }
    // An editor of both may move the lead between their own organisations.
    expect(canEditCommitment(secondGdsEditor, commitment, { leadOrganisationId: DWP, supportingOrganisationIds: [GDS, DSIT] }).allowed).toBe(true);
    // A supporter can neither take the lead, remove it, nor change the other owners.
    expect(canEditCommitment(dsitEditor, commitment, { leadOrganisationId: DSIT, supportingOrganisationIds: [] }).allowed).toBe(false);
    expect(canEditCommitment(dsitEditor, commitment, { leadOrganisationId: GDS, supportingOrganisationIds: [DSIT, HMRC] }).allowed).toBe(false);
    expect(canEditCommitment(admin, commitment, { leadOrganisationId: HMRC, supportingOrganisationIds: [] }).allowed).toBe(true);
    expect(canEditCommitment(hmrcEditor, commitment).allowed).toBe(false);
    expect(canEditCommitment(null, commitment).allowed).toBe(false);
  });

  it("only admins force-publish; someone else, who may work on the commitment, checks it", () => {
    expect(canForcePublish(admin, { state: "pending" }).allowed).toBe(true);
    expect(canForcePublish(admin, { state: "returned" }).allowed).toBe(false);
    expect(canForcePublish(gdsEditor, { state: "pending" }).allowed).toBe(false);
    expect(canForcePublish(null, { state: "pending" }).allowed).toBe(false);
    const forced = { publishedById: admin.id, authorId: secondGdsEditor.id, commitment, checked: false };
    expect(canCheckForced(admin, forced).allowed).toBe(false);
    expect(canCheckForced(secondGdsEditor, forced).allowed).toBe(false);
    expect(canCheckForced(gdsEditor, forced).allowed).toBe(true);
    expect(canCheckForced(dsitEditor, forced).allowed).toBe(true);
    expect(canCheckForced(hmrcEditor, forced).allowed).toBe(false);
    expect(canCheckForced(gdsEditor, { ...forced, checked: true }).allowed).toBe(false);
    expect(canCheckForced(null, forced).allowed).toBe(false);
  });
});

describe("admin-only areas", () => {
  it("only admins manage users and read the audit log", () => {
    for (const [actor, allowed] of [
      [admin, true],
      [gdsEditor, false],
      [null, false],
    ] as const) {
      expect(canManageUsers(actor).allowed).toBe(allowed);
      expect(canViewAuditLog(actor).allowed).toBe(allowed);
    }
  });

  it("an admin cannot demote or disable themselves (so the last admin cannot lock everyone out)", () => {
    expect(canChangeUser(admin, admin.id, { role: "editor" }).allowed).toBe(false);
    expect(canChangeUser(admin, admin.id, { disabled: true }).allowed).toBe(false);
    expect(canChangeUser(admin, admin.id, { role: "admin", disabled: false }).allowed).toBe(true);
    expect(canChangeUser(admin, gdsEditor.id, { role: "admin", disabled: true }).allowed).toBe(true);
    expect(canChangeUser(gdsEditor, dsitEditor.id, {}).allowed).toBe(false);
  });

  it("any signed-in editor may import (each row is then checked like its form)", () => {
    expect(canImport(gdsEditor).allowed).toBe(true);
    expect(canImport(null).allowed).toBe(false);
  });
});
