// The authorisation matrix: every editor mutation, called directly against a real database as
// an anonymous visitor, an editor of an unrelated organisation, an editor of the owning
// organisation and an admin. Each call is either allowed (and changes something) or refused
// (and changes nothing at all, audit log included).
import { describe, it, expect, beforeAll } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import type { Db } from "../../src/server/db";
import type { Actor } from "../../src/domain/permissions";
import {
  checkForcedPublication,
  forcePublishProposal,
  proposeDeadlineRevision,
  proposeStatusUpdate,
  resubmitProposal,
  reviewProposal,
  withdrawProposal,
} from "../../src/server/editor/proposals";
import { createCommitment, updateCommitment } from "../../src/server/editor/commitments";
import { importCsv } from "../../src/server/editor/import";
import { changeOwnPassword, createUser as createUserMutation, resetPassword, updateUser } from "../../src/server/editor/users";
import type { Result } from "../../src/server/editor/result";
import {
  COMMITMENT,
  OWNER_ORG,
  PASSWORD,
  createCast,
  createUser,
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

type Role = "anonymous" | "other" | "owner" | "admin";
const ROLES: Role[] = ["anonymous", "other", "owner", "admin"];
const actorFor = (role: Role): Actor | null => (role === "anonymous" ? null : cast[role]);

let sequence = 0;
const unique = () => `${Date.now().toString(36)}-${++sequence}`;

/** A fresh pending proposal by `author` (directly, so each case starts from its own). */
async function pendingProposal(author: Actor, kind: "status_update" | "deadline_revision" = "status_update") {
  const result =
    kind === "status_update"
      ? await proposeStatusUpdate(db, author, validStatusUpdate(cast.commitmentId, { evidenceUrl: `https://www.gov.uk/evidence/${unique()}` }))
      : await proposeDeadlineRevision(db, author, validDeadlineRevision(cast.commitmentId));
  if (!result.ok) throw new Error(`could not set up a proposal: ${JSON.stringify(result)}`);
  return db.proposal.findUniqueOrThrow({ where: { id: result.value.id } });
}

/** What the edit form posts for the commitment as it is now, with `change` applied. */
async function editInput(change: { lead?: string; supporting?: string[]; title?: string } = {}) {
  const c = await db.commitment.findUniqueOrThrow({
    where: { slug: COMMITMENT },
    include: { area: true, leadOrganisation: true, supporters: { include: { organisation: true } } },
  });
  return {
    commitmentId: String(c.id),
    version: String(c.version),
    title: change.title ?? c.title,
    summary: c.summary,
    area: c.area.slug,
    lead: change.lead ?? c.leadOrganisation?.slug ?? "",
    supporting: change.supporting ?? c.supporters.map((s) => s.organisation.slug),
    reason: "Clearer wording.",
  };
}

/** A fresh pending edit of the commitment's title by `author`. */
async function pendingEdit(author: Actor) {
  const result = await updateCommitment(db, author, await editInput({ title: `Simplify spending approvals (${unique()})` }));
  if (!result.ok) throw new Error(`could not set up an edit: ${JSON.stringify(result)}`);
  return db.proposal.findUniqueOrThrow({ where: { id: result.value.id } });
}

async function returnedProposal(author: Actor) {
  const p = await pendingProposal(author);
  const r = await reviewProposal(db, cast.admin.id === author.id ? cast.ownerColleague : cast.admin, {
    proposalId: p.id,
    version: p.version,
    decision: "return",
    comment: "Add the date of the announcement.",
  });
  if (!r.ok) throw new Error("could not return the proposal");
  return db.proposal.findUniqueOrThrow({ where: { id: p.id } });
}

type Case = {
  name: string;
  /** Which roles may do it. */
  allowed: Record<Role, boolean>;
  /** Prepares what the call needs, fresh for every role (may write: the baseline is taken after it). */
  setup?: (role: Role) => Promise<Record<string, unknown>>;
  call: (actor: Actor | null, input: Record<string, unknown>) => Promise<Result<unknown>>;
  /** For results that are "ok" but still a refusal (an import whose rows were refused). */
  succeeded?: (result: Result<unknown>) => boolean;
};

const everyoneSignedIn = { anonymous: false, other: true, owner: true, admin: true };
const ownersAndAdmins = { anonymous: false, other: false, owner: true, admin: true };
const adminsOnly = { anonymous: false, other: false, owner: false, admin: true };

const review =
  (decision: "approve" | "return", author: () => Actor, kind: "status_update" | "deadline_revision" = "status_update") =>
  async () => {
    const p = await pendingProposal(author(), kind);
    return { proposalId: String(p.id), version: String(p.version), decision, comment: decision === "return" ? "Which departments?" : "" };
  };

const cases: Case[] = [
  {
    name: "propose a status update",
    allowed: ownersAndAdmins,
    setup: async () => validStatusUpdate(cast.commitmentId, { evidenceUrl: `https://www.gov.uk/evidence/${unique()}` }),
    call: (actor, input) => proposeStatusUpdate(db, actor, input),
  },
  {
    name: "propose a deadline revision",
    allowed: ownersAndAdmins,
    setup: async () => validDeadlineRevision(cast.commitmentId),
    call: (actor, input) => proposeDeadlineRevision(db, actor, input),
  },
  {
    name: "approve (publish) someone else's status update",
    allowed: ownersAndAdmins,
    setup: review("approve", () => cast.ownerColleague),
    call: (actor, input) => reviewProposal(db, actor, input),
  },
  {
    name: "approve (publish) someone else's deadline revision",
    allowed: ownersAndAdmins,
    setup: review("approve", () => cast.ownerColleague, "deadline_revision"),
    call: (actor, input) => reviewProposal(db, actor, input),
  },
  {
    name: "return someone else's proposal with a comment",
    allowed: ownersAndAdmins,
    setup: review("return", () => cast.ownerColleague),
    call: (actor, input) => reviewProposal(db, actor, input),
  },
  {
    name: "approve one's own proposal (never allowed, not even for an admin)",
    allowed: { anonymous: false, other: false, owner: false, admin: false },
    setup: async (role) => review("approve", () => (role === "admin" ? cast.admin : cast.owner))(),
    call: (actor, input) => reviewProposal(db, actor, input),
  },
  {
    name: "withdraw the owner's proposal (its author, or an admin)",
    allowed: ownersAndAdmins,
    setup: async () => {
      const p = await pendingProposal(cast.owner);
      return { proposalId: String(p.id), version: String(p.version) };
    },
    call: (actor, input) => withdrawProposal(db, actor, input),
  },
  {
    name: "withdraw a colleague's proposal (an owning editor who is not its author may not)",
    allowed: adminsOnly,
    setup: async () => {
      const p = await pendingProposal(cast.ownerColleague);
      return { proposalId: String(p.id), version: String(p.version) };
    },
    call: (actor, input) => withdrawProposal(db, actor, input),
  },
  {
    name: "change a returned proposal and send it again (its author only)",
    allowed: { anonymous: false, other: false, owner: true, admin: false },
    setup: async () => {
      const p = await returnedProposal(cast.owner);
      const { commitmentId: _c, ...fields } = validStatusUpdate(cast.commitmentId, { note: "Now with the announcement date." });
      return { ...fields, proposalId: String(p.id), version: String(p.version) };
    },
    call: (actor, input) => resubmitProposal(db, actor, input),
  },
  {
    name: "create a commitment led by the owner's organisation",
    allowed: ownersAndAdmins,
    setup: async () => validCommitment({ slug: `new-commitment-${unique()}` }),
    call: (actor, input) => createCommitment(db, actor, input),
  },
  {
    name: "edit a commitment",
    allowed: ownersAndAdmins,
    setup: () => editInput({ title: `Simplify spending approvals (edit ${unique()})` }),
    call: (actor, input) => updateCommitment(db, actor, input),
  },
  {
    name: "propose a commitment led by another organisation (F2: only an admin may)",
    allowed: adminsOnly,
    setup: async () => validCommitment({ slug: `other-led-${unique()}`, lead: "hm-treasury", supporting: [OWNER_ORG] }),
    call: (actor, input) => createCommitment(db, actor, input),
  },
  {
    name: "approve (publish) someone else's new commitment",
    allowed: ownersAndAdmins,
    setup: async () => {
      const r = await createCommitment(db, cast.ownerColleague, validCommitment({ slug: `to-approve-${unique()}` }));
      if (!r.ok) throw new Error(JSON.stringify(r));
      const p = await db.proposal.findUniqueOrThrow({ where: { id: r.value.id } });
      return { proposalId: String(p.id), version: String(p.version), decision: "approve" };
    },
    call: (actor, input) => reviewProposal(db, actor, input),
  },
  {
    name: "approve (publish) someone else's edit of a commitment",
    allowed: ownersAndAdmins,
    setup: async () => {
      const p = await pendingEdit(cast.ownerColleague);
      return { proposalId: String(p.id), version: String(p.version), decision: "approve" };
    },
    call: (actor, input) => reviewProposal(db, actor, input),
  },
  {
    name: "force-publish a pending proposal without a second editor (admins only)",
    allowed: adminsOnly,
    setup: async () => {
      const p = await pendingEdit(cast.ownerColleague);
      return { proposalId: String(p.id), version: String(p.version) };
    },
    call: (actor, input) => forcePublishProposal(db, actor, input),
  },
  {
    name: "check a change another admin force-published",
    allowed: ownersAndAdmins,
    setup: async () => {
      const p = await pendingEdit(cast.ownerColleague);
      const forced = await forcePublishProposal(db, cast.secondAdmin, { proposalId: String(p.id), version: String(p.version) });
      if (!forced.ok) throw new Error(JSON.stringify(forced));
      return { proposalId: String(p.id) };
    },
    call: (actor, input) => checkForcedPublication(db, actor, input),
  },
  {
    name: "approve (publish) someone else's CSV import of new commitments, as one proposal",
    allowed: ownersAndAdmins,
    setup: async () => {
      const slug = `imported-for-review-${unique()}`;
      const csv = [
        "slug,title,summary,area,lead,supporting,announced_on,deadline_label,deadline_precision,source_url,source_title,source_publisher,source_published_on",
        `${slug},Imported commitment,A commitment imported from a file.,digital-and-data-infrastructure,${OWNER_ORG},,2026-02-01,summer 2026,season,https://www.gov.uk/imported/${slug},Imported,GDS,2026-02-01`,
        `${slug}-2,Another imported commitment,A second row.,digital-and-data-infrastructure,${OWNER_ORG},,2026-02-01,summer 2026,season,https://www.gov.uk/imported/${slug}-2,Imported,GDS,2026-02-01`,
      ].join("\n");
      const imported = await importCsv(db, cast.ownerColleague, { kind: "commitments", csv, mode: "apply" });
      if (!imported.ok || !imported.value.applied) throw new Error(JSON.stringify(imported));
      return { proposalId: String(imported.value.rows[0]!.created!.id), version: "1", decision: "approve" };
    },
    call: (actor, input) => reviewProposal(db, actor, input),
  },
  {
    name: "import commitments from CSV",
    allowed: ownersAndAdmins,
    succeeded: (r) => r.ok && (r.value as { applied: boolean }).applied,
    setup: async () => {
      const slug = `imported-${unique()}`;
      const csv = [
        "slug,title,summary,area,lead,supporting,announced_on,deadline_label,deadline_precision,source_url,source_title,source_publisher,source_published_on",
        `${slug},Imported commitment,A commitment imported from a file.,digital-and-data-infrastructure,${OWNER_ORG},,2026-02-01,summer 2026,season,https://www.gov.uk/imported/${slug},Imported,GDS,2026-02-01`,
      ].join("\n");
      return { kind: "commitments", csv, mode: "apply" };
    },
    call: (actor, input) => importCsv(db, actor, input),
  },
  {
    name: "import status updates from CSV",
    allowed: ownersAndAdmins,
    succeeded: (r) => r.ok && (r.value as { applied: boolean }).applied,
    setup: async () => {
      const csv = [
        "commitment,status,note,confirmed_on,evidence_url,evidence_title,evidence_publisher,evidence_published_on",
        `${COMMITMENT},at_risk,Imported note.,2026-03-01,https://www.gov.uk/imported/${unique()},Imported evidence,HM Treasury,2026-03-01`,
      ].join("\n");
      return { kind: "status-updates", csv, mode: "apply" };
    },
    call: (actor, input) => importCsv(db, actor, input),
  },
  {
    name: "create a user",
    allowed: adminsOnly,
    setup: async () => ({ email: `new-${unique()}@example.gov.uk`, name: "New Person", role: "editor", organisations: [OWNER_ORG] }),
    call: (actor, input) => createUserMutation(db, actor, input),
  },
  {
    name: "change a user's name and organisations",
    allowed: adminsOnly,
    setup: async () => {
      const target = await createUser(db, `target-${unique()}@example.gov.uk`, "editor", [OWNER_ORG]);
      return { userId: String(target.id), name: "Renamed", role: "editor", organisations: [OWNER_ORG, "hm-treasury"], disabled: "no" };
    },
    call: (actor, input) => updateUser(db, actor, input),
  },
  {
    name: "disable a user",
    allowed: adminsOnly,
    setup: async () => {
      const target = await createUser(db, `disable-${unique()}@example.gov.uk`, "editor", [OWNER_ORG]);
      return { userId: String(target.id), name: "To disable", role: "editor", organisations: [OWNER_ORG], disabled: "yes" };
    },
    call: (actor, input) => updateUser(db, actor, input),
  },
  {
    name: "reset a user's password",
    allowed: adminsOnly,
    setup: async () => {
      const target = await createUser(db, `reset-${unique()}@example.gov.uk`, "editor", [OWNER_ORG]);
      return { userId: String(target.id) };
    },
    call: (actor, input) => resetPassword(db, actor, input),
  },
  {
    name: "change one's own password",
    allowed: everyoneSignedIn,
    setup: async () => ({
      currentPassword: PASSWORD,
      newPassword: "lantern orchard kettle mosaic",
      confirmPassword: "lantern orchard kettle mosaic",
    }),
    // Each signed-in role changes the password of a fresh account of its own kind.
    call: async (actor, input) => {
      if (!actor) return changeOwnPassword(db, null, input);
      const me = await createUser(db, `self-${unique()}@example.gov.uk`, actor.role, actor.role === "admin" ? [] : [OWNER_ORG]);
      return changeOwnPassword(db, me, input);
    },
  },
];

describe("every editor mutation checks who is asking on the server, and a refusal changes nothing", () => {
  for (const c of cases) {
    describe(c.name, () => {
      for (const role of ROLES) {
        const expected = c.allowed[role];
        it(`${role}: ${expected ? "allowed" : "refused"}`, async () => {
          const input = c.setup ? await c.setup(role) : {};
          const before = await fingerprint(db);
          const result = await c.call(actorFor(role), input);
          const succeeded = c.succeeded ? c.succeeded(result) : result.ok;
          expect(succeeded, JSON.stringify(result)).toBe(expected);
          const after = await fingerprint(db);
          if (expected) {
            expect(after).not.toBe(before);
          } else {
            expect(after, "a refused call must not write anything").toBe(before);
            if (role === "anonymous") expect(result.ok ? "ok" : result.kind).toBe("unauthenticated");
            // A proposal they may not see is answered as if it did not exist (security review F18).
            else if (!result.ok) expect(result.kind).toMatch(/^(forbidden|not_found)$/);
          }
        });
      }
    });
  }
});

describe("owners (security review F2): an editor of a supporting organisation acts only for it", () => {
  it("a supporter cannot make itself lead, remove the lead or change the other owners; nothing is written", async () => {
    for (const change of [{ lead: "hm-treasury", supporting: [] }, { supporting: ["hm-treasury", "hm-revenue-and-customs"] }]) {
      const before = await fingerprint(db);
      const result = await updateCommitment(db, cast.supporter, await editInput(change));
      expect(result.ok ? "ok" : result.kind).toBe("forbidden");
      expect(await fingerprint(db)).toBe(before);
    }
  });

  it("the admin who force-published a change cannot check it; nothing is written", async () => {
    const p = await pendingEdit(cast.ownerColleague);
    const forced = await forcePublishProposal(db, cast.admin, { proposalId: String(p.id), version: String(p.version) });
    expect(forced.ok).toBe(true);
    const before = await fingerprint(db);
    const result = await checkForcedPublication(db, cast.admin, { proposalId: String(p.id) });
    expect(result.ok ? "ok" : result.kind).toBe("forbidden");
    expect(await fingerprint(db)).toBe(before);
  });

  it("a supporter may still propose a rewording, which a second editor checks", async () => {
    const result = await updateCommitment(db, cast.supporter, await editInput({ title: `Simplify spending approvals (${unique()})` }));
    expect(result.ok).toBe(true);
  });

  it("an editor of the lead organisation cannot hand the lead to another organisation", async () => {
    const result = await updateCommitment(db, cast.owner, await editInput({ lead: "hm-treasury", supporting: [OWNER_ORG] }));
    expect(result.ok ? "ok" : result.kind).toBe("forbidden");
  });
});
