// Reads seeds/ and validates every record before anything touches the database. Any problem
// is reported as "file › record › field: message". This is the one set of rules for the dataset:
// `npm start` loads with it, and scripts/ops/check-seeds.ts reports with it.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import {
  seedAreaSchema,
  seedCommitmentFileSchema,
  seedOrganisationSchema,
  seedSourceSchema,
  type SeedArea,
  type SeedCommitment,
  type SeedOrganisation,
  type SeedSource,
} from "../../schemas/seed";
import { resolveDeadline } from "../../domain/deadline";
import { ConfigError } from "../../runtime/env";
import { resolveOccurrence, resolvePastDate, type DateWindow } from "../../domain/occurrence";

/** Bad seed data is the operator's to fix: the command line prints it as one message (src/runtime/cli.ts). */
export class SeedError extends ConfigError {
  constructor(readonly problems: string[]) {
    super(`The seed data has ${problems.length} problem(s); nothing was written:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

type ResolvedDeadline = { label: string; precision: SeedCommitment["deadline"]["precision"]; dueDate: string | null; source: string };
type SeedUpdate = SeedCommitment["updates"][number];
/** A status update with its dates read into windows. */
type ResolvedUpdate = SeedUpdate & { confirmedWindow: DateWindow; occurredWindow: DateWindow | null };

/**
 * Reads an update's dates: the confirmation looking back from the source's publication date, and
 * when it happened looking back from the end of the confirmation. Problems are returned as text.
 */
function resolveSeedUpdate(
  update: SeedUpdate,
  source: SeedSource,
): { ok: true; value: ResolvedUpdate } | { ok: false; field: string; error: string } {
  const confirmed = resolvePastDate(update.confirmed.label, update.confirmed.precision, source.publishedOn);
  if (!confirmed.ok) return { ok: false, field: "confirmed.label", error: confirmed.error };
  if (confirmed.window.from > source.publishedOn) {
    return {
      ok: false,
      field: "confirmed.label",
      error: `confirmed “${update.confirmed.label}”, after its source was published (${source.publishedOn})`,
    };
  }
  let occurredWindow: DateWindow | null = null;
  if (update.occurred) {
    const occurred = resolveOccurrence(update.occurred.label, update.occurred.precision, confirmed.window);
    if (!occurred.ok) return { ok: false, field: "occurred.label", error: occurred.error };
    occurredWindow = occurred.window;
  }
  return { ok: true, value: { ...update, confirmedWindow: confirmed.window, occurredWindow } };
}
export type SeedDataset = {
  sources: SeedSource[];
  areas: SeedArea[];
  organisations: SeedOrganisation[];
  commitments: (Omit<SeedCommitment, "updates"> & {
    area: string;
    file: string;
    resolvedDeadline: ResolvedDeadline;
    resolvedRevisions: (ResolvedDeadline & { reason: string; effectiveOn: string })[];
    updates: ResolvedUpdate[];
  })[];
};

export const DEFAULT_SEED_DIR = path.resolve(process.cwd(), "seeds");

function readJson(file: string, dir: string, problems: string[]): unknown {
  const full = path.join(dir, file);
  try {
    return JSON.parse(fs.readFileSync(full, "utf8"));
  } catch (error) {
    problems.push(`${file}: cannot be read as JSON (${(error as Error).message})`);
    return undefined;
  }
}

function recordName(data: unknown, index: number | undefined): string {
  if (index === undefined) return "";
  const record = Array.isArray(data) ? data[index] : undefined;
  const key =
    record && typeof record === "object" ? ((record as Record<string, unknown>).slug ?? (record as Record<string, unknown>).key) : undefined;
  return typeof key === "string" ? `record ${index} (${key})` : `record ${index}`;
}

function describeIssues(file: string, data: unknown, error: z.ZodError, listPath: (string | number)[] = []): string[] {
  return error.issues.map((issue) => {
    const issuePath = [...issue.path];
    const listIndex = listPath.length === 0 ? issuePath[0] : issuePath[listPath.length];
    const list = listPath.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], data);
    const record = typeof listIndex === "number" ? recordName(list, listIndex) : "";
    const field = issuePath.slice(listPath.length + (typeof listIndex === "number" ? 1 : 0)).join(".");
    return [file, record, field ? `field "${field}"` : ""].filter(Boolean).join(" › ") + `: ${issue.message}`;
  });
}

function parseList<T>(file: string, dir: string, schema: z.ZodType<T>, problems: string[]): T[] {
  const data = readJson(file, dir, problems);
  if (data === undefined) return [];
  const result = z.array(schema).safeParse(data);
  if (!result.success) {
    problems.push(...describeIssues(file, data, result.error));
    return [];
  }
  return result.data;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

export function loadSeedFiles(dir = DEFAULT_SEED_DIR): SeedDataset {
  const problems: string[] = [];
  const sources = parseList("sources.json", dir, seedSourceSchema, problems);
  const areas = parseList("areas.json", dir, seedAreaSchema, problems);
  const organisations = parseList("organisations.json", dir, seedOrganisationSchema, problems);

  const sourceByKey = new Map(sources.map((s) => [s.key, s]));
  const areaSlugs = new Set(areas.map((a) => a.slug));
  const orgSlugs = new Set(organisations.map((o) => o.slug));
  for (const key of duplicates(sources.map((s) => s.key))) problems.push(`sources.json: source key "${key}" is used twice`);
  for (const url of duplicates(sources.map((s) => s.url))) problems.push(`sources.json: url ${url} is listed twice`);
  for (const slug of duplicates(areas.map((a) => a.slug))) problems.push(`areas.json: slug "${slug}" is used twice`);
  for (const slug of duplicates(organisations.map((o) => o.slug))) problems.push(`organisations.json: slug "${slug}" is used twice`);
  for (const position of duplicates(areas.map((a) => String(a.position)))) problems.push(`areas.json: position ${position} is used twice`);
  for (const title of duplicates(areas.map((a) => a.title))) problems.push(`areas.json: title "${title}" is used twice`);
  for (const name of duplicates(organisations.map((o) => o.name))) problems.push(`organisations.json: name "${name}" is used twice`);

  const commitments: SeedDataset["commitments"] = [];
  const commitmentsDir = path.join(dir, "commitments");
  const files = fs.existsSync(commitmentsDir)
    ? fs
        .readdirSync(commitmentsDir)
        .filter((f) => f.endsWith(".json"))
        .sort()
    : [];
  if (files.length === 0) problems.push(`commitments/: no commitment files found`);

  const areasWithFile = new Set<string>();
  for (const name of files) {
    const file = `commitments/${name}`;
    const data = readJson(file, dir, problems);
    if (data === undefined) continue;
    const parsed = seedCommitmentFileSchema.safeParse(data);
    if (!parsed.success) {
      problems.push(...describeIssues(file, data, parsed.error, ["commitments"]));
      continue;
    }
    const { area, commitments: list } = parsed.data;
    if (!areaSlugs.has(area)) problems.push(`${file}: area "${area}" is not in areas.json`);
    if (name !== `${area}.json`) problems.push(`${file}: the file should be named ${area}.json, after the area it holds`);
    if (areasWithFile.has(area)) problems.push(`${file}: area "${area}" has more than one commitments file`);
    areasWithFile.add(area);

    list.forEach((commitment, index) => {
      const where = `${file} › record ${index} (${commitment.slug})`;
      const resolve = (deadline: SeedCommitment["deadline"], field: string): ResolvedDeadline | null => {
        const source = sourceByKey.get(deadline.source);
        if (!source) {
          problems.push(`${where} › field "${field}.source": source "${deadline.source}" is not in sources.json`);
          return null;
        }
        const resolved = resolveDeadline(deadline.label, deadline.precision, source.publishedOn);
        if (!resolved.ok) {
          problems.push(`${where} › field "${field}.label": ${resolved.error}`);
          return null;
        }
        return { label: deadline.label, precision: deadline.precision, dueDate: resolved.dueDate, source: deadline.source };
      };

      for (const org of [commitment.lead, ...commitment.supporting]) {
        if (!orgSlugs.has(org)) problems.push(`${where} › field "lead/supporting": organisation "${org}" is not in organisations.json`);
      }
      if (commitment.supporting.includes(commitment.lead))
        problems.push(`${where} › field "supporting": the lead organisation is also listed as supporting`);
      for (const org of duplicates(commitment.supporting)) problems.push(`${where} › field "supporting": "${org}" is listed twice`);
      if (!sourceByKey.has(commitment.announcedIn))
        problems.push(`${where} › field "announcedIn": source "${commitment.announcedIn}" is not in sources.json`);
      // History is append-only and in the order confirmed: no update confirmed before the announcement,
      // before the previous update, or after the source that reports it was published; when it
      // happened is read looking back from its confirmation (resolveSeedUpdate).
      const updates: ResolvedUpdate[] = [];
      commitment.updates.forEach((update, i) => {
        const source = sourceByKey.get(update.source);
        if (!source) {
          problems.push(`${where} › field "updates.${i}.source": source "${update.source}" is not in sources.json`);
          return;
        }
        const resolved = resolveSeedUpdate(update, source);
        if (!resolved.ok) {
          problems.push(`${where} › field "updates.${i}.${resolved.field}": ${resolved.error}`);
          return;
        }
        const confirmed = resolved.value.confirmedWindow;
        if (confirmed.to < commitment.announcedOn)
          problems.push(`${where} › field "updates.${i}.confirmed": confirmed before the commitment was announced`);
        const previous = updates.at(-1);
        if (previous && confirmed.from < previous.confirmedWindow.from)
          problems.push(
            `${where} › field "updates.${i}.confirmed": out of order (confirmed “${update.confirmed.label}”, before “${previous.confirmed.label}” above it)`,
          );
        updates.push(resolved.value);
      });
      commitment.revisions.forEach((revision, i) => {
        const previous = i === 0 ? commitment.announcedOn : commitment.revisions[i - 1]!.effectiveOn;
        if (revision.effectiveOn < previous) {
          problems.push(
            `${where} › field "revisions.${i}.effectiveOn": takes effect on ${revision.effectiveOn}, before ${previous} (the announcement or the previous revision)`,
          );
        }
      });

      const resolvedDeadline = resolve(commitment.deadline, "deadline");
      const resolvedRevisions = commitment.revisions.map((revision, i) => {
        const r = resolve(revision, `revisions.${i}`);
        return r ? { ...r, reason: revision.reason, effectiveOn: revision.effectiveOn } : null;
      });
      if (resolvedDeadline && resolvedRevisions.every((r) => r !== null) && updates.length === commitment.updates.length) {
        commitments.push({
          ...commitment,
          area,
          file,
          resolvedDeadline,
          resolvedRevisions: resolvedRevisions as NonNullable<(typeof resolvedRevisions)[number]>[],
          updates,
        });
      }
    });
  }
  for (const slug of duplicates(commitments.map((c) => c.slug))) problems.push(`commitments: slug "${slug}" is used twice`);
  for (const title of duplicates(commitments.map((c) => c.title))) problems.push(`commitments: title "${title}" is used twice`);
  for (const area of areas) if (!areasWithFile.has(area.slug)) problems.push(`commitments/: area "${area.slug}" has no file ${area.slug}.json`);

  if (problems.length > 0) throw new SeedError(problems);
  return { sources, areas, organisations, commitments };
}
