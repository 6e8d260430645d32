// `npm start` builds when there is no production build, or when the sources changed since.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { appConfig } from "./env";

const INPUTS = ["src", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "prisma/schema.prisma"];
const distDir = () => appConfig().NEXT_DIST_DIR;

function walk(target: string, out: string[]) {
  if (!fs.existsSync(target)) return;
  const stat = fs.statSync(target);
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target).sort()) walk(path.join(target, entry), out);
  } else {
    out.push(`${target}:${stat.size}:${stat.mtimeMs}`);
  }
}

function sourceFingerprint(root = process.cwd()): string {
  const entries: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), entries);
  // Settings read at build time: a build with /benchmark-baseline is not the one without.
  entries.push(`benchmarkBaseline:${appConfig().benchmarkBaseline}`);
  return crypto.createHash("sha256").update(entries.join("\n")).digest("hex");
}

export function buildIsCurrent(root = process.cwd()): boolean {
  const stamp = path.join(root, distDir(), "rt-build-fingerprint");
  return fs.existsSync(path.join(root, distDir(), "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === sourceFingerprint(root);
}

export function recordBuild(root = process.cwd()) {
  fs.writeFileSync(path.join(root, distDir(), "rt-build-fingerprint"), sourceFingerprint(root));
}
