// Where sign-in works. With NEXTAUTH_URL set, next-auth sends every sign-in to that address, so
// someone who reached the server at another one (its IP address, an internal name) is told,
// rather than left wondering why signing in takes them elsewhere. Unset, sign-in works at
// whatever address the request came to (src/runtime/env.ts).

/** The one sentence for the sign-in page, or null when the request came to the configured address (or none is configured). */
export function otherAddressNotice(authUrl: string | null, requestHost: string | null): string | null {
  if (!authUrl || !requestHost) return null;
  const configured = new URL(authUrl);
  if (configured.host.toLowerCase() === requestHost.toLowerCase()) return null;
  return `Signing in works at ${configured.origin}, the tracker’s public address, not at the address you used: go to ${configured.origin}/editor/sign-in to sign in.`;
}
