// A database seeded with the earlier data reaches the corrected dataset as published corrections
// (new versions: nothing rewritten in place), a fresh database seeds directly, and both end in the
// same public state. Removed commitments answer as removed, and an earlier version still shows them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { migrate } from "../../src/runtime/migrate";
import { runSeed } from "../../src/server/seed/run-seed";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { getCommitmentSummary, listCommitments } from "../../src/server/queries/commitments";
import { getRemoval, listCorrections } from "../../src/server/queries/corrections";

const AS_OF = "2026-11-21";
const CORRECTED = "assurance-for-all-spending-controls";
const REMOVED = "ai-accelerator-expansion";

/** seeds/ as it might have been before the re-audit: one record with a guessed lead and another title, one removed record still tracked, no corrections. */
function earlierSeeds(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-earlier-seeds-"));
  fs.cpSync("seeds", dir, { recursive: true });
  fs.rmSync(path.join(dir, "corrections.json"));
  fs.rmSync(path.join(dir, "removed.json"));
  const file = path.join(dir, "commitments", "funding-and-procurement.json");
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  const record = data.commitments.find((c: { slug: string }) => c.slug === CORRECTED);
  const [gds, hmt] = record.jointOwners;
  Object.assign(record, { title: "Apply digital assurance to every spending control", lead: gds, jointOwners: [], supporting: [hmt] });
  fs.writeFileSync(file, JSON.stringify(data));
  const ai = path.join(dir, "commitments", "ai-for-the-public-good.json");
  const aiData = JSON.parse(fs.readFileSync(ai, "utf8"));
  aiData.commitments.push({
    ...aiData.commitments[0],
    slug: REMOVED,
    title: "Expand the AI Accelerator programme",
    lead: null,
    jointOwners: [],
    supporting: [],
    updates: [],
  });
  fs.writeFileSync(ai, JSON.stringify(aiData));
  return dir;
}

async function publicState(database: TestDatabase) {
  const { items } = await listCommitments(database.db, { asOf: AS_OF }, "all");
  const corrections = await listCorrections(database.db);
  return {
    commitments: items.map((c) => ({
      slug: c.slug,
      title: c.title,
      summary: c.summary,
      owners: c.owners,
      status: c.status.code,
      deadline: c.deadline,
    })),
    corrections: corrections.corrections.map((c) => ({ slug: c.slug, what: c.what, correctedOn: c.correctedOn })),
    removals: corrections.removals.map((r) => ({ slug: r.slug, reason: r.reason, removedOn: r.removedOn })),
  };
}

describe("the dataset corrections", () => {
  it("bring a database seeded with the earlier data to what a fresh seed gives, as new published versions", async () => {
    const fresh = await createTestDatabase({ empty: true });
    const earlier = await createTestDatabase({ empty: true });
    const dir = earlierSeeds();
    try {
      await migrate(fresh.url);
      await runSeed(fresh.url);
      await migrate(earlier.url);
      await runSeed(earlier.url, dir);
      const before = await getCommitmentSummary(earlier.db, CORRECTED, AS_OF);
      expect(before?.owners.map((o) => [o.slug, o.role])).toEqual([
        ["government-digital-service", "lead"],
        ["hm-treasury", "supporting"],
      ]);
      expect((await getCommitmentSummary(earlier.db, REMOVED, AS_OF))?.title).toBe("Expand the AI Accelerator programme");
      const seededVersion = (await earlier.db.publication.aggregate({ _max: { version: true } }))._max.version!;

      const summary = await runSeed(earlier.url);
      expect(summary.corrections).toBeGreaterThan(0);
      expect(summary.removals).toBe(2);

      // The same public state as a fresh seed: commitments, owners, statuses, corrections and removals.
      expect(await publicState(earlier)).toEqual(await publicState(fresh));
      const after = await getCommitmentSummary(earlier.db, CORRECTED, AS_OF);
      expect(after?.owners.map((o) => [o.slug, o.role])).toEqual([
        ["government-digital-service", "joint"],
        ["hm-treasury", "joint"],
      ]);
      // Nothing rewritten in place: the version before the correction still shows what was published then.
      const then = await getCommitmentSummary(earlier.db, CORRECTED, AS_OF, seededVersion);
      expect(then?.title).toBe("Apply digital assurance to every spending control");
      expect(then?.owners.find((o) => o.lead)?.slug).toBe("government-digital-service");
      // Removed: gone from the record now, with why; still there at the earlier version.
      expect(await getCommitmentSummary(earlier.db, REMOVED, AS_OF)).toBeNull();
      expect((await getRemoval(earlier.db, REMOVED))?.reason).toMatch(/^No article states the AI Accelerator expansion/);
      expect((await getCommitmentSummary(earlier.db, REMOVED, AS_OF, seededVersion))?.title).toBe("Expand the AI Accelerator programme");
      const revisions = await earlier.db.commitmentRevision.findMany({ where: { commitment: { slug: CORRECTED } }, orderBy: { version: "asc" } });
      expect(revisions.map((r) => r.title)).toEqual(["Apply digital assurance to every spending control", after!.title]);

      // Applied once: seeding again changes nothing.
      const versions = await earlier.db.publication.count();
      const again = await runSeed(earlier.url);
      expect(again.corrections + again.removals + again.commitments).toBe(0);
      expect(await earlier.db.publication.count()).toBe(versions);
    } finally {
      await fresh.drop();
      await earlier.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
