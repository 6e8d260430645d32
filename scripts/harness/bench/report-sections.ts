// docs/benchmarks.md is written by more than one command: `npm run bench` writes the measurements,
// `npm run lighthouse` its scores, and people write notes below a marker. Each command rewrites
// only its own part and keeps the others.
import fs from "node:fs";

export const BENCHMARKS_FILE = "docs/benchmarks.md";
export const NOTES_MARKER = "<!-- Notes below this line are written by people and kept by npm run bench. -->";

const start = (name: string) => `<!-- ${name}: written by npm run ${name} -->`;
const end = (name: string) => `<!-- ${name}: end -->`;

/** The section `name` of `text` with its markers, or null when it has none. */
export function readSection(text: string, name: string): string | null {
  const from = text.indexOf(start(name));
  const to = text.indexOf(end(name));
  return from === -1 || to < from ? null : text.slice(from, to + end(name).length);
}

export function section(name: string, body: string): string {
  return `${start(name)}\n${body.trim()}\n${end(name)}`;
}

/** Replaces (or adds, just above the people's notes) the section `name` of `file`. */
export function writeSection(file: string, name: string, body: string) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const current = readSection(text, name);
  const next = section(name, body);
  let updated: string;
  if (current) updated = text.replace(current, next);
  else if (text.includes(NOTES_MARKER)) updated = text.replace(NOTES_MARKER, `${next}\n\n${NOTES_MARKER}`);
  else updated = `${text.trimEnd()}\n\n${next}\n`;
  fs.writeFileSync(file, updated);
}
