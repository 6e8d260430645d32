// Loading the facts the permission rules need (owners, authors, states), inside a transaction.
import type { Ownership, ProposalFacts, ProposalState } from "../../domain/permissions";
import type { ProposalKind } from "../../generated/prisma/client";
import { commitmentCreatePayloadSchema, commitmentImportPayloadSchema } from "../../schemas/editor";
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

const NOBODY: Ownership = { leadOrganisationId: 0, supportingOrganisationIds: [] };

/** Owners, slug and announcement of a proposed new commitment (or a file of them), from its payload. */
export function proposedCommitment(payload: unknown): { slug: string; announcedOn: string; ownership: Ownership; batch?: Ownership[] } {
  const one = commitmentCreatePayloadSchema.safeParse(payload);
  if (one.success) return { slug: one.data.slug, announcedOn: one.data.announcedOn, ownership: one.data.ownership };
  const file = commitmentImportPayloadSchema.safeParse(payload);
  if (file.success) return { slug: "", announcedOn: "", ownership: file.data.rows[0]!.ownership, batch: file.data.rows.map((r) => r.ownership) };
  return { slug: "", announcedOn: "", ownership: NOBODY };
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
    ...(proposed?.batch ? { batch: proposed.batch } : {}),
  };
}
