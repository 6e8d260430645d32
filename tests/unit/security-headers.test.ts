// Security headers decided per route (security review F16 and its headers section): data gets a
// policy under which nothing runs and no nonce; pages allow no inline styles; CORP always; HSTS
// only over https; every policy names where violations are reported.
import { describe, it, expect } from "vitest";
import { securityHeaders } from "../../src/server/security-headers";
import { contentSecurityPolicy, DATA_POLICY } from "../../src/server/content-security-policy";

const http = { dev: false, https: false, oidc: null };
const https = { ...http, https: true };

describe("security headers per route", () => {
  it("give the API, feeds and downloads default-src 'none'; frame-ancestors 'none'; sandbox, with no nonce", () => {
    for (const path of ["/api/v1/commitments", "/api/health", "/api/auth/session", "/changes.atom", "/deadlines.ics", "/data/commitments.csv"]) {
      const csp = securityHeaders(path, http)["Content-Security-Policy"]!;
      expect(csp, path).toBe(DATA_POLICY);
      expect(csp, path).toMatch(/^default-src 'none'; frame-ancestors 'none'; sandbox/);
      expect(csp, path).not.toMatch(/nonce/);
    }
    expect(securityHeaders("/api/v1/areas", http)["Cross-Origin-Resource-Policy"]).toBe("cross-origin");
    expect(securityHeaders("/api/auth/csrf", http)["Cross-Origin-Resource-Policy"]).toBe("same-origin");
  });

  it("give pages no inline styles, base-uri 'none' and reporting", () => {
    const csp = securityHeaders("/commitments", http)["Content-Security-Policy"]!;
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(csp).toMatch(/base-uri 'none'/);
    expect(csp).toMatch(/report-uri \/api\/csp-report; report-to csp/);
    // The roadmap timeline is a page like the others: no scripts, no inline styles, no framing.
    expect(securityHeaders("/timeline", http)["Content-Security-Policy"]).toBe(csp);
    expect(securityHeaders("/editor", http)["Referrer-Policy"]).toBe("same-origin");
    expect(securityHeaders("/", http)["Reporting-Endpoints"]).toBe('csp="/api/csp-report"');
    expect(contentSecurityPolicy({ nonce: "abc" })).toMatch(/script-src 'self' 'nonce-abc' 'strict-dynamic'/);
  });

  it("send HSTS only over https", () => {
    expect(securityHeaders("/", http)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("/", https)["Strict-Transport-Security"]).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
  });
});

describe("framing", () => {
  it("lets any site frame the embeddable cards, and nothing else", () => {
    const embed = securityHeaders("/embed/commitments/gov-uk-one-login", http);
    expect(embed["X-Frame-Options"]).toBeUndefined();
    expect(embed["Content-Security-Policy"]).toMatch(/frame-ancestors \*/);
    expect(embed["Content-Security-Policy"]).toMatch(/default-src 'none'/);
    expect(embed["Content-Security-Policy"]).not.toMatch(/script-src/);
    for (const path of [
      "/",
      "/commitments/gov-uk-one-login",
      "/embed",
      "/embed/commitments/x/y",
      "/editor",
      "/api/oembed",
      "/data/commitments.csv",
    ]) {
      const h = securityHeaders(path, http);
      expect(h["X-Frame-Options"], path).toBe("DENY");
      expect(h["Content-Security-Policy"], path).toMatch(/frame-ancestors 'none'/);
    }
  });
});
