// The server-action body check (src/server/action-body.ts, security review F10e): what the
// editor's forms send passes; malformed, over-deep or unexpected bodies get a 400 with a sentence.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ACTION_JSON_DEPTH_LIMIT, actionBodyProblem, jsonDepth } from "../../src/server/action-body";

/** A multipart body as a browser builds it. */
async function multipart(fields: Record<string, string>): Promise<{ contentType: string; body: Buffer }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const request = new Request("http://x/", { method: "POST", body: form });
  return { contentType: request.headers.get("content-type")!, body: Buffer.from(await request.arrayBuffer()) };
}

const ID = "60ebbe1aae5d4bfbd378a24fe46f4f8792303d099a";
const deep = (n: number) => "[".repeat(n) + "]".repeat(n);

describe("jsonDepth", () => {
  it("counts nesting outside strings, without recursion, and -1 when brackets do not balance", () => {
    expect(jsonDepth('{"a":[1,{"b":"[[["}]}')).toBe(3);
    expect(jsonDepth('"\\"["')).toBe(0);
    expect(jsonDepth(deep(400_000))).toBe(400_000);
    expect(jsonDepth("[[]")).toBe(-1);
    expect(jsonDepth("]")).toBe(-1);
  });
  it("agrees with JSON.stringify's nesting for any JSON value", () => {
    const depthOf = (v: unknown): number =>
      v !== null && typeof v === "object" ? 1 + Math.max(0, ...(Array.isArray(v) ? v : Object.values(v)).map(depthOf)) : 0;
    fc.assert(fc.property(fc.jsonValue(), (v) => jsonDepth(JSON.stringify(v)) === depthOf(v)));
  });
});

describe("a server action's body", () => {
  it("passes as the editor's forms send it, with and without script", async () => {
    const withScript = await multipart({
      "0": '[{"seq":1,"errors":[],"values":{"note":"$$5 saved"}},"$K1"]',
      "1_note": "[draft] {x}",
      "1_status": "in_progress",
    });
    expect(await actionBodyProblem({ actionId: ID, ...withScript })).toBeNull();
    const noScript = await multipart({
      $ACTION_REF_1: "",
      "$ACTION_1:0": `{"id":"${ID}","bound":"$@1"}`,
      "$ACTION_1:1": '[{"seq":0,"errors":[],"values":{}}]',
      $ACTION_KEY: "k0",
      note: "[",
    });
    expect(await actionBodyProblem({ actionId: undefined, ...noScript })).toBeNull();
    // Other posts to pages are Next's to answer (not forms of ours).
    expect(await actionBodyProblem({ actionId: undefined, contentType: "application/x-www-form-urlencoded", body: Buffer.from("a=[") })).toBeNull();
  });

  it("is refused when it is not multipart, malformed, too deep, or refers to what was not sent", async () => {
    const cases: [string, Promise<{ contentType: string; body: Buffer }> | { contentType: string; body: Buffer }, RegExp][] = [
      ["text JSON", { contentType: "text/plain;charset=UTF-8", body: Buffer.from("[]") }, /always send multipart/],
      ["a broken multipart body", { contentType: "multipart/form-data; boundary=xx", body: Buffer.from("garbage") }, /malformed/],
      ["no arguments", multipart({ "1_note": "x" }), /no list of arguments/],
      ["malformed JSON", multipart({ "0": '[{"seq":' }), /not valid JSON/],
      ["balanced but invalid JSON", multipart({ "0": "[nope]" }), /not valid JSON/],
      ["400,000 deep", multipart({ "0": deep(400_000) }), /nested more than 64/],
      ["a map of nothing", multipart({ "0": '[{},"$Q1"]' }), /never send/],
      ["a server function", multipart({ "0": '[{},"$h1"]', "1": "{}" }), /never send/],
      ["a part not sent", multipart({ "0": '[{},"$2"]' }), /not sent/],
      ["too many parts", multipart(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [String(i), "[]"]))), /too many parts/],
    ];
    for (const [label, request, message] of cases) {
      const refused = await actionBodyProblem({ actionId: ID, ...(await request) });
      expect(refused?.status, label).toBe(400);
      expect(refused?.detail, label).toMatch(message);
      expect(refused?.detail, label).toMatch(/^This form could not be read: /);
    }
    const noScript = await multipart({ $ACTION_REF_1: "", "$ACTION_1:0": deep(ACTION_JSON_DEPTH_LIMIT + 1) });
    expect((await actionBodyProblem({ actionId: undefined, ...noScript }))?.detail).toMatch(/nested more than/);
    expect(
      (await actionBodyProblem({ actionId: undefined, contentType: "multipart/form-data; boundary=q", body: Buffer.from("--q\r\nnope") }))?.status,
    ).toBe(400);
  });
});
