// The one logger (pino): JSON lines on standard output in production, short readable lines in
// development, at the level LOG_LEVEL sets. Every line written while a request is being answered
// carries its request id (AsyncLocalStorage, set by the production server, scripts/server/serve.ts).
// Nothing secret reaches a line: fields named like a password, secret, token, cookie, code or
// email are replaced, and email addresses and bearer tokens inside any text are masked. No
// framework imports.
import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";
import { Writable } from "node:stream";
import pino, { type DestinationStream, type Logger } from "pino";
import { appConfig } from "../runtime/env";

type RequestContext = { requestId: string };

/** Shared through globalThis: the production server and Next.js's route modules are separate module graphs in one process. */
const shared = globalThis as unknown as { __rtLogContext?: AsyncLocalStorage<RequestContext>; __rtLogger?: Logger };
const context = (shared.__rtLogContext ??= new AsyncLocalStorage<RequestContext>());

/** Runs `fn` as part of the request `requestId`: every line logged meanwhile names it. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return context.run({ requestId }, fn);
}

function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}

/** A proxy's request id is kept only if it looks like one (no spaces, no control characters, at most 128 characters). */
const REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The id of a request: the trusted proxy's X-Request-Id when it sent a sensible one, else a new one. */
export function requestIdOf(header: string | string[] | undefined, fromTrustedProxy: boolean): string {
  const sent = Array.isArray(header) ? header[0] : header;
  return fromTrustedProxy && sent && REQUEST_ID.test(sent) ? sent : crypto.randomUUID();
}

/** Field names whose values never reach a log line. */
const SECRET_KEY = /pass(word)?|secret|token|cookie|authori[sz]ation|totp|recovery|otp|^code$|email|^csrf/i;
const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const REDACTED = "[redacted]";

/** The text with email addresses and bearer tokens masked. */
function scrubText(text: string): string {
  return text.replace(EMAIL, "[email]").replace(BEARER, "$1 [redacted]");
}

/** A copy of `value` safe to log: secret-named fields replaced, text scrubbed, errors reduced to name, message and stack. */
function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { type: value.name, message: scrubText(value.message), stack: value.stack ? scrubText(value.stack) : undefined };
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => scrub(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? REDACTED : scrub(v, depth + 1)]));
}

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
type LogLevel = (typeof LEVELS)[number];

/** Development's readable lines: time, level, request id, message, then the other fields as key=value. */
function readableLines(out: NodeJS.WritableStream): DestinationStream {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
        const { time, level, msg, requestId, pid: _pid, hostname: _host, ...rest } = JSON.parse(line) as Record<string, unknown>;
        const fields = Object.entries(rest)
          .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
          .join(" ");
        const clock = new Date(Number(time)).toISOString().slice(11, 23);
        out.write(
          `${clock} ${pino.levels.labels[Number(level)]?.toUpperCase().padEnd(5)} ${requestId ? `[${String(requestId).slice(0, 8)}] ` : ""}${msg ?? ""}${fields ? ` ${fields}` : ""}\n`,
        );
      }
      done();
    },
  });
}

/** A logger writing to `destination` (standard output by default); tests pass their own. */
export function createLogger(options: { level?: string; pretty?: boolean; destination?: DestinationStream } = {}): Logger {
  const level = LEVELS.includes(options.level as LogLevel) ? (options.level as LogLevel) : "info";
  const destination = options.destination ?? (options.pretty ? readableLines(process.stdout) : pino.destination({ fd: 1, sync: false }));
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          // An error logged on its own: its message becomes the line's message, scrubbed like everything else.
          const scrubbed =
            first instanceof Error
              ? [{ err: first }, scrubText(typeof rest[0] === "string" ? rest[0] : first.message), ...rest.slice(1)]
              : args.map((a) => (typeof a === "string" ? scrubText(a) : a));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

/** The process's logger: LOG_LEVEL's level, JSON unless in development. */
export function logger(): Logger {
  if (shared.__rtLogger) return shared.__rtLogger;
  const env = appConfig();
  return (shared.__rtLogger = createLogger({ level: env.LOG_LEVEL, pretty: env.dev }));
}

/** A logger for one part of the app: its lines say which (`component`). */
export function logFor(component: string): Logger {
  return logger().child({ component });
}
