// docs/benchmarks.md is written by more than one command: `npm run bench` writes the measurements,
// `npm run lighthouse` its scores, and people write notes below a marker. Each command rewrites
// only its own part and keeps the others.
import fs from "node:fs";

export const BENCHMARKS_FILE = "docs/benchmarks.md";
export const NOTES_MARKER = "<!-- Notes below this line are written by people and kept by npm run bench. -->";

const start = (name: string, command = name) => `<!-- ${name}: written by npm run ${command} -->`;
const end = (name: string) => `<!-- ${name}: end -->`;

/** Every section of `text` with its markers, in order (what `npm run bench` keeps when it rewrites the rest). */
export function keptSections(text: string): string[] {
  return [...text.matchAll(/<!-- ([\w:-]+): written by npm run [\w:-]+ -->/g)]
    .map((m) => readSection(text, m[1]!))
    .filter((s): s is string => s !== null);
}

/** The section `name` of `text` with its markers, or null when it has none. */
function readSection(text: string, name: string): string | null {
  const from = text.indexOf(`<!-- ${name}: written by npm run `);
  const to = text.indexOf(end(name));
  return from === -1 || to < from ? null : text.slice(from, to + end(name).length);
}

function section(name: string, body: string, command = name): string {
  return `${start(name, command)}\n${body.trim()}\n${end(name)}`;
}

/** Replaces (or adds, just above the people's notes) the section `name` of `file`. */
export function writeSection(file: string, name: string, body: string, command = name) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const current = readSection(text, name);
  const next = section(name, body, command);
  let updated: string;
  if (current) updated = text.replace(current, next);
  else if (text.includes(NOTES_MARKER)) updated = text.replace(NOTES_MARKER, `${next}\n\n${NOTES_MARKER}`);
  else updated = `${text.trimEnd()}\n\n${next}\n`;
  fs.writeFileSync(file, updated);
}
