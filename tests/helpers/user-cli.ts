// Accounts made as an operator makes them: with the real `npm run user -- add` command, the
// password on standard input. For the browser tests and the harnesses, whose app runs elsewhere.
import { spawnSync } from "node:child_process";
import { PASSWORD } from "./editor-fixtures";

export type AccountRequest = { email: string; role: "admin" | "editor"; name: string; organisations: string[] };

/** Adds the account with the environment `env` (whose DATABASE_URL is the app's database); idempotent within a run. */
export function addAccountWithCli(env: NodeJS.ProcessEnv, account: AccountRequest): { email: string; password: string } {
  const args = ["--import", "tsx", "scripts/ops/user.ts", "add", "--email", account.email, "--role", account.role, "--name", account.name];
  for (const organisation of account.organisations) args.push("--organisation", organisation);
  const result = spawnSync(process.execPath, args, { env, input: PASSWORD, encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0 && !/already an account/.test(result.stderr)) throw new Error(`could not create ${account.email}: ${result.stderr}`);
  return { email: account.email, password: PASSWORD };
}
