// Checks the reviewable dataset in seeds/ before it is loaded.
//
//   npx tsx scripts/ops/check-seeds.ts            # check, and count as of today
//   npx tsx scripts/ops/check-seeds.ts 2026-09-01 # count as of another date
//
// The checks are the seed loader's own (src/server/seed/load-seed-files.ts, which `npm start`
// uses), so this passes exactly when the data would load. On top of them it prints counts per
// area and per status as of the date, worked out by the as-of engine (src/domain/history.ts), with
// how many commitments have missed a deadline, and warnings that do not stop a load: organisations
// and sources nobody refers to, revisions that take effect before their source was published,
// updates that happened before the commitment was announced. The loader also refuses an owner
// without a basis, an update without the paragraph that reports it, a quotation or label that is
// not in its cited paragraph (seeds/articles/) and a status the rules contradict on its own dates.
// Exit code 1 if there is any problem.
import { isIsoDate, todayIso } from "../../src/domain/dates";
import { stateAsOf, type CommitmentHistory } from "../../src/domain/history";
import { PUBLIC_STATUS_CODES, publicStatus, type PublicStatusCode } from "../../src/domain/status";
import { ConfigError } from "../../src/runtime/env";
import { runMain } from "../../src/runtime/cli";
import { loadSeedFiles, type SeedDataset } from "../../src/server/seed/load-seed-files";

type Commitment = SeedDataset["commitments"][number];

function history(c: Commitment): CommitmentHistory {
  return {
    announcedOn: c.announcedOn,
    deadlines: [
      { ...c.resolvedDeadline, effectiveOn: c.announcedOn, sequence: 0 },
      ...c.resolvedRevisions.map((r, i) => ({
        label: r.label,
        precision: r.precision,
        dueDate: r.dueDate,
        effectiveOn: r.effectiveOn,
        sequence: i + 1,
      })),
    ],
    updates: c.updates.map((u, i) => ({
      status: u.status,
      confirmedOn: u.confirmedWindow.from,
      confirmedTo: u.confirmedWindow.to,
      occurred: u.occurredWindow,
      sequence: i + 1,
    })),
  };
}

function warnings(data: SeedDataset): string[] {
  const found: string[] = [];
  const sourceByKey = new Map(data.sources.map((s) => [s.key, s]));
  const usedOrgs = new Set(
    data.commitments.flatMap((c) => [...(c.lead ? [c.lead] : []), ...c.jointOwners, ...c.supporting].map((o) => o.organisation)),
  );
  const usedSources = new Set(
    data.commitments.flatMap((c) => [c.announcedIn, c.deadline.source, ...c.revisions.map((r) => r.source), ...c.updates.map((u) => u.source)]),
  );
  for (const c of data.commitments) {
    c.revisions.forEach((r, i) => {
      const source = sourceByKey.get(r.source);
      if (source && r.effectiveOn < source.publishedOn) {
        found.push(
          `${c.file} [${c.slug}]: revision ${i + 1} "${r.label}" takes effect on ${r.effectiveOn}, before its source ${source.key} was published (${source.publishedOn})`,
        );
      }
    });
    c.updates.forEach((u, i) => {
      if (u.occurredWindow && u.occurredWindow.to < c.announcedOn)
        found.push(
          `${c.file} [${c.slug}]: update ${i + 1} (${u.status}) happened “${u.occurred?.label}”, before the commitment was announced: it counts from the announcement`,
        );
    });
  }
  for (const o of data.organisations)
    if (!usedOrgs.has(o.slug)) found.push(`organisations.json: organisation "${o.slug}" owns or supports no commitment (kept: its address stays)`);
  for (const s of data.sources) if (!usedSources.has(s.key)) found.push(`sources.json: source "${s.key}" is not cited by any record`);
  return found;
}

function report(data: SeedDataset, asOf: string) {
  const rows = data.commitments.map((c) => ({ area: c.area, state: stateAsOf(history(c), asOf) }));
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  const padL = (s: string | number, n: number) => String(s).padStart(n);
  const widths = [34, 6, ...PUBLIC_STATUS_CODES.map((s) => Math.max(s.length, 5)), 8];
  const count = (subset: typeof rows, status: PublicStatusCode) =>
    subset.filter((r) => r.state && publicStatus(r.state.status, r.state.statusSequence !== null) === status).length;
  const line = (name: string, subset: typeof rows) =>
    [
      pad(name, widths[0]!),
      padL(subset.length, widths[1]!),
      ...PUBLIC_STATUS_CODES.map((s, i) => padL(count(subset, s), widths[i + 2]!)),
      padL(subset.filter((r) => r.state?.overdue).length, widths.at(-1)!),
    ].join(" ");

  console.log(
    `Seeds: ${data.sources.length} sources, ${data.areas.length} areas, ${data.organisations.length} organisations, ${data.commitments.length} commitments\n`,
  );
  console.log(`Commitments by area and status as of ${asOf} (not yet announced then: ${rows.filter((r) => !r.state).length}):`);
  console.log(["area", "total", ...PUBLIC_STATUS_CODES, "overdue"].map((h, i) => (i === 0 ? pad(h, widths[0]!) : padL(h, widths[i]!))).join(" "));
  for (const area of [...data.areas].sort((a, b) => a.position - b.position))
    console.log(
      line(
        area.slug,
        rows.filter((r) => r.area === area.slug),
      ),
    );
  console.log(line("all areas", rows));
  console.log("\nCommitments by status:");
  for (const s of PUBLIC_STATUS_CODES) console.log(`  ${pad(s, 22)} ${padL(count(rows, s), 3)}`);
  console.log(`  ${pad("(no due date: open)", 22)} ${padL(rows.filter((r) => r.state && r.state.dueDate === null).length, 3)}`);
  console.log(`  ${pad("(missed a deadline)", 22)} ${padL(rows.filter((r) => r.state && r.state.missedDeadlines.length > 0).length, 3)}\n`);
}

runMain(async () => {
  const asOf = process.argv[2] ?? todayIso();
  if (!isIsoDate(asOf)) throw new ConfigError(`The "as of" date must be a real date written YYYY-MM-DD, not "${asOf}".`);
  const data = loadSeedFiles();
  report(data, asOf);
  const found = warnings(data);
  if (found.length) console.log(`Warnings (${found.length}):\n${found.map((w) => `  - ${w}`).join("\n")}\n`);
  console.log("No problems found.");
});
