import { describe, it, expect } from "vitest";
import { editorReturnPath } from "../../src/server/auth/return-path";

describe("editorReturnPath", () => {
  it("keeps editor pages, with their query", () => {
    expect(editorReturnPath("/editor/commitments?q=ai")).toBe("/editor/commitments?q=ai");
    expect(editorReturnPath("/editor")).toBe("/editor");
    expect(editorReturnPath("/editor/sign-out?retry=1")).toBe("/editor/sign-out?retry=1");
    expect(editorReturnPath("http://localhost:3000/editor/proposals/4")).toBe("/editor/proposals/4");
  });

  it("never leaves the site's editor", () => {
    for (const raw of ["https://evil.example/editor", "//evil.example/editor/x", "/\\evil.example/editor"]) {
      const path = editorReturnPath(raw);
      expect(path.startsWith("/editor"), raw).toBe(true);
      expect(path.startsWith("//"), raw).toBe(false);
    }
    for (const raw of [
      "/",
      "/commitments",
      "/editorial",
      "/editor/../api/auth/signout",
      "https://evil.example/",
      "javascript:alert(1)",
      "",
      null,
      undefined,
    ]) {
      expect(editorReturnPath(raw), String(raw)).toBe("/editor");
    }
  });

  it("never goes back to the sign-in page", () => {
    expect(editorReturnPath("/editor/sign-in?callbackUrl=/editor")).toBe("/editor");
    expect(editorReturnPath("/editor/sign-in", "/editor/commitments")).toBe("/editor/commitments");
  });
});
