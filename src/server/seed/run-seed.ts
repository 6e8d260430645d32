import { createPrismaClient } from "../db";
import { applySeed, type SeedSummary } from "./apply-seed";
import { DEFAULT_SEED_DIR, loadSeedFiles } from "./load-seed-files";

/** Validates seeds/ completely, then writes what is missing in one transaction. */
export async function runSeed(url: string, dir = DEFAULT_SEED_DIR): Promise<SeedSummary> {
  const data = loadSeedFiles(dir);
  const db = createPrismaClient(url);
  try {
    return await applySeed(db, data);
  } finally {
    await db.$disconnect();
  }
}
