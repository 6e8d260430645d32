// Checks the reviewable dataset in seeds/ before it is loaded.
//
//   npx tsx scripts/check-seeds.ts            # check, and count as of today
//   npx tsx scripts/check-seeds.ts 2026-09-01 # count overdue as of another date
//
// It validates every file with the zod schemas in src/schemas/seed.ts, checks that every
// source, organisation and area a record refers to exists, that slugs are unique, that
// every deadline label (original and revised) resolves with its precision against the
// publication date of the source that states it, and that every status update's dates read
// (confirmed: not after its source; occurred: not after it was confirmed). It prints counts
// per area and per status by the tracker's own rules, then every problem found. Exit code 1
// if there is any problem.

import { readFileSync, readdirSync, existsSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import {
  seedAreaSchema,
  seedCommitmentFileSchema,
  seedCommitmentSchema,
  seedOrganisationSchema,
  seedSourceSchema,
  type SeedArea,
  type SeedCommitment,
  type SeedOrganisation,
  type SeedSource,
} from "../src/schemas/seed";
import { resolveDeadline } from "../src/domain/deadline";
import { STATUS_CODES, type StatusCode } from "../src/domain/status";
import { stateAsOf, type DeadlineEvent, type StatusEvent } from "../src/domain/history";
import { resolveSeedUpdate } from "../src/server/seed/load-seed-files";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const seedsDir = join(root, "seeds");
const commitmentsDir = join(seedsDir, "commitments");

const problems: string[] = [];
const warnings: string[] = [];
const problem = (where: string, message: string) => problems.push(`${where}: ${message}`);
const warn = (where: string, message: string) => warnings.push(`${where}: ${message}`);
const rel = (p: string) => relative(root, p);

const asOfArg = process.argv[2];
const asOf = asOfArg ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
  console.error(`"as of" date must be written YYYY-MM-DD, got "${asOf}"`);
  process.exit(2);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    problem(rel(path), `cannot read JSON: ${(e as Error).message}`);
    return undefined;
  }
}

function issuesToText(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(whole record)"}: ${i.message}`);
}

/** Validates an array file record by record, so each problem names its record. */
function readArray<T>(file: string, schema: z.ZodType<T>, name: (raw: unknown, i: number) => string): T[] {
  const path = join(seedsDir, file);
  if (!existsSync(path)) {
    problem(rel(path), "file is missing");
    return [];
  }
  const raw = readJson(path);
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problem(rel(path), "must be a JSON array");
    return [];
  }
  const out: T[] = [];
  raw.forEach((item, i) => {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
    else for (const t of issuesToText(r.error)) problem(`${rel(path)} [${name(item, i)}]`, t);
  });
  return out;
}

const field = (key: string) => (raw: unknown, i: number) =>
  raw && typeof raw === "object" && typeof (raw as Record<string, unknown>)[key] === "string"
    ? String((raw as Record<string, unknown>)[key])
    : `#${i + 1}`;

function checkUnique(where: string, what: string, values: string[]): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) problem(where, `${what} "${v}" is used more than once`);
    seen.add(v);
  }
}

// ---------------------------------------------------------------------------------------------
// Sources, areas, organisations

const sources = readArray<SeedSource>("sources.json", seedSourceSchema, field("key"));
const areas = readArray<SeedArea>("areas.json", seedAreaSchema, field("slug"));
const organisations = readArray<SeedOrganisation>("organisations.json", seedOrganisationSchema, field("slug"));

checkUnique(
  "seeds/sources.json",
  "key",
  sources.map((s) => s.key),
);
checkUnique(
  "seeds/sources.json",
  "url",
  sources.map((s) => s.url),
);
checkUnique(
  "seeds/areas.json",
  "slug",
  areas.map((a) => a.slug),
);
checkUnique(
  "seeds/areas.json",
  "position",
  areas.map((a) => String(a.position)),
);
checkUnique(
  "seeds/areas.json",
  "title",
  areas.map((a) => a.title),
);
checkUnique(
  "seeds/organisations.json",
  "slug",
  organisations.map((o) => o.slug),
);
checkUnique(
  "seeds/organisations.json",
  "name",
  organisations.map((o) => o.name),
);

const sourceByKey = new Map(sources.map((s) => [s.key, s]));
const areaBySlug = new Map(areas.map((a) => [a.slug, a]));
const orgBySlug = new Map(organisations.map((o) => [o.slug, o]));

// ---------------------------------------------------------------------------------------------
// Commitments

interface Loaded {
  file: string;
  area: string;
  commitment: SeedCommitment;
}

const loaded: Loaded[] = [];
const areasWithFile = new Set<string>();

const commitmentFiles = existsSync(commitmentsDir)
  ? readdirSync(commitmentsDir)
      .filter((f) => f.endsWith(".json"))
      .sort()
  : [];
if (!existsSync(commitmentsDir)) problem("seeds/commitments", "folder is missing");

for (const f of commitmentFiles) {
  const path = join(commitmentsDir, f);
  const where = rel(path);
  const raw = readJson(path);
  if (raw === undefined) continue;
  // File-level shape first (area, a non-empty commitments array); record-level problems are
  // reported below, one commitment at a time, so one bad record does not hide the others.
  const whole = seedCommitmentFileSchema.safeParse(raw);
  if (!whole.success) {
    for (const issue of whole.error.issues) {
      if (issue.path[0] === "commitments" && typeof issue.path[1] === "number") continue;
      problem(where, `${issue.path.join(".") || "(whole file)"}: ${issue.message}`);
    }
  }
  const file = (raw && typeof raw === "object" ? raw : {}) as { area?: unknown; commitments?: unknown };
  const area = typeof file.area === "string" ? file.area : "";
  if (area) {
    if (basename(f, ".json") !== area) problem(where, `file name should be "${area}.json", the area it holds`);
    if (!areaBySlug.has(area)) problem(where, `area "${area}" is not in seeds/areas.json`);
    if (areasWithFile.has(area)) problem(where, `area "${area}" has more than one commitments file`);
    areasWithFile.add(area);
  }
  const rawCommitments = Array.isArray(file.commitments) ? file.commitments : [];
  rawCommitments.forEach((item, i) => {
    const r = seedCommitmentSchema.safeParse(item);
    if (r.success) loaded.push({ file: where, area, commitment: r.data });
    else for (const t of issuesToText(r.error)) problem(`${where} [${field("slug")(item, i)}]`, t);
  });
}

for (const a of areas) {
  if (!areasWithFile.has(a.slug)) problem("seeds/commitments", `area "${a.slug}" has no file ${a.slug}.json`);
}

checkUnique(
  "seeds/commitments",
  "commitment slug",
  loaded.map((l) => l.commitment.slug),
);
checkUnique(
  "seeds/commitments",
  "commitment title",
  loaded.map((l) => l.commitment.title),
);

function checkSource(where: string, what: string, key: string): SeedSource | undefined {
  const s = sourceByKey.get(key);
  if (!s) problem(where, `${what} "${key}" is not in seeds/sources.json`);
  return s;
}

function checkDeadline(
  where: string,
  what: string,
  label: string,
  precision: SeedCommitment["deadline"]["precision"],
  sourceKey: string,
): string | null | undefined {
  const source = checkSource(where, `${what} source`, sourceKey);
  if (!source) return undefined;
  const r = resolveDeadline(label, precision, source.publishedOn);
  if (!r.ok) {
    problem(where, `${what} does not resolve against ${source.key} (${source.publishedOn}): ${r.error}`);
    return undefined;
  }
  return r.dueDate;
}

const usedOrgs = new Set<string>();
const usedSources = new Set<string>();

interface Row {
  area: string;
  slug: string;
  status: StatusCode;
  dueDate: string | null;
  overdue: boolean;
  missed: number;
}
const rows: Row[] = [];

for (const { file, area, commitment: c } of loaded) {
  const where = `${file} [${c.slug}]`;

  // Owners
  if (!orgBySlug.has(c.lead)) problem(where, `lead organisation "${c.lead}" is not in seeds/organisations.json`);
  usedOrgs.add(c.lead);
  checkUnique(where, "supporting organisation", c.supporting);
  for (const s of c.supporting) {
    if (!orgBySlug.has(s)) problem(where, `supporting organisation "${s}" is not in seeds/organisations.json`);
    if (s === c.lead) problem(where, `"${s}" is both the lead and a supporting organisation`);
    usedOrgs.add(s);
  }

  // Announcement
  checkSource(where, "announcedIn", c.announcedIn);
  usedSources.add(c.announcedIn);

  // Deadline as published, then each revision against its own source
  let dueDate = checkDeadline(
    where,
    `deadline "${c.deadline.label}" (${c.deadline.precision})`,
    c.deadline.label,
    c.deadline.precision,
    c.deadline.source,
  );
  usedSources.add(c.deadline.source);
  if (c.deadline.precision === "open" && c.deadline.label.trim().length === 0) problem(where, "open deadline needs a label");
  let previousEffective = c.announcedOn;
  c.revisions.forEach((rev, i) => {
    const what = `revision ${i + 1} "${rev.label}" (${rev.precision})`;
    const revised = checkDeadline(where, what, rev.label, rev.precision, rev.source);
    usedSources.add(rev.source);
    if (revised !== undefined) dueDate = revised;
    if (rev.effectiveOn < previousEffective) {
      problem(where, `${what} takes effect on ${rev.effectiveOn}, before ${previousEffective} (the announcement or the previous revision)`);
    }
    const src = sourceByKey.get(rev.source);
    if (src && rev.effectiveOn < src.publishedOn) {
      warn(where, `${what} takes effect on ${rev.effectiveOn}, before its source ${src.key} was published (${src.publishedOn})`);
    }
    previousEffective = rev.effectiveOn;
  });

  // Status history: append-only, in the order confirmed, never confirmed before the announcement
  // or after the source that reports it was published; when it happened is read looking back
  // from the confirmation and may not begin after it (src/domain/occurrence.ts).
  let previousConfirmed = "";
  const updates: StatusEvent[] = [];
  c.updates.forEach((u, i) => {
    const what = `update ${i + 1} (${u.status})`;
    const src = checkSource(where, `${what} source`, u.source);
    usedSources.add(u.source);
    if (!src) return;
    const r = resolveSeedUpdate(u, src);
    if (!r.ok) {
      problem(where, `${what} ${r.field}: ${r.error}`);
      return;
    }
    const { confirmedWindow: confirmed, occurredWindow: occurred } = r.value;
    if (confirmed.to < c.announcedOn)
      problem(where, `${what} is confirmed “${u.confirmed.label}”, before the commitment was announced (${c.announcedOn})`);
    if (previousConfirmed && confirmed.from < previousConfirmed)
      problem(where, `${what} is out of order (confirmed “${u.confirmed.label}”, before the update above it)`);
    previousConfirmed = confirmed.from;
    if (occurred && occurred.to < c.announcedOn)
      warn(where, `${what} happened “${u.occurred?.label}”, before the commitment was announced: it counts from the announcement`);
    updates.push({ status: u.status, confirmedOn: confirmed.from, confirmedTo: confirmed.to, occurred, sequence: i + 1 });
  });

  // Status and overdue as of the date, by the tracker's own rules.
  const deadlines: DeadlineEvent[] = [c.deadline, ...c.revisions].map((d, i) => {
    const src = sourceByKey.get(d.source);
    const r = src ? resolveDeadline(d.label, d.precision, src.publishedOn) : null;
    return {
      label: d.label,
      precision: d.precision,
      dueDate: r?.ok ? r.dueDate : null,
      effectiveOn: i === 0 ? c.announcedOn : (c.revisions[i - 1]?.effectiveOn ?? c.announcedOn),
      sequence: i + 1,
    };
  });
  const state = stateAsOf({ announcedOn: c.announcedOn, deadlines, updates }, asOf);
  rows.push({
    area,
    slug: c.slug,
    status: state?.status ?? "not_started",
    dueDate: dueDate ?? null,
    overdue: state?.overdue ?? false,
    missed: state?.missedDeadlines.length ?? 0,
  });
}

for (const o of organisations) {
  if (!usedOrgs.has(o.slug)) warn("seeds/organisations.json", `organisation "${o.slug}" owns or supports no commitment`);
}
for (const s of sources) {
  if (!usedSources.has(s.key)) warn("seeds/sources.json", `source "${s.key}" is not cited by any record`);
}

// ---------------------------------------------------------------------------------------------
// Report

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const padL = (s: string | number, n: number) => String(s).padStart(n);

console.log(`Seeds: ${sources.length} sources, ${areas.length} areas, ${organisations.length} organisations, ${rows.length} commitments`);
console.log("");

const isOverdue = (r: Row) => r.overdue;
const header = ["area", "total", ...STATUS_CODES, "overdue"];
const widths = [34, 6, ...STATUS_CODES.map((s) => Math.max(s.length, 5)), 8];
console.log(`Commitments by area and current status (overdue as of ${asOf}):`);
console.log(header.map((h, i) => (i === 0 ? pad(h, widths[i] ?? 0) : padL(h, widths[i] ?? 0))).join(" "));
const sortedAreas = [...areas].sort((a, b) => a.position - b.position);
const line = (name: string, subset: Row[]) =>
  [
    pad(name, widths[0] ?? 0),
    padL(subset.length, widths[1] ?? 0),
    ...STATUS_CODES.map((s, i) => padL(subset.filter((r) => r.status === s).length, widths[i + 2] ?? 0)),
    padL(subset.filter(isOverdue).length, widths[widths.length - 1] ?? 0),
  ].join(" ");
for (const a of sortedAreas)
  console.log(
    line(
      a.slug,
      rows.filter((r) => r.area === a.slug),
    ),
  );
console.log(line("all areas", rows));
console.log("");

console.log("Commitments by current status:");
for (const s of STATUS_CODES) console.log(`  ${pad(s, 22)} ${padL(rows.filter((r) => r.status === s).length, 3)}`);
console.log(`  ${pad("(no due date: open)", 22)} ${padL(rows.filter((r) => r.dueDate === null).length, 3)}`);
console.log(`  ${pad("(missed a deadline)", 22)} ${padL(rows.filter((r) => r.missed > 0).length, 3)}`);
console.log("");

if (warnings.length) {
  console.log(`Warnings (${warnings.length}):`);
  for (const w of warnings) console.log(`  - ${w}`);
  console.log("");
}

if (problems.length) {
  console.log(`Problems (${problems.length}):`);
  for (const p of problems) console.log(`  - ${p}`);
  process.exitCode = 1;
} else {
  console.log("No problems found.");
}
