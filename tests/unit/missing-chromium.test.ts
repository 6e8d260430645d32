import { describe, it, expect } from "vitest";
import { missingChromium } from "../helpers/chromium";

describe("missingChromium", () => {
  it("says where Chromium was looked for and how to install it when it is not there", () => {
    const message = missingChromium("/nonexistent/chromium");
    expect(message).toContain("/nonexistent/chromium (CHROMIUM_PATH)");
    expect(message).toContain("sudo apt-get install -y chromium");
  });

  it("is satisfied by an executable", () => {
    expect(missingChromium(process.execPath)).toBeNull();
  });
});
