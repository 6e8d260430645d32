// The one secret behind editor sign-in: NEXTAUTH_SECRET, or the one generated into the data
// directory (src/runtime/secret.ts). It signs and encrypts the session cookie and next-auth's
// CSRF token, and a key derived from it encrypts the two-step secrets kept in the database.
import { appConfig } from "../../runtime/env";
import { authSecret } from "../../runtime/secret";

let secret: string | undefined;

export function sessionSecret(): string {
  return (secret ??= authSecret(appConfig()));
}
