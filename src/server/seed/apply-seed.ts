// Writes a validated dataset in one transaction. Idempotent: records that already exist are
// left as they are, so seeding twice changes nothing, and editors' later work is never touched.
import type { Db } from "../db";
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
};

export async function applySeed(db: Db, data: SeedDataset): Promise<SeedSummary> {
  return db.$transaction(
    async (tx) => {
      // Describes the version this publishes, if it adds anything (see current_publication() in the migrations).
      await notePublication(tx, "Seed dataset (seeds/)");
      const created: SeedSummary = { sources: 0, areas: 0, organisations: 0, commitments: 0, statusUpdates: 0, deadlineRevisions: 0 };
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

      for (const c of data.commitments) {
        let commitment = await tx.commitment.findUnique({ where: { slug: c.slug } });
        if (!commitment) {
          commitment = await tx.commitment.create({
            data: {
              slug: c.slug,
              title: c.title,
              summary: c.summary,
              announcedOn: dayDate(c.announcedOn),
              areaId: id(areaIds, c.area),
              leadOrganisationId: id(orgIds, c.lead),
              announcedInId: id(sourceIds, c.announcedIn),
              supporters: { create: c.supporting.map((slug) => ({ organisationId: id(orgIds, slug) })) },
            },
          });
          created.commitments++;
        }
        const commitmentId = commitment.id;

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
      return created;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
