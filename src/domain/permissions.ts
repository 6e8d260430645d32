// Who may do what in the editor back office. Plain rules on plain data, no framework and no
// database: the mutations in src/server/editor load the facts (the actor's organisations, a
// commitment's owners, a proposal's author and state) and ask here.
//
// Roles:
//  - admin: everything, including managing users and reading the audit log.
//  - editor: belongs to one or more organisations, and works on the commitments those
//    organisations own (as lead) or support.
// Publishing always needs a second person: nobody approves their own proposal (the GOV.UK
// "2i" practice), not even an admin.

export const ROLES = ["admin", "editor"] as const;
export type Role = (typeof ROLES)[number];

export const PROPOSAL_STATES = ["pending", "returned", "approved", "withdrawn"] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** The signed-in user, as far as permissions are concerned. Null means nobody is signed in. */
export interface Actor {
  id: number;
  role: Role;
  organisationIds: readonly number[];
}

/** A commitment's owners: one lead organisation (null when no source names it) and any number of supporting ones. */
export interface Ownership {
  leadOrganisationId: number | null;
  supportingOrganisationIds: readonly number[];
}

export interface ProposalFacts {
  authorId: number;
  state: ProposalState;
  commitment: Ownership;
  /** A batch (a CSV file of new commitments): the owners of every row, each of which the reviewer must be able to work on. */
  batch?: readonly Ownership[];
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOW: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

export const SIGN_IN_REQUIRED = "You need to sign in to do this.";

export function isAdmin(actor: Actor | null): boolean {
  return actor?.role === "admin";
}

function ownerIds(ownership: Ownership): number[] {
  return [...(ownership.leadOrganisationId === null ? [] : [ownership.leadOrganisationId]), ...ownership.supportingOrganisationIds];
}

/** True when one of the actor's organisations owns (leads or supports) the commitment. */
function belongsToOwner(actor: Actor, ownership: Ownership): boolean {
  const owners = new Set(ownerIds(ownership));
  return actor.organisationIds.some((id) => owners.has(id));
}

/** Admins, and editors of an organisation that owns or supports the commitment. */
export function canWorkOn(actor: Actor | null, ownership: Ownership): Decision {
  if (!actor) return deny(SIGN_IN_REQUIRED);
  if (actor.role === "admin") return ALLOW;
  if (belongsToOwner(actor, ownership)) return ALLOW;
  return deny("Only editors of an organisation that owns or supports this commitment can change it.");
}

/**
 * Seeing a proposal: those who may work on its commitment (and admins), and its author. Anyone
 * else is answered as if it did not exist (security review F18).
 */
export function canSeeProposal(actor: Actor, proposal: { authorId: number; commitment: Ownership }): boolean {
  return canWorkOn(actor, proposal.commitment).allowed || proposal.authorId === actor.id;
}

/** Proposing a status update or a deadline revision. */
export function canPropose(actor: Actor | null, ownership: Ownership): Decision {
  return canWorkOn(actor, ownership);
}

/** Approving or returning a proposal: a second person (not its author) who may work on the commitment. */
export function canReview(actor: Actor | null, proposal: ProposalFacts): Decision {
  if (!actor) return deny(SIGN_IN_REQUIRED);
  if (proposal.authorId === actor.id) return deny("You cannot check your own proposal: a second editor or an admin must check it.");
  const scope = canWorkOn(actor, proposal.commitment);
  if (!scope.allowed) return deny("Only editors of an organisation that owns or supports this commitment, or an admin, can check this proposal.");
  if (proposal.batch?.some((ownership) => !canWorkOn(actor, ownership).allowed)) {
    return deny("Only an admin, or an editor of an organisation that owns or supports every commitment in the file, can check this import.");
  }
  if (proposal.state !== "pending") return deny(`This proposal is ${proposal.state}, so it cannot be checked.`);
  return ALLOW;
}

/** The author (or an admin) can withdraw a proposal that has not been published. */
export function canWithdraw(actor: Actor | null, proposal: ProposalFacts): Decision {
  if (!actor) return deny(SIGN_IN_REQUIRED);
  if (proposal.authorId !== actor.id && actor.role !== "admin") return deny("Only the author of a proposal, or an admin, can withdraw it.");
  if (proposal.state !== "pending" && proposal.state !== "returned") return deny(`This proposal is ${proposal.state}, so it cannot be withdrawn.`);
  return ALLOW;
}

/** The author can change a returned proposal and send it for checking again. */
export function canResubmit(actor: Actor | null, proposal: ProposalFacts): Decision {
  if (!actor) return deny(SIGN_IN_REQUIRED);
  if (proposal.authorId !== actor.id) return deny("Only the author of a proposal can change it.");
  if (proposal.state !== "returned") return deny(`This proposal is ${proposal.state}; only a returned proposal can be changed and sent again.`);
  const scope = canWorkOn(actor, proposal.commitment);
  if (!scope.allowed) return scope;
  return ALLOW;
}

/**
 * Proposing a new commitment: admins, or editors of its lead organisation (security review F2:
 * an editor cannot make a commitment appear as another organisation's). Supporting
 * organisations may be others: they are named, not acted for.
 */
export function canCreateCommitment(actor: Actor | null, ownership: Ownership): Decision {
  if (!actor) return deny(SIGN_IN_REQUIRED);
  if (actor.role === "admin") return ALLOW;
  if (isActorsOrganisation(actor, ownership.leadOrganisationId)) return ALLOW;
  return deny(
    "One of your organisations must be the lead organisation of a commitment you propose. Ask an admin to add one led by another organisation.",
  );
}

/** True when the organisation is named and is one of the actor's (a lead no source names is no one's). */
const isActorsOrganisation = (actor: Actor, organisationId: number | null) =>
  organisationId !== null && actor.organisationIds.includes(organisationId);

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Proposing an edit of a commitment (title, summary, area, owners): admins, or editors of an
 * owning organisation. Owners (security review F2): only an editor of the lead organisation may
 * change the supporting organisations, and the lead may change only between organisations the
 * editor belongs to, so an editor of a supporting organisation can neither remove the lead nor
 * hand the commitment to, or act for, another organisation (that is for an admin).
 */
export function canEditCommitment(actor: Actor | null, before: Ownership, after?: Ownership): Decision {
  const scope = canWorkOn(actor, before);
  if (!scope.allowed || !actor || actor.role === "admin" || !after) return scope;
  const ofLead = isActorsOrganisation(actor, before.leadOrganisationId);
  if (after.leadOrganisationId !== before.leadOrganisationId && !(ofLead && isActorsOrganisation(actor, after.leadOrganisationId))) {
    return deny(
      ofLead
        ? "You can only make one of your own organisations the lead. Ask an admin to hand a commitment over to another organisation."
        : "Only an editor of the lead organisation, or an admin, can change the lead organisation.",
    );
  }
  if (!sameIds(after.supportingOrganisationIds, before.supportingOrganisationIds) && !ofLead) {
    return deny("Only an editor of the lead organisation, or an admin, can change the supporting organisations.");
  }
  return ALLOW;
}

/**
 * Publishing a proposal at once, without a second editor (an emergency): admins only. The change
 * is marked "Not yet checked by a second editor" until someone else checks it.
 */
export function canForcePublish(actor: Actor | null, proposal: Pick<ProposalFacts, "state" | "batch">): Decision {
  if (!actor) return deny(SIGN_IN_REQUIRED);
  if (actor.role !== "admin") return deny("Only an admin can publish a change without a second editor.");
  if (proposal.batch) return deny("An import is never an emergency: a second editor must check it.");
  if (proposal.state !== "pending") return deny(`This proposal is ${proposal.state}, so it cannot be published.`);
  return ALLOW;
}

/**
 * Checking a force-published change: a second person, neither the admin who published it nor the
 * author of the proposal, who may work on the commitment.
 */
export function canCheckForced(
  actor: Actor | null,
  forced: { publishedById: number; authorId: number; commitment: Ownership; checked: boolean },
): Decision {
  if (!actor) return deny(SIGN_IN_REQUIRED);
  if (forced.publishedById === actor.id) return deny("You published this change, so a second editor must check it.");
  if (forced.authorId === actor.id) return deny("You proposed this change, so a second editor must check it.");
  const scope = canWorkOn(actor, forced.commitment);
  if (!scope.allowed) return deny("Only editors of an organisation that owns or supports this commitment, or an admin, can check this change.");
  if (forced.checked) return deny("This change has already been checked.");
  return ALLOW;
}

/** Importing a CSV file: any signed-in editor; each row is then checked like the matching form. */
export function canImport(actor: Actor | null): Decision {
  if (!actor) return deny(SIGN_IN_REQUIRED);
  return ALLOW;
}

/** Triage of readers' reports (accept or reject): any signed-in editor or admin. */
export function canTriageReports(actor: Actor | null): Decision {
  if (!actor) return deny(SIGN_IN_REQUIRED);
  return ALLOW;
}

export function canManageUsers(actor: Actor | null): Decision {
  if (!actor) return deny(SIGN_IN_REQUIRED);
  return actor.role === "admin" ? ALLOW : deny("Only admins can manage users.");
}

export function canViewAuditLog(actor: Actor | null): Decision {
  if (!actor) return deny(SIGN_IN_REQUIRED);
  return actor.role === "admin" ? ALLOW : deny("Only admins can read the audit log.");
}

/** An admin changing a user: not their own role or access, so the last admin cannot lock everyone out. */
export function canChangeUser(actor: Actor | null, targetUserId: number, change: { role?: Role; disabled?: boolean }): Decision {
  const manage = canManageUsers(actor);
  if (!manage.allowed || !actor) return manage;
  if (targetUserId === actor.id) {
    if (change.role !== undefined && change.role !== actor.role) return deny("You cannot change your own role. Ask another admin.");
    if (change.disabled) return deny("You cannot disable your own account. Ask another admin.");
  }
  return ALLOW;
}
