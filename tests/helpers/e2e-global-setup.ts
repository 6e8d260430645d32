// Playwright's global setup: the browser tests stop with one clear message when there is no
// Chromium to drive (`npm test` checks the same before it starts: scripts/ops/check-test-tools.ts).
import { missingChromium } from "./chromium";

export default function globalSetup() {
  const missing = missingChromium();
  if (missing) throw new Error(missing);
}
