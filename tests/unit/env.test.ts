// The one view of the environment (src/runtime/env.ts): defaults, derived settings, one clear
// sentence per bad value, the pinned clock, and the documentation that must say the same.
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, readEnv, testEnv, useAppEnv, VARIABLES } from "../../src/runtime/env";
import { pinToday, todayIso } from "../../src/domain/dates";

function failure(source: Record<string, string>): string {
  try {
    readEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

afterEach(() => pinToday(undefined));

describe("readEnv", () => {
  it("fills in every default, NEXTAUTH_URL's from PORT", () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOSTNAME: "0.0.0.0",
      DATABASE_POOL_SIZE: 10,
      EMBEDDED_PG_PORT: 54329,
      NEXT_DIST_DIR: ".next",
      NEXTAUTH_URL: "http://localhost:3000",
    });
    expect(env).toMatchObject({ siteOrigin: null, https: false, dev: false, oidc: null });
    expect([env.DATABASE_URL, env.RT_TODAY, env.SITE_URL]).toEqual([undefined, undefined, undefined]);
    expect(readEnv({ PORT: "4100" }).NEXTAUTH_URL).toBe("http://localhost:4100");
  });

  it("treats an empty value as unset", () => {
    expect(readEnv({ PORT: "", SITE_URL: "", DATABASE_POOL_SIZE: "" })).toMatchObject({ PORT: 3000, siteOrigin: null, DATABASE_POOL_SIZE: 10 });
  });

  it("derives what the app asks: SITE_URL's origin, https, development", () => {
    const env = readEnv({
      SITE_URL: "https://roadmap-tracker.example/ignored/path",
      NEXTAUTH_URL: "https://editors.example",
      NODE_ENV: "development",
    });
    expect(env).toMatchObject({ siteOrigin: "https://roadmap-tracker.example", https: true, dev: true });
  });

  it("switches OpenID Connect on when issuer, client id and secret are all set", () => {
    expect(readEnv({}).oidc).toBeNull();
    expect(
      readEnv({ OIDC_ISSUER: "https://login.example.gov.uk/", OIDC_CLIENT_ID: "tracker", OIDC_CLIENT_SECRET: "s", OIDC_NAME: "Example SSO" }).oidc,
    ).toEqual({
      issuer: "https://login.example.gov.uk",
      clientId: "tracker",
      clientSecret: "s",
      name: "Example SSO",
    });
    expect(readEnv({ OIDC_ISSUER: "https://login.example.gov.uk", OIDC_CLIENT_ID: "tracker", OIDC_CLIENT_SECRET: "s" }).oidc?.name).toBe(
      "your organisation’s account",
    );
  });

  it("refuses half an OpenID Connect set-up, naming what is missing", () => {
    expect(failure({ OIDC_ISSUER: "https://login.example.gov.uk", OIDC_CLIENT_ID: "tracker" })).toBe(
      'Invalid configuration:\n  OIDC_CLIENT_SECRET is needed with OIDC_ISSUER and OIDC_CLIENT_ID: set all three to switch on OpenID Connect, or none.\nSee README, "Configuration", and start again.',
    );
  });

  it("says, one line per variable, what is wrong and how to fix it", () => {
    expect(failure({ DATABASE_POOL_SIZE: "abc", SITE_URL: "not a url" })).toBe(
      [
        "Invalid configuration:",
        '  DATABASE_POOL_SIZE="abc" must be a whole number from 1 to 1000: fix it, or unset it for the default (10).',
        '  SITE_URL="not a url" must be a web address starting with https:// or http://, for example https://roadmap-tracker.example: fix it, or unset it.',
        'See README, "Configuration", and start again.',
      ].join("\n"),
    );
    expect(failure({ PORT: "0" })).toContain('PORT="0" must be a whole number from 1 to 65535: fix it, or unset it for the default (3000).');
    expect(failure({ RT_TODAY: "2026-02-30" })).toContain('RT_TODAY="2026-02-30" must be a real date written YYYY-MM-DD');
  });

  it("never prints a secret's value", () => {
    const message = failure({ DATABASE_URL: "mysql://admin:hunter2@db.example/tracker" });
    expect(message).toContain(
      "DATABASE_URL must look like postgresql://user:password@host:5432/database: fix it, or unset it to use embedded PostgreSQL.",
    );
    expect(message).not.toContain("hunter2");
  });
});

describe("testEnv", () => {
  it("has the suites' defaults and refuses a bad port", () => {
    expect(testEnv({})).toEqual({
      RT_TEST_PG_PORT: 54330,
      RT_TEST_DATA_DIR: ".data/test",
      E2E_PORT: 3100,
      E2E_PG_PORT: 54331,
      E2E_DATA_DIR: ".data/e2e",
      CHROMIUM_PATH: "/usr/bin/chromium",
    });
    expect(() => testEnv({ E2E_PORT: "31OO" })).toThrow(/E2E_PORT="31OO" must be a whole number from 1 to 65535/);
  });
});

describe("the pinned clock", () => {
  it("RT_TODAY pins todayIso() for the process; unpinned, it is the real date again", () => {
    const real = todayIso(new Date());
    useAppEnv({ RT_TODAY: "2026-11-21" });
    expect(todayIso()).toBe("2026-11-21");
    expect(todayIso(new Date("2026-03-14T12:00:00Z"))).toBe("2026-03-14");
    useAppEnv({});
    expect(todayIso()).toBe(real);
  });
});

describe("the documentation of the settings", () => {
  const plain = (text: string) => text.replace(/`/g, "").trim();
  const documented = Object.entries({ ...VARIABLES.app, ...VARIABLES.tests }).map(([name, doc]) => ({
    name,
    default: plain(doc.default),
    meaning: plain(doc.meaning),
  }));

  it("README's tables list every variable with the same default and meaning", () => {
    const rows = fs
      .readFileSync("README.md", "utf8")
      .split("\n")
      .flatMap((line) => {
        const match = /^\| `([A-Z][A-Z0-9_]*)` \| (.+?) \| (.+) \|$/.exec(line);
        return match ? [{ name: match[1]!, default: plain(match[2]!), meaning: plain(match[3]!) }] : [];
      });
    expect(rows).toEqual(documented);
  });

  it(".env.example lists every variable, its default and meaning, in the same order", () => {
    const blocks = fs
      .readFileSync(".env.example", "utf8")
      .split(/\n\s*\n/)
      .map((block) => block.trim().split("\n"))
      .filter((lines) => lines.some((line) => /^# ?[A-Z][A-Z0-9_]*=/.test(line)));
    const entries = blocks.map((lines) => ({
      name: /^# ?([A-Z][A-Z0-9_]*)=/.exec(lines.at(-1)!)![1]!,
      default: plain(lines.find((line) => line.startsWith("# Default: "))!.slice("# Default: ".length)),
      meaning: plain(
        lines
          .filter((line) => line.startsWith("# ") && !line.startsWith("# Default: ") && !/^# ?[A-Z][A-Z0-9_]*=/.test(line))
          .map((line) => line.slice(2))
          .join(" "),
      ),
    }));
    expect(entries).toEqual(documented);
  });
});
