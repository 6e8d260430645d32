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
  seedCorrectionsSchema,
  seedRemovalSchema,
  seedSourceSchema,
  type SeedArea,
  type SeedCitation,
  type SeedCorrections,
  type SeedRemoval,
  type SeedCommitment,
  type SeedOrganisation,
  type SeedSource,
} from "../../schemas/seed";
import { resolveDeadline } from "../../domain/deadline";
import { ConfigError } from "../../runtime/env";
import { resolveOccurrence, resolvePastDate, type DateWindow } from "../../domain/occurrence";
import { articleParagraphs, quoteOccursIn, quotedPhrases } from "../../domain/quotes";
import { isClosedStatus } from "../../domain/status";

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
  removals: SeedRemoval[];
  corrections: SeedCorrections | null;
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

/** Each source's article text as paragraphs (seeds/articles/<articleFile>), by source key. */
function readArticles(dir: string, sources: SeedSource[], problems: string[]): Map<string, string[]> {
  const articles = new Map<string, string[]>();
  for (const source of sources) {
    const file = path.join(dir, "articles", source.articleFile);
    if (!fs.existsSync(file)) {
      problems.push(`sources.json › ${source.key}: its article text articles/${source.articleFile} is missing`);
      continue;
    }
    articles.set(source.key, articleParagraphs(fs.readFileSync(file, "utf8")));
  }
  return articles;
}

/** Why a citation does not hold: no such paragraph, or the quoted words are not in it. Null when it holds. */
function citationProblem(articles: Map<string, string[]>, citation: SeedCitation, words = citation.quote): string | null {
  const paragraphs = articles.get(citation.source);
  if (!paragraphs) return `source "${citation.source}" has no article text to check against`;
  const text = paragraphs[citation.paragraph - 1];
  if (text === undefined) return `${citation.source} has ${paragraphs.length} paragraphs, not ${citation.paragraph}`;
  if (words !== undefined && !quoteOccursIn(text, words)) return `“${words}” is not in ${citation.source} paragraph ${citation.paragraph}`;
  return null;
}

/**
 * What the status rules (docs/rules.md) refuse on an update's own dates: work reported under way
 * ("in progress", "not started") only after the deadline had passed undelivered is "at risk".
 */
function statusRuleProblems(updates: ResolvedUpdate[], dueDate: string | null): string[] {
  if (dueDate === null) return [];
  return updates.flatMap((u, i) =>
    !isClosedStatus(u.status) && u.status !== "at_risk" && u.confirmedWindow.from > dueDate
      ? [
          `field "updates.${i}.status": “${u.status}” confirmed ${u.confirmed.label}, after the deadline passed undelivered (${dueDate}): by the rules that is at_risk`,
        ]
      : [],
  );
}

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
  const removals = fs.existsSync(path.join(dir, "removed.json")) ? parseList("removed.json", dir, seedRemovalSchema, problems) : [];
  const articles = readArticles(dir, sources, problems);
  const correctionsData = fs.existsSync(path.join(dir, "corrections.json")) ? readJson("corrections.json", dir, problems) : undefined;
  const parsedCorrections = correctionsData === undefined ? null : seedCorrectionsSchema.safeParse(correctionsData);
  if (parsedCorrections && !parsedCorrections.success) problems.push(...describeIssues("corrections.json", correctionsData, parsedCorrections.error));
  const corrections = parsedCorrections?.success ? parsedCorrections.data : null;

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
      // A label without a year is read from its reference date: by default the commitment's
      // announcement for the original deadline, and the source's publication for a revision.
      const resolve = (deadline: SeedCommitment["deadline"], field: string, defaultReference?: string): ResolvedDeadline | null => {
        const source = sourceByKey.get(deadline.source);
        if (!source) {
          problems.push(`${where} › field "${field}.source": source "${deadline.source}" is not in sources.json`);
          return null;
        }
        const resolved = resolveDeadline(deadline.label, deadline.precision, deadline.referenceDate ?? defaultReference ?? source.publishedOn);
        if (!resolved.ok) {
          problems.push(`${where} › field "${field}.label": ${resolved.error}`);
          return null;
        }
        return { label: deadline.label, precision: deadline.precision, dueDate: resolved.dueDate, source: deadline.source };
      };

      const cite = (citation: SeedCitation, field: string, words?: string) => {
        const problem = citationProblem(articles, citation, words);
        if (problem) problems.push(`${where} › field "${field}": ${problem}`);
      };
      const owners = [
        ...(commitment.lead ? [{ owner: commitment.lead, field: "lead" }] : []),
        ...commitment.jointOwners.map((owner, i) => ({ owner, field: `jointOwners.${i}` })),
        ...commitment.supporting.map((owner, i) => ({ owner, field: `supporting.${i}` })),
      ];
      for (const { owner, field } of owners) {
        if (!orgSlugs.has(owner.organisation))
          problems.push(`${where} › field "${field}.organisation": organisation "${owner.organisation}" is not in organisations.json`);
        cite(owner, field);
      }
      if (commitment.lead && commitment.jointOwners.length > 0)
        problems.push(`${where} › field "jointOwners": owners named jointly rank no one above another, so there is no lead as well`);
      if (commitment.jointOwners.length === 1) problems.push(`${where} › field "jointOwners": one organisation cannot be named jointly`);
      for (const org of duplicates(owners.map((o) => o.owner.organisation)))
        problems.push(`${where} › field "lead/jointOwners/supporting": "${org}" is named twice`);
      if (commitment.areaBasis) cite(commitment.areaBasis, "areaBasis");
      if (commitment.deadline.paragraph !== undefined)
        cite({ source: commitment.deadline.source, paragraph: commitment.deadline.paragraph }, "deadline.label", commitment.deadline.label);
      else if (commitment.deadline.precision !== "open")
        problems.push(`${where} › field "deadline.paragraph": a published deadline needs the paragraph its label is quoted from`);
      for (const phrase of quotedPhrases(commitment.summary)) {
        if (![...articles.values()].some((paragraphs) => quoteOccursIn(paragraphs.join(" "), phrase)))
          problems.push(`${where} › field "summary": the quotation “${phrase}” is not in any article`);
      }
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
        cite({ source: update.source, paragraph: update.paragraph }, `updates.${i}.paragraph`);
        // Articles about the launch describe plans, never progress.
        if (source.publishedOn <= commitment.announcedOn)
          problems.push(
            `${where} › field "updates.${i}.source": ${source.key} was published by the announcement (${source.publishedLabel}): it describes plans, not progress`,
          );
        if (update.occurred)
          cite({ source: update.source, paragraph: update.occurred.paragraph }, `updates.${i}.occurred.label`, update.occurred.label);
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

      const resolvedDeadline = resolve(commitment.deadline, "deadline", commitment.announcedOn);
      if (resolvedDeadline) {
        for (const problem of statusRuleProblems(updates, resolvedDeadline.dueDate)) problems.push(`${where} › ${problem}`);
      }
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

  const kept = new Set(commitments.map((c) => c.slug));
  for (const removal of removals) {
    if (kept.has(removal.slug)) problems.push(`removed.json: "${removal.slug}" is removed but still in commitments/`);
  }
  for (const slug of duplicates(removals.map((r) => r.slug))) problems.push(`removed.json: slug "${slug}" is listed twice`);
  for (const c of corrections?.corrections ?? []) {
    if (!kept.has(c.slug)) problems.push(`corrections.json: "${c.slug}" is not a commitment in commitments/`);
  }

  if (problems.length > 0) throw new SeedError(problems);
  return { removals, corrections, sources, areas, organisations, commitments };
}
