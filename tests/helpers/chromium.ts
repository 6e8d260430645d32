// How Chromium is started wherever Playwright drives it (the browser tests, and the load, fault
// and benchmark harnesses): Debian's Chromium (CHROMIUM_PATH), never a downloaded one, without
// the background traffic that would make runs noisy.
import { testEnv } from "../../src/runtime/env";

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
