// The one typed, validated view of the environment. The launcher, the scripts, the tests and the
// running app read their settings here and nowhere else (ESLint refuses `process.env` in any other
// file). A bad value stops start-up with one sentence naming the variable and how to fix it.
//
// Why here (src/runtime) and not in src/server: the launcher must validate before anything of the
// app is loaded, and src/runtime sits below src/server, so both can import it. The same schema
// then serves the app (appConfig()), which fails at boot when started some other way (`next
// start`: src/instrumentation.ts).
//
// README "Configuration" and .env.example list the same variables with the same defaults and
// meanings as VARIABLES below; tests/unit/env.test.ts checks the three agree.
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { isIsoDate, pinToday } from "../domain/dates";
import { parseCidrList, type Cidr } from "../domain/network";

export type EnvSource = Readonly<Record<string, string | undefined>>;

/** A problem the operator can fix: printed as one clear message, without a stack trace. */
export class ConfigError extends Error {}

/** An absolute URL with a host, in one of `protocols`. */
const urlOf = (protocols: string[], message: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return protocols.includes(url.protocol) && url.hostname !== "";
      } catch {
        return false;
      }
    }, message);

const postgresUrl = urlOf(["postgres:", "postgresql:"], "must look like postgresql://user:password@host:5432/database");
const webAddress = urlOf(["https:", "http:"], "must be a web address starting with https:// or http://, for example https://roadmap-tracker.example");

const wholeNumber = (min: number, max: number, fallback: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message)
    .default(fallback);
};

const port = (fallback: number) => wholeNumber(1, 65535, fallback);
const flag = () => z.enum(["0", "1"], "must be 1 (on) or 0 (off)").optional();
const text = () => z.string().trim().min(1);

/** Everything the app, the launcher and the scripts read. */
const appShape = {
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: wholeNumber(1, 1000, 10),
  PORT: port(3000),
  HOSTNAME: text().default("0.0.0.0"),
  RT_DATA_DIR: text().default(".data"),
  EMBEDDED_PG_PORT: port(54329),
  NEXTAUTH_SECRET: text().optional(),
  NEXTAUTH_URL: webAddress.optional(),
  SITE_URL: webAddress.optional(),
  TRUSTED_PROXIES: z
    .string()
    .trim()
    .refine(
      (value) => parseCidrList(value).ok,
      "must be addresses or ranges of the proxies in front of the app, separated by commas, for example 10.0.0.0/8,127.0.0.1",
    )
    .optional(),
  WEB_CONCURRENCY: z
    .string()
    .trim()
    .regex(/^\d+$/, "must be a whole number from 1 to 256")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 256, "must be a whole number from 1 to 256")
    .optional(),
  CDN_PURGE_URL: z
    .string()
    .trim()
    .refine(
      (value) => value.split(",").every((url) => webAddress.safeParse(url.trim()).success),
      "must be web addresses starting with https:// or http://, separated by commas",
    )
    .optional(),
  CDN_PURGE_KEY: text().optional(),
  OUTBOX_WORKER: flag(),
  SMTP_URL: urlOf(["smtp:", "smtps:"], "must look like smtp://user:password@smtp.example:587 (or smtps:// for TLS from the start)").optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(
      /^[^<>@\s][^<>]*<[^\s<>@]+@[^\s<>@]+>$|^[^\s<>@]+@[^\s<>@]+$/,
      "must be an address, optionally with a name: Roadmap Tracker <alerts@example.gov.uk>",
    )
    .optional(),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "must be one of fatal, error, warn, info, debug, trace or silent")
    .default("info"),
  METRICS_TOKEN: z.string().trim().min(32, "must be at least 32 characters (a long random string)").optional(),
  METRICS_PORT: wholeNumber(0, 65535, 0),
  OIDC_ISSUER: webAddress.optional(),
  OIDC_CLIENT_ID: text().optional(),
  OIDC_CLIENT_SECRET: text().optional(),
  OIDC_NAME: text().optional(),
  NEXT_DIST_DIR: text().default(".next"),
  NODE_ENV: z.enum(["development", "production", "test"], "must be development, production or test").optional(),
  RT_INTERNAL_ORIGIN: webAddress.optional(),
  RT_RENDER_SECRET: text().optional(),
  RT_TODAY: z.string().trim().refine(isIsoDate, "must be a real date written YYYY-MM-DD, for example 2026-11-21").optional(),
  RT_BENCHMARK_BASELINE: flag(),
};

/** What only the test suites and the harnesses read. */
const testShape = {
  RT_TEST_PG_PORT: port(54330),
  RT_TEST_DATA_DIR: text().default(".data/test"),
  E2E_PORT: port(3100),
  E2E_PG_PORT: port(54331),
  E2E_DATA_DIR: text().default(".data/e2e"),
  CHROMIUM_PATH: text().default("/usr/bin/chromium"),
};

type Doc = { default: string; meaning: string; secret?: boolean };

/**
 * Each variable's default and meaning as README "Configuration" and .env.example state them (the
 * README's table shows the names and defaults in `code`). Secret values are never printed.
 */
export const VARIABLES = {
  app: {
    DATABASE_URL: {
      default: "unset: embedded PostgreSQL",
      meaning: "`postgresql://user:password@host:5432/db` of any PostgreSQL (managed, replicated)",
      secret: true,
    },
    DATABASE_POOL_SIZE: { default: "10", meaning: "connections per app instance" },
    PORT: { default: "3000", meaning: "HTTP port" },
    HOSTNAME: { default: "0.0.0.0", meaning: "interface to listen on" },
    RT_DATA_DIR: { default: ".data", meaning: "where the embedded database (and a generated auth secret) live" },
    EMBEDDED_PG_PORT: { default: "54329", meaning: "loopback port of the embedded PostgreSQL" },
    NEXTAUTH_SECRET: {
      default: "generated once into `.data/auth-secret`",
      meaning: "signs editor sessions; set it (same value on every instance) in production",
      secret: true,
    },
    NEXTAUTH_URL: {
      default: "unset: the address each request came to",
      meaning:
        "public base URL of the editor back office (https in production, which makes the session cookies `Secure`): sign-in then works at that address only. Unset, it works at whatever address the server is reached (pages' own links then use `http://localhost:$PORT`)",
    },
    SITE_URL: {
      default: "unset",
      meaning:
        "public address for absolute links (feeds, API, `/data`, citations); set it behind a proxy or CDN. Unset, pages use `NEXTAUTH_URL` and the API and feeds the request's Host",
    },
    TRUSTED_PROXIES: {
      default: "unset",
      meaning:
        "the proxies or load balancers in front of the app, as addresses or CIDR ranges separated by commas (`10.0.0.0/8,127.0.0.1`): only a connection from one of them may say, in `X-Forwarded-For` and `X-Forwarded-Proto`, who the client is and whether it used https. Unset, the client is the connection's own address (what sign-in throttling and the audit log record)",
    },
    WEB_CONCURRENCY: {
      default: "the number of cores (1 under `npm run dev`)",
      meaning:
        "web workers `npm start` runs (`node:cluster`), each with its own page cache kept fresh by the database’s notifications; a worker that dies is restarted",
    },
    CDN_PURGE_URL: {
      default: "unset",
      meaning:
        "where a publish purges the CDN: one or more URLs separated by commas, each sent `POST` with the touched keys in `Surrogate-Key` (and as JSON), e.g. Fastly’s `https://api.fastly.com/service/<id>/purge` or the Varnish of `deploy/varnish`; see `docs/deployment.md`. Unset, nothing is purged",
    },
    CDN_PURGE_KEY: {
      default: "unset",
      meaning: "the CDN’s API token, sent with each purge as `Fastly-Key` and `Authorization: Bearer`",
      secret: true,
    },
    OUTBOX_WORKER: {
      default: "1",
      meaning:
        "`0`: `npm start` runs no outbox worker (run `npm run worker` on its own instead); the worker sends CDN purges, retrying with back-off until done",
    },
    SMTP_URL: {
      default: "unset: `.eml` files in `.data/outbox/`",
      meaning:
        "where the outbox worker sends email (subscription confirmations, alerts): `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`. Unset, each message is written as an `.eml` file to `outbox/` in `RT_DATA_DIR`, and the start-up log says where",
      secret: true,
    },
    MAIL_FROM: {
      default: "Roadmap Tracker <no-reply@localhost>",
      meaning: "the From of every email the tracker sends; set it to an address your SMTP server may send from",
    },
    LOG_LEVEL: {
      default: "info",
      meaning:
        "the least severe log lines written: fatal, error, warn, info, debug or trace (or silent); JSON lines on standard output in production, readable lines under `npm run dev`",
    },
    METRICS_TOKEN: {
      default: "unset",
      meaning:
        "a long random string: `/metrics` (Prometheus format) on the public port then answers only requests with `Authorization: Bearer` and this token. Unset (and no `METRICS_PORT`), `/metrics` answers 404",
      secret: true,
    },
    METRICS_PORT: {
      default: "0: none",
      meaning: "a port of its own for `/metrics`, with no token (keep it off the public network); 0 for none",
    },
    OIDC_ISSUER: { default: "unset", meaning: "OpenID Connect sign-in for editors: the issuer URL (with the next two; see `docs/editors.md`)" },
    OIDC_CLIENT_ID: { default: "unset", meaning: "OpenID Connect: the client id registered with the issuer" },
    OIDC_CLIENT_SECRET: { default: "unset", meaning: "OpenID Connect: that client's secret", secret: true },
    OIDC_NAME: { default: "your organisation’s account", meaning: "OpenID Connect: the sign-in button's wording" },
    NEXT_DIST_DIR: { default: ".next", meaning: "build folder (lets several test runs build side by side)" },
    NODE_ENV: { default: "set by `npm start`", meaning: "`production`, or `development` under `npm run dev`" },
    RT_INTERNAL_ORIGIN: {
      default: "set by the production server",
      meaning: "where the response cache asks its own server for a page (`http://127.0.0.1:$PORT`); not for operators",
    },
    RT_RENDER_SECRET: {
      default: "set by the production server",
      meaning: "marks the response cache's own renders, the same in every web worker; not for operators",
      secret: true,
    },
    RT_TODAY: { default: "unset: the real date", meaning: 'tests only: pins "today" (YYYY-MM-DD) for the whole process' },
    RT_BENCHMARK_BASELINE: {
      default: "unset",
      meaning:
        "benchmarks only: `1` when building puts in `/benchmark-baseline`, the static page `npm run bench` measures as the framework's own ceiling",
    },
  },
  tests: {
    RT_TEST_PG_PORT: { default: "54330", meaning: "port of the integration suite's embedded PostgreSQL" },
    RT_TEST_DATA_DIR: { default: ".data/test", meaning: "data directory of the integration suite's PostgreSQL" },
    E2E_PORT: { default: "3100", meaning: "port of the app the browser tests start" },
    E2E_PG_PORT: { default: "54331", meaning: "port of the browser tests' embedded PostgreSQL" },
    E2E_DATA_DIR: { default: ".data/e2e", meaning: "data directory of the browser tests' app" },
    CHROMIUM_PATH: { default: "/usr/bin/chromium", meaning: "the Chromium the browser tests, load and fault tests and Lighthouse drive" },
  },
} as const satisfies { app: Record<keyof typeof appShape, Doc>; tests: Record<keyof typeof testShape, Doc> };

const DOCS: Record<string, Doc> = { ...VARIABLES.app, ...VARIABLES.tests };

const appSchema = z.object(appShape).superRefine((env, ctx) => {
  const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
  const missing = oidc.filter((name) => env[name] === undefined);
  if (missing.length > 0 && missing.length < oidc.length) {
    ctx.addIssue({
      code: "custom",
      path: [missing[0]!],
      message: `is needed with ${oidc.filter((n) => !missing.includes(n)).join(" and ")}: set all three to switch on OpenID Connect, or none`,
    });
  }
});

export type OidcConfig = { issuer: string; clientId: string; clientSecret: string; name: string };

export type Env = z.infer<typeof appSchema> & {
  /** NEXTAUTH_URL, or http://localhost:$PORT: the origin of pages' own absolute links. */
  NEXTAUTH_URL: string;
  /** NEXTAUTH_URL as configured: where sign-in works; null when each request's own address is used. */
  authUrl: string | null;
  /** TRUSTED_PROXIES, parsed: the only peers whose X-Forwarded-For and X-Forwarded-Proto are believed. */
  trustedProxies: Cidr[];
  /** RT_BENCHMARK_BASELINE=1 at build time: /benchmark-baseline is built. */
  benchmarkBaseline: boolean;
  /** RT_DATA_DIR, absolute. */
  dataDir: string;
  /** SITE_URL's origin (its path is ignored), or null. */
  siteOrigin: string | null;
  /** The one definition of "the site is served over https" (NEXTAUTH_URL): Secure cookies, HSTS, upgrade-insecure-requests. */
  https: boolean;
  dev: boolean;
  /** OpenID Connect sign-in, or null when it is not switched on. */
  oidc: OidcConfig | null;
  /** WEB_CONCURRENCY, or the number of cores (1 in development). */
  webConcurrency: number;
  /** CDN_PURGE_URL, split: where a publish purges the CDN (none: nothing to purge). */
  cdnPurgeUrls: string[];
  /** OUTBOX_WORKER is not 0: `npm start` runs the outbox worker. */
  outboxWorker: boolean;
  /** MAIL_FROM, or its default. */
  mailFrom: string;
};

export type TestEnv = z.infer<z.ZodObject<typeof testShape>>;

/** Unset and empty are the same: `FOO= npm start` means "no FOO". */
function cleaned(source: EnvSource): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""));
}

/** How to go back to the default, in words: ", or unset it for the default (10)". */
function unsetHint(doc: Doc | undefined): string {
  if (!doc) return "";
  if (doc.default.startsWith("unset: ")) return `, or unset it to use ${doc.default.slice("unset: ".length)}`;
  if (doc.default === "unset" || doc.default.startsWith("set by")) return ", or unset it";
  return `, or unset it for the default (${doc.default})`;
}

function parse<T>(schema: z.ZodType<T>, source: EnvSource): T {
  const values = cleaned(source);
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const doc = DOCS[name];
    const value = values[name];
    const shown = value === undefined || doc?.secret ? "" : `="${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
    return value === undefined ? `  ${name} ${issue.message}.` : `  ${name}${shown} ${issue.message}: fix it${unsetHint(doc)}.`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nSee README, "Configuration", and start again.`);
}

/** The validated settings in `source` (the process environment unless given). Throws ConfigError. */
export function readEnv(source: EnvSource = process.env): Env {
  const env = parse(appSchema, source);
  const nextAuthUrl = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  const oidc =
    env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
      ? {
          issuer: env.OIDC_ISSUER.replace(/\/+$/, ""),
          clientId: env.OIDC_CLIENT_ID,
          clientSecret: env.OIDC_CLIENT_SECRET,
          name: env.OIDC_NAME ?? VARIABLES.app.OIDC_NAME.default,
        }
      : null;
  return {
    ...env,
    NEXTAUTH_URL: nextAuthUrl,
    authUrl: env.NEXTAUTH_URL ?? null,
    trustedProxies: env.TRUSTED_PROXIES ? (parseCidrList(env.TRUSTED_PROXIES) as { ranges: Cidr[] }).ranges : [],
    benchmarkBaseline: env.RT_BENCHMARK_BASELINE === "1",
    dataDir: path.resolve(env.RT_DATA_DIR),
    siteOrigin: env.SITE_URL ? new URL(env.SITE_URL).origin : null,
    https: nextAuthUrl.startsWith("https://"),
    dev: env.NODE_ENV === "development",
    oidc,
    webConcurrency: env.WEB_CONCURRENCY ?? (env.NODE_ENV === "development" ? 1 : os.availableParallelism()),
    cdnPurgeUrls: env.CDN_PURGE_URL ? env.CDN_PURGE_URL.split(",").map((url) => url.trim()) : [],
    outboxWorker: env.OUTBOX_WORKER !== "0",
    mailFrom: env.MAIL_FROM ?? VARIABLES.app.MAIL_FROM.default,
  };
}

/** The test suites' and harnesses' settings (ports, data directories, Chromium). */
export function testEnv(source: EnvSource = process.env): TestEnv {
  return parse(z.object(testShape), source);
}

let override: EnvSource | undefined;
let current: Env | undefined;

/**
 * The running process's settings, read once. Also applies the two that act on the process:
 * RT_TODAY pins the clock, and, with NEXTAUTH_URL unset, next-auth is told to take each
 * request's own address (AUTH_TRUST_HOST: it then reads Host and X-Forwarded-Proto, which
 * src/proxy.ts and the production server's front door make trustworthy first).
 */
export function appConfig(): Env {
  if (current) return current;
  const env = readEnv(override ?? process.env);
  if (!override && !env.authUrl) process.env.AUTH_TRUST_HOST = "true";
  pinToday(env.RT_TODAY);
  current = env;
  return env;
}

/** Tests: the app reads `source` instead of the process environment (validated the same way); no argument goes back. */
export function useAppEnv(source?: EnvSource): Env {
  override = source;
  current = undefined;
  return appConfig();
}

/**
 * The production server (scripts/server/serve.ts) tells the app where it listens: Next.js loads
 * the app in bundles of its own, which share only the process environment with the server.
 */
export function shareWithApp(name: "RT_INTERNAL_ORIGIN" | "RT_RENDER_SECRET", value: string): Env {
  process.env[name] = value;
  current = undefined;
  return appConfig();
}

/** The environment for a child process: this one's, with `overrides` (undefined removes a variable). */
export function childEnv(overrides: EnvSource = {}, options: { inherit?: boolean } = {}): NodeJS.ProcessEnv {
  const base: EnvSource = options.inherit === false ? { PATH: process.env.PATH, HOME: process.env.HOME ?? "/tmp" } : process.env;
  const merged: Record<string, string | undefined> = { ...base };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return merged as NodeJS.ProcessEnv;
}

/** The URL with any password masked, safe to print. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
