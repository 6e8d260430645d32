// Editor input that must be refused with a field message, never reach the database: links with a
// user name or to a private address (security review F13), and invisible control characters
// (U+0000, which PostgreSQL text cannot hold: F10).
import { describe, it, expect } from "vitest";
import { statusUpdateProposalSchema } from "../../src/schemas/editor";
import { validStatusUpdate } from "../helpers/editor-fixtures";

const messages = (input: Record<string, unknown>) => {
  const parsed = statusUpdateProposalSchema.safeParse(validStatusUpdate(1, input));
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe("evidence links", () => {
  it("refuse a user name or password before the host", () => {
    expect(messages({ evidenceUrl: "https://www.gov.uk@evil.example/" })).toEqual([expect.stringMatching(/user name or password/)]);
    expect(messages({ evidenceUrl: "https://user:pass@evil.example/" })).toEqual([expect.stringMatching(/user name or password/)]);
  });

  it("refuse local and private addresses", () => {
    for (const url of [
      "https://[::1]/",
      "http://127.0.0.1:54329/",
      "http://10.1.2.3/",
      "http://localhost/x",
      "http://intranet/",
      "http://printer.local/",
    ])
      expect(messages({ evidenceUrl: url }), url).toEqual([expect.stringMatching(/public website/)]);
    expect(messages({})).toEqual([]);
    expect(messages({ evidenceUrl: "https://www.gov.uk/government/news" })).toEqual([]);
  });
});

describe("text fields", () => {
  it("refuse U+0000 and other control characters, but keep line breaks", () => {
    expect(messages({ note: "a\u0000b" })).toEqual([expect.stringMatching(/invisible control characters/)]);
    expect(messages({ evidenceTitle: "a\u001bb" })).toEqual([expect.stringMatching(/invisible control characters/)]);
    expect(messages({ note: "line one\nline two\ttabbed" })).toEqual([]);
  });
});
