// From query results to the public shapes of src/schemas/api.ts. Each function parses its
// output with the schema, so nothing leaves the server in a shape the OpenAPI document does not
// describe (and internal fields such as database ids and versions are dropped).
import type { WordingChange } from "../queries/wording";
import { publicStatusDefinition, statusLabel } from "../../domain/status";
import { leadDescription } from "../../domain/ownership";
import type { ChangeEntry, CommitmentSummary, DeadlineRevisionEntry, StatusUpdateEntry } from "../queries/types";
import type { AreaProgress } from "../queries/overview";
import {
  areaSchema,
  changeSchema,
  commitmentSchema,
  organisationSchema,
  type ApiArea,
  type ApiChange,
  type ApiCommitment,
  type ApiOrganisation,
} from "../../schemas/api";

export const apiBase = (origin: string) => `${origin}/api/v1`;

/** An absolute URL with query parameters (repeated for arrays; empty values left out). */
export function urlWith(base: string, params: Record<string, string | number | boolean | readonly string[] | undefined | null> = {}): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(v));
  }
  return url.toString();
}

const commitmentLinks = (origin: string, slug: string) => ({
  self: `${apiBase(origin)}/commitments/${encodeURIComponent(slug)}`,
  html: `${origin}/commitments/${encodeURIComponent(slug)}`,
});

/** Stable public identifier of a change: history rows are append-only, so ids never change. */
const changeId = (kind: ChangeEntry["kind"], id: number) => `${kind === "status_update" ? "status-update" : "deadline-revision"}-${id}`;

export function toApiCommitment(c: CommitmentSummary, origin: string): ApiCommitment {
  return commitmentSchema.parse({
    slug: c.slug,
    title: c.title,
    summary: c.summary,
    area: c.area,
    owners: c.owners.map((o) => ({
      slug: o.slug,
      name: o.name,
      abbreviation: o.abbreviation,
      lead: o.lead,
      role: o.role,
      basis: o.basis,
    })),
    lead: { named: c.owners.some((o) => o.lead), statement: leadDescription(c.owners) },
    areaBasis: c.areaBasis ?? null,
    notice: c.notice,
    announcedLabel: c.announcedLabel,
    deadline: c.deadline,
    status: {
      code: c.status.code,
      label: publicStatusDefinition(c.status.code).sentence,
      reported: c.status.reported,
      confirmedOn: c.status.confirmedOn,
      confirmed: c.status.confirmed,
      occurred: c.status.occurred,
      effectiveOn: c.status.effectiveOn,
      publishedAt: c.status.publishedAt,
      version: c.status.version,
    },
    overdue: c.overdue,
    daysOverdue: c.daysOverdue,
    daysUntilDue: c.daysUntilDue,
    deliveredLate: c.deliveredLate,
    daysLate: c.daysLate,
    daysLateMax: c.lateness?.maxDays ?? 0,
    delivery: c.delivery,
    lateness: c.lateness,
    pending: c.pending
      ? {
          status: { code: c.pending.code, label: statusLabel(c.pending.code) },
          confirmed: c.pending.confirmed,
          occurred: c.pending.occurred,
          window: c.pending.window,
        }
      : null,
    missed: c.missed,
    missedDeadlines: c.missedDeadlines,
    revisionsCount: c.revisionsCount,
    announcedOn: c.announcedOn,
    links: commitmentLinks(origin, c.slug),
  });
}

type CommitmentRef = { slug: string; title: string; area: { slug: string; title: string } };

function historyFields(e: StatusUpdateEntry | DeadlineRevisionEntry) {
  const common = { id: changeId(e.kind, e.id), date: e.date, publishedAt: e.publishedAt, version: e.version };
  const source = (s: NonNullable<DeadlineRevisionEntry["source"]>) => ({
    title: s.title,
    publisher: s.publisher,
    url: s.url,
    publishedOn: s.publishedOn,
    publishedLabel: s.publishedLabel,
  });
  if (e.kind === "status_update") {
    return {
      kind: e.kind,
      ...common,
      status: { code: e.status, label: statusLabel(e.status) },
      note: e.note,
      source: source(e.source),
      confirmed: e.confirmed,
      occurred: e.occurred,
      effectiveOn: e.effectiveOn,
    };
  }
  return {
    kind: e.kind,
    ...common,
    original: e.original,
    label: e.label,
    precision: e.precision,
    dueDate: e.dueDate,
    previous: e.previous,
    slipDays: e.slipDays,
    reason: e.reason,
    source: e.source ? source(e.source) : null,
  };
}

export function toApiChange(e: (StatusUpdateEntry | DeadlineRevisionEntry) & { commitment: CommitmentRef }, origin: string): ApiChange {
  const commitment = {
    slug: e.commitment.slug,
    title: e.commitment.title,
    area: e.commitment.area,
    links: commitmentLinks(origin, e.commitment.slug),
  };
  return changeSchema.parse({ ...historyFields(e), commitment });
}

/** A timeline entry without its commitment (inside a commitment's own history). */
export function toApiHistoryEntry(e: StatusUpdateEntry | DeadlineRevisionEntry) {
  return historyFields(e);
}

export function toApiArea(
  area: { slug: string; title: string; summary: string; position: number },
  progress: AreaProgress | undefined,
  origin: string,
): ApiArea {
  return areaSchema.parse({
    slug: area.slug,
    title: area.title,
    summary: area.summary,
    position: area.position,
    counts: {
      total: progress?.total ?? 0,
      overdue: progress?.overdue ?? 0,
      byStatus: progress?.counts ?? { not_started: 0, in_progress: 0, at_risk: 0, delivered: 0, delivered_differently: 0, dropped: 0 },
    },
    links: {
      html: `${origin}/areas/${encodeURIComponent(area.slug)}`,
      commitments: urlWith(`${apiBase(origin)}/commitments`, { area: area.slug }),
      feed: urlWith(`${origin}/changes.atom`, { area: area.slug }),
    },
  });
}

export function toApiOrganisation(
  o: { slug: string; name: string; abbreviation: string | null; leads: number; supports: number },
  origin: string,
): ApiOrganisation {
  return organisationSchema.parse({
    slug: o.slug,
    name: o.name,
    abbreviation: o.abbreviation,
    leads: o.leads,
    supports: o.supports,
    links: {
      html: `${origin}/organisations/${encodeURIComponent(o.slug)}`,
      commitments: urlWith(`${apiBase(origin)}/commitments`, { organisation: o.slug }),
    },
  });
}

/** A wording change in a commitment's own history. */
export function toApiWordingChange(w: WordingChange) {
  return {
    id: `wording-${w.id}`,
    version: w.version,
    publishedAt: w.publishedAt,
    title: w.title,
    summary: w.summary,
    reason: w.reason,
    source: w.source
      ? {
          title: w.source.title,
          publisher: w.source.publisher,
          url: w.source.url,
          publishedOn: w.source.publishedOn,
          publishedLabel: w.source.publishedLabel,
        }
      : null,
  };
}
