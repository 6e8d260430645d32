// Codes an authenticator app would show, made from the enrolled secret with the same library the
// app checks them with (RFC 6238: SHA-1, 6 digits, 30-second steps). Real codes: the app has no
// way round two-step verification, for tests or anyone else.
import { Secret, TOTP } from "otpauth";

const PERIOD_MS = 30_000;

/** The time-step `at` falls in. */
export const stepAt = (at: Date | number) => Math.floor(new Date(at).getTime() / PERIOD_MS);

/** The code for time-step `step`. */
export function codeForStep(secret: string, step: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, "")), period: 30 }).generate({ timestamp: step * PERIOD_MS });
}

/** The code an app shows at `at`. */
export const codeAt = (secret: string, at: Date | number = Date.now()) => codeForStep(secret, stepAt(at));
