// Who the client is (X-Forwarded-For only from trusted proxies), and the front door's refusals.
import { describe, it, expect } from "vitest";
import { parseCidrList, resolveClientAddress, throttleAddress, type Cidr } from "../../src/domain/network";
import { refusal } from "../../src/server/front-door";
import { otherAddressNotice } from "../../src/server/auth/sign-in-address";

const ranges = (list: string) => (parseCidrList(list) as { ok: true; ranges: Cidr[] }).ranges;

describe("the client's address", () => {
  it("ignores a spoofed X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientAddress("198.51.100.9", "203.0.113.1", [])).toBe("198.51.100.9");
    expect(resolveClientAddress("::ffff:198.51.100.9", "203.0.113.1", [])).toBe("198.51.100.9");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("198.51.100.9", "203.0.113.1", ranges("10.0.0.0/8"))).toBe("198.51.100.9");
  });

  it("reads X-Forwarded-For from the right behind trusted proxies, so what a client wrote itself is never reached", () => {
    const trusted = ranges("10.0.0.0/8");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.1, 198.51.100.20", trusted)).toBe("198.51.100.20");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.1, 198.51.100.20, 10.0.0.7", trusted)).toBe("198.51.100.20");
    expect(resolveClientAddress("10.0.0.2", "garbage, 10.0.0.7", trusted)).toBe("10.0.0.7");
    expect(resolveClientAddress(undefined, "203.0.113.1", trusted)).toBe("unknown");
  });

  it("counts IPv6 clients by /64", () => {
    expect(throttleAddress("2001:db8:1:2:3:4:5:6")).toBe(throttleAddress("2001:db8:1:2:ffff::1"));
    expect(throttleAddress("192.0.2.1")).toBe("192.0.2.1");
  });
});

describe("the front door", () => {
  const base = { method: "GET", target: "/", host: "tracker.example", origin: undefined, contentLength: undefined };
  it("refuses what no route should see with a clear 4xx", () => {
    expect(refusal({ ...base, method: "TRACE" })?.status).toBe(405);
    expect(refusal({ ...base, target: "http://evil.example/" })?.status).toBe(400);
    expect(refusal({ ...base, host: "tracker.example:99999" })?.status).toBe(400);
    expect(refusal({ ...base, target: "/commitments?q=a%00b" })?.status).toBe(400);
    expect(
      refusal({
        ...base,
        method: "POST",
        target: "/api/auth/callback/credentials",
        contentLength: String(1024 * 1024),
        origin: "http://tracker.example",
      })?.status,
    ).toBe(413);
    expect(
      refusal({ ...base, method: "POST", target: "/editor/import", contentLength: String(3 * 1024 * 1024), origin: "http://tracker.example" })
        ?.detail,
    ).toMatch(/too large/);
  });

  it("refuses server-action posts from another site, or without an Origin, with 403", () => {
    expect(refusal({ ...base, method: "POST", target: "/editor/commitments", origin: "https://evil.example" })?.status).toBe(403);
    expect(refusal({ ...base, method: "POST", target: "/editor/commitments" })?.status).toBe(403);
    expect(refusal({ ...base, method: "POST", target: "/editor/commitments", origin: "http://tracker.example" })).toBeNull();
    expect(refusal(base)).toBeNull();
  });
});

describe("where sign-in works", () => {
  it("says so in one sentence when a public address is configured and the request came to another", () => {
    expect(otherAddressNotice("https://tracker.example", "10.0.0.5:3000")).toMatch(/^Signing in works at https:\/\/tracker\.example, .*\.$/);
    expect(otherAddressNotice("https://tracker.example", "Tracker.Example")).toBeNull();
    expect(otherAddressNotice(null, "127.0.0.1:3000")).toBeNull();
  });
});
