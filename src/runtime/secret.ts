import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Env } from "./env";

/** A keyed hash (HMAC-SHA256, base64url) of `value` under `label`: the same value gives the same key, and the key gives nothing back. */
export function keyedHash(secret: string, label: string, value: string): string {
  return crypto.createHmac("sha256", secret).update(`${label}:${value}`).digest("base64url");
}

/** NEXTAUTH_SECRET from the environment, or one generated once and kept in the data directory. */
export function authSecret(env: Pick<Env, "NEXTAUTH_SECRET" | "dataDir">): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const dataDir = env.dataDir;
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}
