// Loading the facts the permission rules need (owners, authors, states), inside a transaction.
import type { Ownership, ProposalFacts, ProposalState } from "../../domain/permissions";
import type { Tx } from "./tx";
import { isoDay } from "../../domain/dates";

export type CommitmentFacts = {
  id: number;
  slug: string;
  title: string;
  announcedOn: string;
  version: number;
  ownership: Ownership;
};

export async function loadCommitmentFacts(tx: Tx, where: { id: number } | { slug: string }): Promise<CommitmentFacts | null> {
  const c = await tx.commitment.findUnique({
    where,
    select: {
      id: true,
      slug: true,
      title: true,
      announcedOn: true,
      version: true,
      leadOrganisationId: true,
      supporters: { select: { organisationId: true } },
    },
  });
  if (!c) return null;
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    announcedOn: isoDay(c.announcedOn),
    version: c.version,
    ownership: { leadOrganisationId: c.leadOrganisationId, supportingOrganisationIds: c.supporters.map((s) => s.organisationId) },
  };
}

export type LoadedProposal = ProposalFacts & {
  id: number;
  kind: "status_update" | "deadline_revision";
  version: number;
  payload: unknown;
  commitmentId: number;
  commitmentSlug: string;
  commitmentAnnouncedOn: string;
  reviewerName: string | null;
};

export async function loadProposalFacts(tx: Tx, id: number): Promise<LoadedProposal | null> {
  const p = await tx.proposal.findUnique({
    where: { id },
    include: {
      reviewer: { select: { name: true } },
      commitment: { select: { id: true, slug: true, announcedOn: true, leadOrganisationId: true, supporters: { select: { organisationId: true } } } },
    },
  });
  if (!p) return null;
  return {
    id: p.id,
    kind: p.kind,
    state: p.state as ProposalState,
    version: p.version,
    payload: p.payload,
    authorId: p.authorId,
    commitmentId: p.commitment.id,
    commitmentSlug: p.commitment.slug,
    commitmentAnnouncedOn: isoDay(p.commitment.announcedOn),
    reviewerName: p.reviewer?.name ?? null,
    commitment: {
      leadOrganisationId: p.commitment.leadOrganisationId,
      supportingOrganisationIds: p.commitment.supporters.map((s) => s.organisationId),
    },
  };
}
