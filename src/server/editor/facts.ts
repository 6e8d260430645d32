// Loading the facts the permission rules need (owners, authors, states), inside a transaction.
import type { Ownership, ProposalFacts, ProposalState } from "../../domain/permissions";
import type { ProposalKind } from "../../generated/prisma/client";
import { commitmentCreatePayloadSchema } from "../../schemas/editor";
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
  kind: ProposalKind;
  version: number;
  payload: unknown;
  /** Null for a new commitment not yet published. */
  commitmentId: number | null;
  commitmentSlug: string;
  commitmentAnnouncedOn: string;
  reviewerName: string | null;
};

/** Owners, slug and announcement of a proposed new commitment, from its payload. */
function proposedCommitment(payload: unknown): { slug: string; announcedOn: string; ownership: Ownership } {
  const parsed = commitmentCreatePayloadSchema.safeParse(payload);
  if (!parsed.success) return { slug: "", announcedOn: "", ownership: { leadOrganisationId: 0, supportingOrganisationIds: [] } };
  return { slug: parsed.data.slug, announcedOn: parsed.data.announcedOn, ownership: parsed.data.ownership };
}

export async function loadProposalFacts(tx: Tx, id: number): Promise<LoadedProposal | null> {
  const p = await tx.proposal.findUnique({
    where: { id },
    include: {
      reviewer: { select: { name: true } },
      commitment: { select: { id: true, slug: true, announcedOn: true, leadOrganisationId: true, supporters: { select: { organisationId: true } } } },
    },
  });
  if (!p) return null;
  const c = p.commitment;
  const proposed = c ? null : proposedCommitment(p.payload);
  return {
    id: p.id,
    kind: p.kind,
    state: p.state as ProposalState,
    version: p.version,
    payload: p.payload,
    authorId: p.authorId,
    commitmentId: c?.id ?? null,
    commitmentSlug: c?.slug ?? proposed!.slug,
    commitmentAnnouncedOn: c ? isoDay(c.announcedOn) : proposed!.announcedOn,
    reviewerName: p.reviewer?.name ?? null,
    commitment: c
      ? { leadOrganisationId: c.leadOrganisationId, supportingOrganisationIds: c.supporters.map((s) => s.organisationId) }
      : proposed!.ownership,
  };
}
