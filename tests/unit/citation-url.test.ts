import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { CITATION_URL_ERRORS, normaliseCitationUrl } from "../../src/domain/citation-url";

const ajv = new Ajv();
addFormats.default(ajv);
const isUri = ajv.compile({ type: "string", format: "uri" });

describe("citation addresses (security review F13)", () => {
  it("keeps an address as the WHATWG parser writes it back", () => {
    expect(normaliseCitationUrl("  HTTPS://WWW.GOV.UK/government/news/a b?x=1#top ")).toEqual({
      ok: true,
      url: "https://www.gov.uk/government/news/a%20b?x=1#top",
    });
    expect(normaliseCitationUrl("https://münchen.de/")).toEqual({ ok: true, url: "https://xn--mnchen-3ya.de/" });
    expect(normaliseCitationUrl("https://www.gov.uk/x{y}")).toEqual({ ok: true, url: "https://www.gov.uk/x%7By%7D" });
  });

  it("refuses user names and passwords, which can disguise where a link goes", () => {
    for (const u of ["https://www.gov.uk@evil.example/", "https://user:pass@evil.example/", "https://:@evil.example/"]) {
      expect(normaliseCitationUrl(u), u).toEqual({ ok: false, error: CITATION_URL_ERRORS.credentials });
    }
  });

  it("refuses other schemes and addresses that are not absolute http(s)", () => {
    for (const u of [
      "javascript:alert(1)",
      "data:text/html,x",
      "file:///etc/passwd",
      "//www.gov.uk/",
      "https:\\\\www.gov.uk",
      " ftp://x.example/",
      "www.gov.uk",
    ]) {
      expect(normaliseCitationUrl(u), u).toEqual({ ok: false, error: CITATION_URL_ERRORS.notHttp });
    }
  });

  it("refuses internal hosts: IP addresses, localhost and private-use names", () => {
    for (const u of [
      "https://[::1]/",
      "http://127.0.0.1:54329/",
      "http://10.0.0.1/",
      "https://0x7f.1/",
      "http://localhost:3000/",
      "https://intranet/",
      "https://printer.local/",
      "https://a.internal/",
    ]) {
      expect(normaliseCitationUrl(u), u).toEqual({ ok: false, error: CITATION_URL_ERRORS.internal });
    }
  });

  it("refuses what is not a valid RFC 3986 URI once normalised", () => {
    for (const u of ["https://www.gov.uk/x^y", "https://www.gov.uk/?q=a|b", "https://www.gov.uk/%zz"]) {
      expect(normaliseCitationUrl(u), u).toEqual({ ok: false, error: CITATION_URL_ERRORS.invalid });
    }
  });

  it("every address it accepts satisfies JSON Schema's format: uri, and normalising it again changes nothing", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.string().map((s) => `https://www.gov.uk/${s}`),
        ),
        (raw) => {
          const result = normaliseCitationUrl(raw);
          if (!result.ok) return;
          expect(isUri(result.url), result.url).toBe(true);
          expect(normaliseCitationUrl(result.url)).toEqual(result);
        },
      ),
      { numRuns: 500 },
    );
  });
});
