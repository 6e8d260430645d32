// Who owns a commitment, as far as published sources say (issue 12, ADR 0012). An owner is shown
// only with its basis: a source names it (that citation is kept with it). When no source names a
// lead, the tracker says so in these words and attributes the commitment to no one.

export const LEAD_NOT_NAMED = "Lead organisation not named in published sources";

/** Lead; joint (named together with others, none ranked above another); supporting. */
export const OWNER_ROLES = ["lead", "joint", "supporting"] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number];

/** An organisation's part in a commitment, as a noun phrase. */
export const OWNER_ROLE_NOUNS: Record<OwnerRole, string> = {
  lead: "Lead owner",
  joint: "Owner named jointly",
  supporting: "Supporting owner",
};

/** What a page says about a commitment's placement when no article states its area. */
export const AREA_NOT_STATED = "No published source places this commitment in an area: the placement is the tracker’s.";

/** How a lead-less commitment is described: jointly named owners, or no lead named at all. */
export function leadDescription(owners: readonly { name: string; role: OwnerRole }[]): string {
  const lead = owners.find((o) => o.role === "lead");
  if (lead) return lead.name;
  const joint = owners.filter((o) => o.role === "joint").map((o) => o.name);
  if (joint.length > 1) return `Named jointly: ${joint.slice(0, -1).join(", ")} and ${joint.at(-1)}`;
  return LEAD_NOT_NAMED;
}
