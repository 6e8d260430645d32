// Runs before `npm test` (its pretest script): what the suite needs from the machine beyond
// node_modules, checked first, so a missing piece is told in one message before any test runs.
import { missingChromium } from "../../tests/helpers/chromium";

const missing = missingChromium();
if (missing) {
  console.error(missing);
  process.exit(1);
}
