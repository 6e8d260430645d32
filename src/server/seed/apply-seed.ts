// Writes a validated dataset in one transaction. Idempotent: records that already exist are
// left as they are, so seeding twice changes nothing, and editors' later work is never touched,
// with one exception: a correction in seeds/corrections.json not yet recorded in the database is
// applied once to a commitment seeded with the earlier data (its title, summary, area and owners,
// as a new published version: nothing is rewritten in place), and recorded. A commitment listed
// in seeds/removed.json is taken off the tracker the same way. A fresh database gets the corrected
// records directly and the same correction and removal entries, so both end in the same public state.
import type { Db } from "../db";
import type { Tx } from "../editor/tx";
import type { SeedDataset } from "./load-seed-files";
import { dayDate, isoDay } from "../../domain/dates";
import { notePublication } from "../editor/tx";

export type SeedSummary = {
  sources: number;
  areas: number;
  organisations: number;
  commitments: number;
  statusUpdates: number;
  deadlineRevisions: number;
  corrections: number;
  removals: number;
};

type SeedRecord = SeedDataset["commitments"][number];

/** Each owner's basis and the commitment's provenance, where not yet recorded. */
async function writeProvenance(tx: Tx, commitmentId: number, c: SeedRecord, source: (key: string) => number, org: (slug: string) => number) {
  const owners = [
    ...(c.lead ? [{ ...c.lead, role: "lead" as const }] : []),
    ...c.jointOwners.map((o) => ({ ...o, role: "joint" as const })),
    ...c.supporting.map((o) => ({ ...o, role: "supporting" as const })),
  ];
  await tx.ownerBasis.createMany({
    data: owners.map((o) => ({
      commitmentId,
      organisationId: org(o.organisation),
      role: o.role,
      sourceId: source(o.source),
      paragraph: o.paragraph,
      quote: o.quote,
    })),
    skipDuplicates: true,
  });
  await tx.commitmentProvenance.upsert({
    where: { commitmentId },
    update: {},
    create: {
      commitmentId,
      areaSourceId: c.areaBasis ? source(c.areaBasis.source) : null,
      areaParagraph: c.areaBasis?.paragraph ?? null,
      areaQuote: c.areaBasis?.quote ?? null,
      announcedLabel: c.announcedLabel,
      notice: c.notice ?? null,
    },
  });
}

export async function applySeed(db: Db, data: SeedDataset): Promise<SeedSummary> {
  return db.$transaction(
    async (tx) => {
      // Describes the version this publishes, if it adds anything (see current_publication() in the migrations).
      await notePublication(tx, "Seed dataset (seeds/)");
      const created: SeedSummary = {
        sources: 0,
        areas: 0,
        organisations: 0,
        commitments: 0,
        statusUpdates: 0,
        deadlineRevisions: 0,
        corrections: 0,
        removals: 0,
      };
      const sourceIds = new Map<string, number>();
      for (const s of data.sources) {
        const existing = await tx.source.findFirst({ where: { url: s.url }, orderBy: { id: "asc" } });
        const row =
          existing ??
          (await tx.source.create({
            data: { url: s.url, publisher: s.publisher, title: s.title, publishedOn: dayDate(s.publishedOn), publishedLabel: s.publishedLabel },
          }));
        if (!existing) created.sources++;
        sourceIds.set(s.key, row.id);
      }
      const areaIds = new Map<string, number>();
      for (const a of data.areas) {
        const existing = await tx.area.findUnique({ where: { slug: a.slug } });
        const row = existing ?? (await tx.area.create({ data: a }));
        if (!existing) created.areas++;
        areaIds.set(a.slug, row.id);
      }
      const orgIds = new Map<string, number>();
      for (const o of data.organisations) {
        const existing = await tx.organisation.findUnique({ where: { slug: o.slug } });
        const row = existing ?? (await tx.organisation.create({ data: { slug: o.slug, name: o.name, abbreviation: o.abbreviation ?? null } }));
        if (!existing) created.organisations++;
        orgIds.set(o.slug, row.id);
      }
      const id = (map: Map<string, number>, key: string) => {
        const value = map.get(key);
        if (value === undefined) throw new Error(`seed reference "${key}" was not created`);
        return value;
      };

      const recorded = new Set((await tx.correction.findMany({ select: { commitmentSlug: true } })).map((r) => r.commitmentSlug));
      const correctionBySlug = new Map((data.corrections?.corrections ?? []).map((c) => [c.slug, c.what]));
      for (const c of data.commitments) {
        const attributes = {
          title: c.title,
          summary: c.summary,
          areaId: id(areaIds, c.area),
          leadOrganisationId: c.lead ? id(orgIds, c.lead.organisation) : null,
        };
        const coOwners = [...c.jointOwners, ...c.supporting].map((o) => id(orgIds, o.organisation));
        let commitment = await tx.commitment.findUnique({ where: { slug: c.slug } });
        const correction = correctionBySlug.get(c.slug);
        if (!commitment) {
          commitment = await tx.commitment.create({
            data: {
              slug: c.slug,
              ...attributes,
              announcedOn: dayDate(c.announcedOn),
              announcedInId: id(sourceIds, c.announcedIn),
              supporters: { create: coOwners.map((organisationId) => ({ organisationId })) },
            },
          });
          created.commitments++;
        } else if (correction && !recorded.has(c.slug)) {
          // Seeded with the earlier data: the correction is published as the next version.
          await tx.commitmentOwner.deleteMany({ where: { commitmentId: commitment.id, organisationId: { notIn: coOwners } } });
          await tx.commitmentOwner.createMany({
            data: coOwners.map((organisationId) => ({ commitmentId: commitment!.id, organisationId })),
            skipDuplicates: true,
          });
          await tx.ownerBasis.deleteMany({ where: { commitmentId: commitment.id } });
          commitment = await tx.commitment.update({ where: { id: commitment.id }, data: { ...attributes, version: { increment: 1 } } });
          created.corrections++;
        }
        const commitmentId = commitment.id;
        if (correction && !recorded.has(c.slug)) {
          await tx.correction.createMany({
            data: correction.map((what) => ({ commitmentSlug: c.slug, what, correctedOn: dayDate(data.corrections!.correctedOn) })),
            skipDuplicates: true,
          });
        }
        await writeProvenance(
          tx,
          commitmentId,
          c,
          (key) => id(sourceIds, key),
          (slug) => id(orgIds, slug),
        );

        const deadlines = [{ ...c.resolvedDeadline, reason: null as string | null, effectiveOn: c.announcedOn }, ...c.resolvedRevisions];
        const existingRevisions = await tx.deadlineRevision.findMany({ where: { commitmentId } });
        for (const d of deadlines) {
          const already = existingRevisions.some(
            (r) => r.label === d.label && r.precision === d.precision && isoDay(r.effectiveOn) === d.effectiveOn,
          );
          if (already) continue;
          await tx.deadlineRevision.create({
            data: {
              commitmentId,
              label: d.label,
              precision: d.precision,
              dueDate: d.dueDate ? dayDate(d.dueDate) : null,
              reason: d.reason,
              sourceId: id(sourceIds, d.source),
              effectiveOn: dayDate(d.effectiveOn),
            },
          });
          created.deadlineRevisions++;
        }

        const existingUpdates = await tx.statusUpdate.findMany({ where: { commitmentId } });
        for (const u of c.updates) {
          const sourceId = id(sourceIds, u.source);
          const confirmedOn = u.confirmedWindow.from;
          const already = existingUpdates.some(
            (e) => e.status === u.status && e.sourceId === sourceId && isoDay(e.confirmedOn) === confirmedOn && e.note === u.note,
          );
          if (already) continue;
          await tx.statusUpdate.create({
            data: {
              commitmentId,
              status: u.status,
              note: u.note,
              sourceId,
              confirmedOn: dayDate(confirmedOn),
              confirmedTo: dayDate(u.confirmedWindow.to),
              confirmedPrecision: u.confirmed.precision,
              confirmedLabel: u.confirmed.label,
              occurredLabel: u.occurred?.label ?? null,
              occurredPrecision: u.occurred?.precision ?? null,
              occurredFrom: u.occurredWindow ? dayDate(u.occurredWindow.from) : null,
              occurredTo: u.occurredWindow ? dayDate(u.occurredWindow.to) : null,
            },
          });
          created.statusUpdates++;
        }
      }
      for (const r of data.removals) {
        const existing = await tx.commitment.findUnique({ where: { slug: r.slug } });
        if (existing && existing.removalReason === null) {
          await tx.commitment.update({ where: { id: existing.id }, data: { removalReason: r.reason, version: { increment: 1 } } });
        }
        const removal = await tx.commitmentRemoval.findUnique({ where: { slug: r.slug } });
        if (!removal) {
          await tx.commitmentRemoval.create({ data: { slug: r.slug, title: r.title, reason: r.reason, removedOn: dayDate(r.removedOn) } });
          created.removals++;
        }
      }
      return created;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
