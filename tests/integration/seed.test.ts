import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { migrate } from "../../src/runtime/migrate";
import { runSeed } from "../../src/server/seed/run-seed";
import { SeedError, loadSeedFiles } from "../../src/server/seed/load-seed-files";
import { createTestDatabase, useTestDatabase } from "../helpers/test-database";

const seeded = useTestDatabase();

async function counts(db: Awaited<ReturnType<typeof seeded.get>>["db"]) {
  return {
    areas: await db.area.count(),
    organisations: await db.organisation.count(),
    sources: await db.source.count(),
    commitments: await db.commitment.count(),
    owners: await db.commitmentOwner.count(),
    statusUpdates: await db.statusUpdate.count(),
    deadlineRevisions: await db.deadlineRevision.count(),
    versions: await db.publication.count(),
  };
}

function copySeeds(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-seeds-"));
  fs.cpSync("seeds", dir, { recursive: true });
  return dir;
}

describe("the seed", () => {
  it("loads the real dataset: six areas, at least 40 commitments, every update sourced", async () => {
    const { db } = await seeded.get();
    const c = await counts(db);
    expect(c.areas).toBe(6);
    expect(c.commitments).toBeGreaterThanOrEqual(40);
    const updates = await db.statusUpdate.findMany({ include: { source: true } });
    for (const update of updates) {
      expect(update.source.url).toMatch(/^https?:\/\//);
      expect(update.note.length).toBeGreaterThan(10);
    }
    const withoutDeadline = await db.commitment.count({ where: { deadlineRevisions: { none: {} } } });
    expect(withoutDeadline).toBe(0);
    // One publish: the whole dataset is version 1, with a revision of every commitment.
    expect(c.versions).toBe(1);
    expect(await db.commitmentRevision.count({ where: { version: 1 } })).toBe(c.commitments);
    expect(updates.every((u) => u.version === 1 && u.publishedAt.getTime() === updates[0]!.publishedAt.getTime())).toBe(true);
  });

  it("keeps each update's dates with their precision: confirmed June 2026, occurred where the article says", async () => {
    const { db } = await seeded.get();
    const updates = await db.statusUpdate.findMany({ include: { commitment: { select: { slug: true } } } });
    for (const u of updates) {
      expect([u.confirmedLabel, u.confirmedPrecision, u.confirmedOn.toISOString().slice(0, 10), u.confirmedTo.toISOString().slice(0, 10)]).toEqual([
        "June 2026",
        "month",
        "2026-06-01",
        "2026-06-30",
      ]);
    }
    const pilot = updates.find((u) => u.commitment.slug === "gov-uk-app-local-services-pilot")!;
    expect([
      pilot.occurredLabel,
      pilot.occurredPrecision,
      pilot.occurredFrom?.toISOString().slice(0, 10),
      pilot.effectiveOn.toISOString().slice(0, 10),
    ]).toEqual(["in March", "month", "2026-03-01", "2026-03-31"]);
    expect(updates.filter((u) => u.occurredLabel === null).every((u) => u.effectiveOn.toISOString().startsWith("2026-06-30"))).toBe(true);
  });

  it("refuses an update that happened after it was confirmed", () => {
    const dir = copySeeds();
    try {
      const file = path.join(dir, "commitments", "join-up-public-services.json");
      const data = JSON.parse(fs.readFileSync(file, "utf8"));
      const commitment = data.commitments.find((c: { updates: unknown[] }) => c.updates.length > 0);
      commitment.updates[0].occurred = { label: "July 2026", precision: "month", paragraph: commitment.updates[0].paragraph };
      fs.writeFileSync(file, JSON.stringify(data));
      expect(() => loadSeedFiles(dir)).toThrow(/field "updates.0.occurred.label": “July 2026” begins after the evidence that confirms it/);
      expect(() => loadSeedFiles(dir)).toThrow(/field "updates.0.occurred.label": “July 2026” is not in csw-six-months-on paragraph/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an owner whose quotation is not in its cited paragraph, an owner without a basis, and a deadline label not in its paragraph", () => {
    const dir = copySeeds();
    try {
      const file = path.join(dir, "commitments", "join-up-public-services.json");
      const data = JSON.parse(fs.readFileSync(file, "utf8"));
      const led = data.commitments.find((c: { lead: unknown }) => c.lead !== null);
      led.lead = { ...led.lead, quote: "Leading this work will be the Ministry of Magic" };
      const dated = data.commitments.find((c: { deadline: { paragraph?: number } }) => c.deadline.paragraph !== undefined);
      dated.deadline = { ...dated.deadline, paragraph: dated.deadline.paragraph + 1 };
      fs.writeFileSync(file, JSON.stringify(data));
      // An owner with no basis: the file's schema refuses it.
      const otherFile = path.join(dir, "commitments", "ai-for-the-public-good.json");
      const otherData = JSON.parse(fs.readFileSync(otherFile, "utf8"));
      const other = otherData.commitments.find((c: { lead: unknown }) => c.lead === null);
      other.lead = { organisation: "cabinet-office" };
      fs.writeFileSync(otherFile, JSON.stringify(otherData));
      const message = (() => {
        try {
          loadSeedFiles(dir);
          return "";
        } catch (e) {
          return (e as Error).message;
        }
      })();
      expect(message).toContain(`(${led.slug}) › field "lead": “Leading this work will be the Ministry of Magic” is not in`);
      expect(message).toMatch(new RegExp(`\\(${other.slug}\\) › field "lead.source"`));
      expect(message).toMatch(new RegExp(`\\(${dated.slug}\\) › field "deadline.label": “${dated.deadline.label}” is not in`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a status the rules contradict on its own dates: in progress confirmed after the deadline passed undelivered", () => {
    const dir = copySeeds();
    try {
      const file = path.join(dir, "commitments", "ai-for-the-public-good.json");
      const data = JSON.parse(fs.readFileSync(file, "utf8"));
      const late = data.commitments.find((c: { updates: { status: string }[] }) => c.updates.some((u) => u.status === "at_risk"));
      const i = late.updates.findIndex((u: { status: string }) => u.status === "at_risk");
      late.updates[i].status = "in_progress";
      // And progress taken from an article about the launch.
      const other = data.commitments.find((c: { slug: string }) => c.slug !== late.slug);
      other.updates.push({
        ...late.updates[i],
        source: "ggf-roadmap-unveiled",
        paragraph: 5,
        confirmed: { label: "19 January 2026", precision: "day" },
      });
      fs.writeFileSync(file, JSON.stringify(data));
      expect(() => loadSeedFiles(dir)).toThrow(
        new RegExp(`\\(${late.slug}\\) › field "updates.${i}.status": “in_progress” confirmed June 2026, after the deadline passed undelivered`),
      );
      expect(() => loadSeedFiles(dir)).toThrow(
        /ggf-roadmap-unveiled was published by the announcement \(19 January 2026\): it describes plans, not progress/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("changes nothing when run twice", async () => {
    const { db, url } = await seeded.get();
    const before = await counts(db);
    const summary = await runSeed(url);
    expect(summary).toEqual({
      sources: 0,
      areas: 0,
      organisations: 0,
      commitments: 0,
      statusUpdates: 0,
      deadlineRevisions: 0,
      corrections: 0,
      removals: 0,
    });
    expect(await counts(db)).toEqual(before);
  });

  it("stops on a bad record, naming file, record and field, and writes nothing", async () => {
    const dir = copySeeds();
    const file = path.join(dir, "commitments", fs.readdirSync(path.join(dir, "commitments"))[0]!);
    const data = JSON.parse(fs.readFileSync(file, "utf8"));
    data.commitments[1].deadline.precision = "fortnight";
    fs.writeFileSync(file, JSON.stringify(data));

    const empty = await createTestDatabase({ empty: true });
    try {
      await migrate(empty.url);
      const error = await runSeed(empty.url, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeedError);
      const message = (error as SeedError).message;
      expect(message).toContain(`commitments/${path.basename(file)}`);
      expect(message).toContain(`record 1 (${data.commitments[1].slug})`);
      expect(message).toContain(`field "deadline.precision"`);
      expect(await counts(empty.db)).toEqual({
        areas: 0,
        organisations: 0,
        sources: 0,
        commitments: 0,
        owners: 0,
        statusUpdates: 0,
        deadlineRevisions: 0,
        versions: 0,
      });
    } finally {
      await empty.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports references to things that do not exist, and labels that do not match their precision", () => {
    const dir = copySeeds();
    try {
      const file = path.join(dir, "commitments", fs.readdirSync(path.join(dir, "commitments"))[0]!);
      const data = JSON.parse(fs.readFileSync(file, "utf8"));
      data.commitments[0].lead = { organisation: "ministry-of-magic", source: "csw-six-months-on", paragraph: 5, quote: "Leading this work" };
      data.commitments[0].deadline = { ...data.commitments[0].deadline, label: "summer 2026", precision: "month" };
      fs.writeFileSync(file, JSON.stringify(data));
      expect(() => loadSeedFiles(dir)).toThrow(/organisation "ministry-of-magic" is not in organisations.json/);
      expect(() => loadSeedFiles(dir)).toThrow(/field "deadline.label"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
