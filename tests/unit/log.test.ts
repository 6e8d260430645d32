// The logger (src/server/log.ts): JSON lines, the request id on every line of a request, levels,
// and nothing secret in any line, whatever a caller passes.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, requestIdOf, withRequestId } from "../../src/server/log";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _e, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>), destination };
}

describe("the logger", () => {
  it("writes JSON lines carrying the request id of the request they were written in", async () => {
    const out = capture();
    const log = createLogger({ destination: out.destination });
    log.info("outside");
    await withRequestId("req-1", async () => {
      await new Promise((r) => setTimeout(r, 5));
      log.info({ path: "/commitments" }, "inside");
    });
    await new Promise((r) => setImmediate(r));
    const [outside, inside] = out.parsed();
    expect(outside).toMatchObject({ level: 30, msg: "outside" });
    expect(outside).not.toHaveProperty("requestId");
    expect(inside).toMatchObject({ msg: "inside", requestId: "req-1", path: "/commitments" });
    expect(typeof inside!.time).toBe("string");
  });

  it("writes only lines at or above LOG_LEVEL's level", async () => {
    const out = capture();
    const log = createLogger({ level: "warn", destination: out.destination });
    log.info("no");
    log.warn("yes");
    await new Promise((r) => setImmediate(r));
    expect(out.parsed().map((l) => l.msg)).toEqual(["yes"]);
  });

  it("never writes passwords, secrets, tokens, cookies, codes or email addresses", async () => {
    const out = capture();
    const log = createLogger({ destination: out.destination });
    const secrets = ["correct-horse-battery-staple-91", "JBSWY3DPEHPK3PXP", "eyJhbGciOi.sessiontoken", "carol.security@example.gov.uk", "123456"];
    log.info(
      {
        password: secrets[0],
        user: { totpSecret: secrets[1], email: secrets[3], name: "Carol" },
        headers: { cookie: `next-auth.session-token=${secrets[2]}`, authorization: `Bearer ${secrets[2]}` },
        code: secrets[4],
      },
      `sign-in by ${secrets[3]} with Bearer ${secrets[2]}`,
    );
    log.error(new Error(`no such user ${secrets[3]}`));
    await new Promise((r) => setImmediate(r));
    const text = out.lines.join("\n");
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain("Carol");
    expect(text).toContain("[email]");
  });
});

describe("request ids", () => {
  it("are taken from X-Request-Id only when a trusted proxy sent a sensible one", () => {
    expect(requestIdOf("abc-123", true)).toBe("abc-123");
    expect(requestIdOf("abc-123", false)).not.toBe("abc-123");
    expect(requestIdOf("has space\n", true)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf("x".repeat(200), true)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(undefined, true)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
