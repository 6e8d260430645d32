// npm run lighthouse: starts the real production app (own embedded PostgreSQL seeded with the
// real dataset, own build folder) and runs Lighthouse's default mobile profile (emulated phone,
// simulated throttling) three times each on the overview `/`, the first commitment page and `/timeline`.
// Prints the performance, accessibility, best-practices and SEO scores of the run with the
// median performance score, names the audits that lost points, and writes docs/lighthouse.md.
// A measurement: exits 0 even when a target is missed, but says which ones were.
// Uses Debian's Chromium (CHROMIUM_PATH overrides); never downloads a browser.
//   npm run lighthouse [-- --port 3670 --pg-port 54377]
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import { appEnvironment, harnessPorts, startApp, stopApp } from "./app-under-test";
import { testEnv } from "../../src/runtime/env";
import { BENCHMARKS_FILE, writeSection } from "./bench/report-sections";

const RUNS = 3;
const CHROMIUM = testEnv().CHROMIUM_PATH;
const OUT = "docs/lighthouse.md";
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
const CATEGORIES = [
  { id: "performance", label: "Performance", target: 95 },
  { id: "accessibility", label: "Accessibility", target: 100 },
  { id: "best-practices", label: "Best practices", target: 95 },
  { id: "seo", label: "SEO", target: 95 },
] as const;

// A separate build folder, so this never clobbers the main `.next` build.
const ports = harnessPorts({ port: 3670, pgPort: 54377 });
const settings = appEnvironment("lighthouse", ports.port, ports.pgPort);
settings.env.NEXT_DIST_DIR = ".next-lighthouse";

type Measured = { name: string; path: string; median: Result; runs: Result[] };

const score = (lhr: Result, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];
const metrics = (lhr: Result) =>
  METRICS.map((id) => `${lhr.audits[id]?.title.replace(/[^A-Z]/g, "")} ${lhr.audits[id]?.displayValue ?? "?"}`).join(", ");

/** One Lighthouse run in a fresh browser. A run Lighthouse itself reports as broken (say
 *  NO_NAVSTART on a busy machine) is retried up to twice, and said so. */
async function audit(url: string, attempt = 1): Promise<Result> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  let lhr: Result | undefined;
  try {
    lhr = (await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES.map((c) => c.id) }))?.lhr;
  } finally {
    chrome.kill();
  }
  const problem = lhr ? lhr.runtimeError : { code: "NO_RESULT", message: "Lighthouse returned nothing" };
  if (lhr && !problem) return lhr;
  if (attempt >= 3) throw new Error(`Lighthouse could not measure ${url}: ${problem?.code} ${problem?.message}`);
  console.warn(`  ${url}: ${problem?.code} (${problem?.message}); running it again`);
  return audit(url, attempt + 1);
}

async function browserVersion(): Promise<string> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    const info = (await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()) as { Browser?: string };
    return info.Browser ?? "unknown";
  } finally {
    chrome.kill();
  }
}

/** A short description of up to three items of an audit's details (elements, URLs, messages). */
function describeItems(details: unknown): string {
  if (typeof details !== "object" || details === null || !("items" in details) || !Array.isArray(details.items)) return "";
  const items = details.items as Record<string, unknown>[];
  const text = items.slice(0, 3).map((item) => {
    const node = item.node as { selector?: string; snippet?: string; explanation?: string } | undefined;
    if (node?.selector || node?.snippet)
      return `\`${node.selector ?? node.snippet}\`${node.explanation ? ` (${node.explanation.split("\n").slice(0, 2).join(" ").trim()})` : ""}`;
    const text = [item.source, item.description, item.url].filter((v): v is string => typeof v === "string" && v !== "");
    return text.join(": ").slice(0, 200);
  });
  return text.filter(Boolean).join("; ") + (items.length > 3 ? `; … ${items.length - 3} more` : "");
}

/** Audits that cost points: weighted audits below full score, plus (for performance) the
 *  opportunities and diagnostics Lighthouse flags, which point at the causes. */
function lostPoints(lhr: Result, categoryId: string): string[] {
  const category = lhr.categories[categoryId];
  if (!category || (category.score ?? 0) >= 1) return [];
  const lines: string[] = [];
  for (const ref of category.auditRefs) {
    const a = lhr.audits[ref.id];
    if (!a || a.score === null || a.score >= 1 || ref.group === "hidden") continue;
    if (ref.weight === 0 && (categoryId !== "performance" || a.score >= 0.9)) continue;
    const value = a.displayValue ? ` — ${a.displayValue}` : "";
    const why = a.explanation ? ` — ${a.explanation.split("\n")[0]}` : "";
    const items = describeItems(a.details);
    lines.push(`\`${a.id}\` ${a.title} (score ${a.score}${ref.weight === 0 ? ", unweighted" : ""})${value}${why}${items ? ` — ${items}` : ""}`);
  }
  return lines;
}

async function main() {
  const app = await startApp(settings, { fresh: true });
  const measured: Measured[] = [];
  let chromium = "unknown";
  try {
    const list = (await (await fetch(`${settings.base}/api/v1/commitments?page_size=1`)).json()) as { data?: { slug?: string }[] };
    const slug = list.data?.[0]?.slug;
    if (!slug) throw new Error("GET /api/v1/commitments returned no commitment");
    const pages = [
      { name: "Overview", path: "/" },
      { name: "Commitment page", path: `/commitments/${slug}` },
      { name: "Timeline", path: "/timeline" },
    ];
    chromium = await browserVersion();
    for (const page of pages) {
      const response = await fetch(settings.base + page.path); // warm the server before measuring
      if (!response.ok) throw new Error(`${page.path} answered ${response.status}`);
      const runs: Result[] = [];
      for (let i = 1; i <= RUNS; i++) {
        const lhr = await audit(settings.base + page.path);
        console.log(
          `${page.path} run ${i}: ${CATEGORIES.map((c) => `${c.id} ${score(lhr, c.id)}`).join(", ")} (${metrics(lhr)}; benchmark index ${lhr.environment.benchmarkIndex})`,
        );
        runs.push(lhr);
      }
      const median = [...runs].sort((a, b) => score(a, "performance") - score(b, "performance"))[Math.floor(RUNS / 2)]!;
      measured.push({ ...page, median, runs });
      // The full report of the median run, for digging into an audit (not committed).
      fs.writeFileSync(`${settings.dataDir}/${page.name.toLowerCase().replace(/\W+/g, "-")}.report.json`, JSON.stringify(median, null, 1));
    }
  } finally {
    await stopApp(app);
  }
  report(measured, chromium);
}

function report(measured: Measured[], chromium: string) {
  const first = measured[0]!.median;
  const s = first.configSettings;
  const t = s.throttling;
  const lines: string[] = ["# Lighthouse", ""];
  lines.push(
    `Measured ${new Date().toISOString()} by \`npm run lighthouse\` against the production app on loopback, seeded with the real dataset.`,
    "",
  );
  lines.push(`Lighthouse ${first.lighthouseVersion}, ${chromium} (\`${CHROMIUM}\`), Node ${process.version}.`, "");
  lines.push(
    `Settings: Lighthouse's default config — form factor \`${s.formFactor}\`, screen ${s.screenEmulation.width}×${s.screenEmulation.height} @${s.screenEmulation.deviceScaleFactor}x, throttling \`${s.throttlingMethod}\` (RTT ${t.rttMs} ms, ${Math.round(t.throughputKbps)} Kbps down, CPU slowdown ${t.cpuSlowdownMultiplier}×); categories ${CATEGORIES.map((c) => `\`${c.id}\``).join(", ")}.`,
    "",
  );
  lines.push(`Chrome flags: \`${CHROME_FLAGS.join(" ")}\`.`, "");
  lines.push(
    `Each page was measured ${RUNS} times in a fresh browser; the table shows the run with the median performance score and that same run's other scores (the range across runs is in brackets when they differed).`,
    "",
  );
  lines.push(`| page | ${CATEGORIES.map((c) => c.label).join(" | ")} |`, `|---|${CATEGORIES.map(() => "---:").join("|")}|`);
  const missed: string[] = [];
  for (const m of measured) {
    const cells = CATEGORIES.map((c) => {
      const value = score(m.median, c.id);
      const all = m.runs.map((r) => score(r, c.id));
      const range = Math.min(...all) === Math.max(...all) ? "" : ` (${Math.min(...all)}–${Math.max(...all)})`;
      if (value < c.target) missed.push(`${m.name} \`${m.path}\`: ${c.label} ${value} < ${c.target}`);
      return `${value < c.target ? "**" : ""}${value}${value < c.target ? "**" : ""}${range}`;
    });
    lines.push(`| ${m.name} \`${m.path}\` | ${cells.join(" | ")} |`);
  }
  lines.push(`| target | ${CATEGORIES.map((c) => (c.target === 100 ? "100" : `≥ ${c.target}`)).join(" | ")} |`, "");
  const scoresTable = lines.slice(lines.findIndex((l) => l.startsWith("| page |")));
  lines.push(
    "Metrics of the median runs (simulated), and Lighthouse's benchmark index of the machine during that run (higher is faster; it drops when other work competes for the CPU, and the simulated times grow with it):",
    "",
    ...measured.map((m) => `- ${m.name}: ${metrics(m.median)}; benchmark index ${m.median.environment.benchmarkIndex}`),
    "",
  );
  lines.push("## Targets missed", "", ...(missed.length ? missed.map((m) => `- ${m}`) : ["None."]), "");
  lines.push(
    "## Audits that lost points",
    "",
    `In the median run of each page, for every category below 100 (full reports: \`${settings.dataDir}/*.report.json\`).`,
    "",
  );
  let any = false;
  for (const m of measured) {
    for (const c of CATEGORIES) {
      const lost = lostPoints(m.median, c.id);
      if (!lost.length) continue;
      any = true;
      lines.push(`### ${m.name} \`${m.path}\` — ${c.label} ${score(m.median, c.id)}`, "", ...lost.map((l) => `- ${l}`), "");
    }
  }
  if (!any) lines.push("None: every category scored 100.", "");
  const text = lines.join("\n");
  fs.writeFileSync(OUT, text);
  writeSection(
    BENCHMARKS_FILE,
    "lighthouse",
    [
      "## Lighthouse (mobile profile)",
      "",
      `Measured ${new Date().toISOString()} by \`npm run lighthouse\`: Lighthouse ${first.lighthouseVersion}, ${chromium}, the median of ${RUNS} runs per page. Settings, metrics and the audits that lost points: \`${OUT}\`.`,
      "",
      ...scoresTable,
      missed.length ? `Targets missed: ${missed.join("; ")}.` : "Every target met.",
    ].join("\n"),
  );
  console.log(`\n${text}\nWritten to ${OUT}; scores to ${BENCHMARKS_FILE}`);
  console.log(missed.length ? `\nTARGETS MISSED (${missed.length}):\n${missed.map((m) => `  ✗ ${m}`).join("\n")}` : "\nAll targets met.");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
