// Secrets the server must read back (an authenticator's TOTP secret, recovery codes waiting to be
// shown) are kept in the database encrypted with AES-256-GCM, under a key derived (HKDF) from
// the sign-in secret: a copy of the database alone does not give anyone an editor's second
// factor. Changing NEXTAUTH_SECRET therefore means every editor sets up two-step verification
// again (an admin resets it; docs/editors.md).
import crypto from "node:crypto";
import { sessionSecret } from "./secret";

const VERSION = "v1";
let cachedKey: { secret: string; key: Buffer } | undefined;

function key(secret = sessionSecret()): Buffer {
  if (cachedKey?.secret !== secret)
    cachedKey = { secret, key: Buffer.from(crypto.hkdfSync("sha256", secret, "roadmap-tracker", "two-step-verification", 32)) };
  return cachedKey.key;
}

export function seal(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** The plain text, or null when it was sealed under another secret (or is not a sealed value). `secret`: another app's (the browser tests read their app's). */
export function unseal(sealed: string, secret = sessionSecret()): string | null {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !body || !tag) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
