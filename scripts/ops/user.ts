// npm run user -- <command>: editor accounts from the command line (works on a fresh install,
// before anyone can sign in, so it is how the first admin is created).
//
//   add --email you@example.gov.uk --role admin|editor [--organisation slug]... [--name "Full Name"]
//       The password is the first line piped to standard input (`printf '%s\n' "$PW" | npm run user -- add …`;
//       the rest is ignored, with a warning; control characters are refused), or, at a terminal,
//       typed twice without being shown. Nothing piped, or nothing typed: a one-time password is printed, which must be
//       replaced at the first sign-in. --one-time-password forces the latter.
//   reset-password --email …   prints a new one-time password and ends the person's sessions
//   reset-two-step --email …   their two-step verification starts again (lost phone and codes)
//   disable --email … | enable --email …
//   list
//
// It uses the same database as everything else: DATABASE_URL, or the embedded PostgreSQL.
import readline from "node:readline";
import { parseArgs } from "node:util";
import { appConfig, describeDatabaseUrl, ConfigError } from "../../src/runtime/env";
import { provideDatabase } from "../../src/runtime/database";
import { migrate } from "../../src/runtime/migrate";
import { runMain } from "../../src/runtime/cli";
import { createPrismaClient, type Db } from "../../src/server/db";
import { userCreateSchema } from "../../src/schemas/editor";
import { insertUser } from "../../src/server/editor/users";
import { recordAudit } from "../../src/server/editor/audit";
import { generateOneTimePassword, hashPassword } from "../../src/server/auth/password";
import { transaction } from "../../src/server/editor/tx";
import { clearTwoStep } from "../../src/server/auth/two-step";

const USAGE = `Usage:
  npm run user -- add --email you@example.gov.uk --role admin|editor [--organisation slug]... [--name "Full Name"] [--one-time-password]
  npm run user -- reset-password --email you@example.gov.uk
  npm run user -- reset-two-step --email you@example.gov.uk
  npm run user -- disable --email … | enable --email …
  npm run user -- list`;

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    email: { type: "string" },
    role: { type: "string" },
    organisation: { type: "string", multiple: true },
    name: { type: "string" },
    "one-time-password": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

/** "jane.smith@example.gov.uk" → "Jane Smith" */
function nameFromEmail(email: string): string {
  const local = email.split("@")[0] ?? email;
  return (
    local
      .split(/[._-]+/)
      .filter(Boolean)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(" ") || email
  );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The password piped on standard input: its first line (without the line break). Anything after
 * it is left out, with a warning, rather than silently made part of a password nobody could type
 * into the sign-in form; control characters are refused (security review F14).
 */
function pipedPassword(text: string): string {
  const [line = "", ...rest] = text.split(/\r?\n/);
  if (/[\u0000-\u001f\u007f]/.test(line))
    throw new ConfigError("The password must not contain control characters (tabs, escapes or other invisible characters).");
  if (rest.some((l) => l.trim() !== "")) console.error("Only the first line of standard input was used as the password; the rest was ignored.");
  return line;
}

/** Asks on the terminal without echoing what is typed. */
async function askHidden(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  let muted = false;
  (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
    if (!muted) process.stdout.write(text);
  };
  const answer = new Promise<string>((resolve) => rl.question(question, resolve));
  muted = true;
  try {
    return await answer;
  } finally {
    rl.close();
    process.stdout.write("\n");
  }
}

/** On a terminal: the password typed twice, hidden; empty for a one-time password. */
async function typedPassword(): Promise<string | undefined> {
  const first = await askHidden("Password (leave empty for a one-time password): ");
  if (first === "") return undefined;
  const password = pipedPassword(first);
  if ((await askHidden("Type the password again: ")) !== first) throw new ConfigError("The two passwords were not the same. Nothing was created.");
  return password;
}

async function add(db: Db) {
  const organisations = (values.organisation ?? [])
    .flatMap((o) => o.split(","))
    .map((o) => o.trim())
    .filter(Boolean);
  const parsed = userCreateSchema.safeParse({
    email: values.email ?? "",
    name: values.name ?? nameFromEmail(values.email ?? ""),
    role: values.role ?? "",
    organisations,
  });
  if (!parsed.success) {
    throw new ConfigError(
      `${parsed.error.issues.map((i) => `--${String(i.path[0] === "organisations" ? "organisation" : i.path[0])}: ${i.message}`).join("\n  ")}\n\n${USAGE}`,
    );
  }
  let password: string | undefined;
  if (!values["one-time-password"]) {
    if (process.stdin.isTTY) password = await typedPassword();
    else {
      const piped = await readStdin();
      if (piped.length > 0) password = pipedPassword(piped);
    }
  }
  const result = await transaction(db, (tx) => insertUser(tx, null, parsed.data, password, "cli"));
  if (!result.ok) {
    const message =
      result.kind === "invalid" ? result.errors.map((e) => e.message).join("; ") : result.kind === "conflict" ? result.message : result.message;
    throw new ConfigError(
      `${message}.${result.kind === "invalid" && result.errors.some((e) => e.field === "organisations") ? " Organisation slugs are listed in seeds/organisations.json (run npm run db:seed if the database is empty)." : ""}`,
    );
  }
  const who = `${parsed.data.role} ${parsed.data.email} (${parsed.data.name}${organisations.length ? `, ${organisations.join(", ")}` : ""})`;
  if (result.value.oneTimePassword) {
    console.log(
      `Created ${who}.\nOne-time password: ${result.value.oneTimePassword}\nGive it to them securely; they must choose their own password when they first sign in at /editor/sign-in.`,
    );
  } else {
    console.log(`Created ${who} with the password from standard input.`);
  }
}

async function findUser(db: Db) {
  const email = values.email?.trim().toLowerCase();
  if (!email) throw new ConfigError(`--email is required.\n\n${USAGE}`);
  const user = await db.user.findUnique({ where: { email } });
  if (!user) throw new ConfigError(`There is no account with the email address ${email}.`);
  return user;
}

async function resetPassword(db: Db) {
  const user = await findUser(db);
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await transaction(db, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: null,
      action: "user.reset_password",
      entityType: "user",
      entityId: user.id,
      after: { email: user.email, oneTimePassword: true, via: "cli" },
    });
  });
  console.log(
    `New one-time password for ${user.email}: ${oneTimePassword}\nTheir existing sessions have ended; they must choose a new password when they sign in.`,
  );
}

async function resetTwoStep(db: Db) {
  const user = await findUser(db);
  await clearTwoStep(db, user.id, null);
  console.log(
    `Two-step verification reset for ${user.email}. Their sessions have ended; they set up an authenticator app again when they next sign in.`,
  );
}

async function setDisabled(db: Db, disabled: boolean) {
  const user = await findUser(db);
  await transaction(db, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { disabledAt: disabled ? new Date() : null, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: null,
      action: "user.update",
      entityType: "user",
      entityId: user.id,
      before: { disabled: user.disabledAt !== null },
      after: { disabled, via: "cli" },
    });
  });
  console.log(`${user.email} is now ${disabled ? "disabled" : "enabled"}.`);
}

async function list(db: Db) {
  const users = await db.user.findMany({ include: { organisations: { include: { organisation: true } } }, orderBy: { email: "asc" } });
  if (users.length === 0) console.log("No accounts yet. Create the first admin with: npm run user -- add --email you@example.gov.uk --role admin");
  for (const u of users) {
    const orgs = u.organisations.map((o) => o.organisation.slug).join(", ");
    console.log(`${u.email}\t${u.role}\t${u.disabledAt ? "disabled" : "active"}\t${orgs}`);
  }
}

runMain(async () => {
  const command = positionals[0];
  if (values.help || !command || !["add", "reset-password", "reset-two-step", "disable", "enable", "list"].includes(command)) {
    if (values.help) {
      console.log(USAGE);
      return;
    }
    throw new ConfigError(USAGE);
  }
  const env = appConfig();
  const database = await provideDatabase(env);
  const db = createPrismaClient(database.url);
  try {
    console.error(`Database: ${describeDatabaseUrl(database.url)}${database.embedded ? " (embedded)" : ""}`);
    await migrate(database.url);
    if (command === "add") await add(db);
    else if (command === "reset-password") await resetPassword(db);
    else if (command === "reset-two-step") await resetTwoStep(db);
    else if (command === "disable") await setDisabled(db, true);
    else if (command === "enable") await setDisabled(db, false);
    else await list(db);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
});
