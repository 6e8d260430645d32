// How Chromium is started wherever Playwright drives it (the browser tests, and the load, fault
// and benchmark harnesses): Debian's Chromium (CHROMIUM_PATH), never a downloaded one, without
// the background traffic that would make runs noisy.
import { accessSync, constants } from "node:fs";
import { testEnv } from "../../src/runtime/env";

/**
 * Why the browser tests cannot start Chromium at `path` (what to do about it), or null when they
 * can. Checked before `npm test` begins and in Playwright's global setup, so a machine without
 * Chromium hears so at once, in one message, instead of from every browser test after ten minutes.
 */
export function missingChromium(path = testEnv().CHROMIUM_PATH): string | null {
  try {
    accessSync(path, constants.X_OK);
    return null;
  } catch {
    return [
      `The browser tests need Chromium at ${path} (CHROMIUM_PATH), and there is none there.`,
      "On Debian: sudo apt-get install -y chromium (bash .ci/run installs it, then runs npm test).",
      "Elsewhere: set CHROMIUM_PATH to a Chromium or Chrome executable.",
    ].join("\n");
  }
}

export function chromiumLaunchOptions() {
  return {
    executablePath: testEnv().CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  };
}
