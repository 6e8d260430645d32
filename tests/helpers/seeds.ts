// The seed dataset, read from seeds/ so tests follow the data rather than hard-coding it.
import fs from "node:fs";
import path from "node:path";

type SeedCommitment = {
  slug: string;
  title: string;
  lead: { organisation: string } | null;
  deadline: { label: string; precision: string };
  updates: { status: string; occurred?: { label: string } }[];
};

export const seedAreas = JSON.parse(fs.readFileSync(path.resolve("seeds/areas.json"), "utf8")) as { slug: string; title: string }[];
export const seedSources = JSON.parse(fs.readFileSync(path.resolve("seeds/sources.json"), "utf8")) as { url: string }[];
export const seedCommitments: (SeedCommitment & { area: string })[] = fs
  .readdirSync("seeds/commitments")
  .sort()
  .flatMap((f) => {
    const file = JSON.parse(fs.readFileSync(path.join("seeds/commitments", f), "utf8")) as { area: string; commitments: SeedCommitment[] };
    return file.commitments.map((c) => ({ ...c, area: file.area }));
  });
