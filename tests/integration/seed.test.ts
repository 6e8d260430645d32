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
      commitment.updates[0].occurred = { label: "July 2026", precision: "month" };
      fs.writeFileSync(file, JSON.stringify(data));
      expect(() => loadSeedFiles(dir)).toThrow(/field "updates.0.occurred.label": “July 2026” begins after the evidence that confirms it/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("changes nothing when run twice", async () => {
    const { db, url } = await seeded.get();
    const before = await counts(db);
    const summary = await runSeed(url);
    expect(summary).toEqual({ sources: 0, areas: 0, organisations: 0, commitments: 0, statusUpdates: 0, deadlineRevisions: 0 });
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
      data.commitments[0].lead = "ministry-of-magic";
      data.commitments[0].deadline = { ...data.commitments[0].deadline, label: "summer 2026", precision: "month" };
      fs.writeFileSync(file, JSON.stringify(data));
      expect(() => loadSeedFiles(dir)).toThrow(/organisation "ministry-of-magic" is not in organisations.json/);
      expect(() => loadSeedFiles(dir)).toThrow(/field "deadline.label"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
