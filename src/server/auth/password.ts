// Passwords: argon2id hashes (OWASP's minimum parameters: 19 MiB, 2 passes, 1 lane) and the
// NCSC-style policy: at least 12 characters, not a common password, no composition rules.
import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { COMMON_PASSWORDS, COMMON_WORDS } from "./common-passwords";

/** algorithm 2 is Argon2id (a const enum in the package's types, so written as its value). */
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
/** Long passphrases are welcome; the cap only stops absurd inputs from costing hashing time. */
const PASSWORD_MAX_LENGTH = 256;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown email address cannot be told apart by timing. */
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString("hex"));
  await verifyPassword(await dummyHash, password);
}

const COMMON = new Set(COMMON_PASSWORDS);
const WORDS = new Set(COMMON_WORDS);
const LEET: Record<string, string> = { "@": "a", "4": "a", "3": "e", "1": "i", "!": "i", "0": "o", $: "s", "5": "s", "7": "t", "+": "t" };
const SEQUENCES = [
  "abcdefghijklmnopqrstuvwxyz",
  "01234567890",
  "qwertyuiopasdfghjklzxcvbnm",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
  "q1w2e3r4t5y6u7i8o9p0",
];

function isSequence(s: string): boolean {
  if (s.length < 4) return false;
  return SEQUENCES.some((seq) => {
    const long = seq.repeat(4);
    const reversed = [...long].reverse().join("");
    return long.includes(s) || reversed.includes(s);
  });
}

/** The word at the heart of a password: lower-case, digits and symbols at either end removed, leet undone. */
export function passwordCore(password: string): string {
  const lower = password.toLowerCase().replace(/\s+/g, "");
  const trimmed = lower.replace(/^[^a-z]+/, "").replace(/[^a-z]+$/, "");
  return [...trimmed].map((c) => LEET[c] ?? c).join("");
}

/** Letters and digits a password must have besides the person's own (short) name words. */
const SHORT_NAME_REMAINDER = 10;

/**
 * Why a new password is not acceptable, as a message for the form, or null when it is fine.
 * `context` holds words specific to the person (their email address, their name): a password
 * built on them is refused too.
 */
export function passwordProblem(password: string, context: readonly string[] = []): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Password must be ${PASSWORD_MIN_LENGTH} characters or more`;
  if ([...password].length > PASSWORD_MAX_LENGTH) return `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  const lower = password.toLowerCase();
  const compact = lower.replace(/\s+/g, "");
  const core = passwordCore(password);
  const alnum = compact.replace(/[^a-z0-9]/g, "");
  const common =
    COMMON.has(lower) ||
    COMMON.has(compact) ||
    WORDS.has(core) ||
    COMMON.has(core) ||
    new Set(compact).size < 4 ||
    isSequence(alnum) ||
    // a common word repeated ("passwordpassword", "letmeinletmein")
    [...WORDS].some((w) => w.length >= 4 && core.length >= w.length * 2 && core === w.repeat(core.length / w.length));
  if (common) return "Password is too easy to guess: it is, or is built on, a common password. Try three or more unrelated words";
  const nameMessage = "Password must not contain your name or email address";
  for (const word of context) {
    const w = word.toLowerCase().trim();
    if (w.length >= 4 && compact.includes(w)) return nameMessage;
  }
  // Short names too ("Sec Moj Sec Moj 1"): what is left once the person's words are taken out must be a password by itself.
  const parts = [...new Set(context.flatMap((word) => word.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  if (parts.length > 0 && parts.some((w) => alnum.includes(w))) {
    const rest = parts.reduce((left, w) => left.split(w).join(""), alnum);
    if (rest.length < SHORT_NAME_REMAINDER) return nameMessage;
  }
  return null;
}

const OTP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A one-time password: 20 random characters from an unambiguous alphabet, in groups of five. */
export function generateOneTimePassword(): string {
  const chars = Array.from({ length: 20 }, () => OTP_ALPHABET[crypto.randomInt(OTP_ALPHABET.length)]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join("")).join("-");
}
