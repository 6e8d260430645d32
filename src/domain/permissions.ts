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
 * Creating a commitment: admins, or editors when one of their organisations is among its owners
 * (an editor cannot create work for organisations they do not belong to).
 */
export function canCreateCommitment(actor: Actor | null, ownership: Ownership): Decision {
  if (!actor) return deny(SIGN_IN_REQUIRED);
  if (actor.role === "admin") return ALLOW;
  if (belongsToOwner(actor, ownership)) return ALLOW;
  return deny("One of your organisations must be the lead or a supporting owner of a commitment you create.");
}

/**
 * Editing a commitment (title, summary, area, owners): admins, or editors of an owning
 * organisation, who must keep one of their organisations among the owners (handing a commitment
 * over entirely to other organisations is for an admin).
 */
export function canEditCommitment(actor: Actor | null, before: Ownership, after?: Ownership): Decision {
  const scope = canWorkOn(actor, before);
  if (!scope.allowed || !actor || actor.role === "admin") return scope;
  if (after && !belongsToOwner(actor, after)) {
    return deny("Keep one of your organisations as the lead or a supporting owner. Ask an admin to hand a commitment over to other organisations.");
  }
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
