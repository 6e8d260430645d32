// The Debian programs a harness needs as peers (Varnish, nginx, wrk): found, or installed from
// Debian's packages with one line saying so, or a clear message saying how to install them. The
// harnesses install what they use themselves, so nothing depends on a machine set up by hand.
import { spawnSync } from "node:child_process";
import { childEnv } from "../../../src/runtime/env";

/** A package, present when `command` is on the PATH (or, without one, when dpkg has it installed). */
export type DebianNeed = { package: string; command?: string };

export const VARNISH: DebianNeed[] = [
  { package: "varnish", command: "varnishd" },
  // xkey, for purging by key (deploy/varnish/default.vcl).
  { package: "varnish-modules" },
];
export const NGINX: DebianNeed = { package: "nginx-light", command: "nginx" };
export const WRK: DebianNeed = { package: "wrk", command: "wrk" };

const onPath = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).stdout.trim();

const installed = (pkg: string) =>
  spawnSync("dpkg-query", ["-W", "-f=${Status}", pkg], { encoding: "utf8" }).stdout?.includes("install ok installed") ?? false;

const present = (need: DebianNeed) => (need.command ? Boolean(onPath(need.command)) : installed(need.package));

/** Installs what is missing of `needs` (apt-get, as root or through sudo), for `purpose`; exits with a message if it cannot. */
export function ensureDebianPackages(needs: DebianNeed[], purpose: string): void {
  const missing = [...new Set(needs.filter((n) => !present(n)).map((n) => n.package))];
  if (missing.length === 0) return;
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : onPath("sudo") ? ["sudo", "-n"] : null;
  const hint = `apt-get install -y ${missing.join(" ")}`;
  if (!onPath("apt-get") || sudo === null) {
    console.error(`✖ ${purpose} needs the Debian packages ${missing.join(", ")}. Install them (${hint}) and run it again.`);
    process.exit(1);
  }
  console.log(`Installing Debian packages for ${purpose}: ${missing.join(", ")}…`);
  const run = (args: string[]) => {
    const [command, ...rest] = [...sudo, ...args];
    return spawnSync(command!, rest, { stdio: ["ignore", "inherit", "inherit"], env: childEnv({ DEBIAN_FRONTEND: "noninteractive" }) }).status;
  };
  if (
    run(["apt-get", "-o", "DPkg::Lock::Timeout=300", "update", "-qq"]) !== 0 ||
    run(["apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "-qq", ...missing]) !== 0 ||
    needs.some((n) => !present(n))
  ) {
    console.error(`✖ Installing ${missing.join(", ")} failed (see above). Install them (${hint}) and run ${purpose} again.`);
    process.exit(1);
  }
}
