// next-auth configuration: email + password (always), and an organisation's OpenID Connect
// identity provider when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. Either is
// only the first step: two-step verification follows (two-step.ts), for OpenID Connect too.
// Sessions live on the server (sessions.ts): the next-auth cookie (an encrypted JWT, httpOnly,
// Secure with the __Secure-/__Host- prefixes whenever NEXTAUTH_URL is https) carries nothing but
// the session's random token, and every request checks its record. See docs/editors.md and
// docs/decisions/0010-server-side-sessions-and-two-step-verification.md.
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { appConfig, type Env, type OidcConfig } from "../../runtime/env";
import { getDb } from "../db";
import { recordAudit } from "../editor/audit";
import { clientAddressOf } from "../front-door";
import { authorizeCredentials } from "./credentials";
import { createSession, describeUserAgent, endSession, findSession, SESSION_RULES, sessionExpires } from "./sessions";
import { sessionSecret } from "./secret";
import { logFor } from "../log";

const SESSION_MAX_AGE_SECONDS = SESSION_RULES.absoluteHours * 60 * 60;
export const SIGN_IN_PATH = "/editor/sign-in";

/** The OpenID Connect provider's settings, or null when it is not switched on (src/runtime/env.ts). */
export function oidcConfig(env: Pick<Env, "oidc"> = appConfig()): OidcConfig | null {
  return env.oidc;
}

type OidcProfile = { sub: string; email?: string; email_verified?: boolean | string; name?: string; preferred_username?: string };

function oidcProvider(config: OidcConfig): OAuthConfig<OidcProfile> {
  return {
    id: "oidc",
    name: config.name,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile(profile) {
      return {
        id: profile.sub,
        email: profile.email?.toLowerCase() ?? null,
        name: profile.name ?? profile.preferred_username ?? profile.email ?? null,
      };
    },
  };
}

/** Where sign-in errors send people: our own page, with a code it turns into a message. */
const SIGN_IN_ERROR_CODES = { slowDown: "SlowDown", locked: "Locked", unexpected: "Default" } as const;

export const secureCookies = appConfig().https;

/** The app user a verified OpenID Connect identity maps to: an existing, enabled account with that email. */
async function userForOidc(profile: OidcProfile | undefined) {
  const email = profile?.email?.trim().toLowerCase();
  if (!email) return null;
  if (profile?.email_verified === false || profile?.email_verified === "false") return null;
  const user = await getDb().user.findUnique({ where: { email } });
  return user && !user.disabledAt ? user : null;
}

/** Who is asking, for the session record and the audit log (the address as the production server resolved it). */
async function requestContext() {
  const h = await headers();
  return { address: clientAddressOf(h), userAgent: describeUserAgent(h.get("user-agent")) };
}

/** A line for the server log that no one outside can write into: known codes only, the detail quoted and cut short. */
function logAuthProblem(code: string, detail: unknown) {
  const safeCode = /^[A-Z_]{1,64}$/.test(code) ? code : "UNRECOGNISED_CODE";
  const message = detail instanceof Error ? detail.message : "";
  logFor("auth").error({ code: safeCode, detail: message.slice(0, 300) || undefined }, "next-auth reported a problem");
}

type FirstStepUser = { id: string; email: string; name: string; sessionVersion: number };

export const authOptions: NextAuthOptions = {
  secret: sessionSecret(),
  useSecureCookies: secureCookies,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH, signOut: "/editor/sign-out" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email address", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        let result;
        try {
          result = await authorizeCredentials(getDb(), {
            email: credentials?.email,
            password: credentials?.password,
            address: clientAddressOf(req?.headers ?? {}),
          });
        } catch (error) {
          // next-auth would put the message in the sign-in page's address: never a database's words.
          logAuthProblem("SIGN_IN_FAILED", error);
          throw new Error(SIGN_IN_ERROR_CODES.unexpected);
        }
        if (result.ok)
          return {
            id: String(result.user.id),
            email: result.user.email,
            name: result.user.name,
            sessionVersion: result.user.sessionVersion,
          } as FirstStepUser;
        if (result.error === "slow_down") throw new Error(SIGN_IN_ERROR_CODES.slowDown);
        if (result.error === "locked") throw new Error(SIGN_IN_ERROR_CODES.locked);
        return null;
      },
    }),
    ...(() => {
      const config = oidcConfig();
      return config ? [oidcProvider(config)] : [];
    })(),
  ],
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.type !== "oauth") return true;
      // No self-registration: only people who already have an account may sign in this way.
      const user = await userForOidc(profile as OidcProfile | undefined);
      if (!user) return false;
      const { address } = await requestContext();
      await recordAudit(getDb(), {
        actorId: user.id,
        action: "auth.sign_in",
        entityType: "user",
        entityId: user.id,
        after: { method: "oidc", step: "identity provider", address },
      });
      return true;
    },
    async jwt({ token, user, account, profile }) {
      // Signing in (the first step): a new server-side session; the cookie carries only its token.
      if (user && account) {
        const first =
          account.type === "credentials"
            ? { userId: Number(user.id), sessionVersion: (user as FirstStepUser).sessionVersion, method: "password" as const }
            : await userForOidc(profile as OidcProfile | undefined).then((u) =>
                u ? { userId: u.id, sessionVersion: u.sessionVersion, method: "oidc" as const } : null,
              );
        if (!first) return {};
        const { token: sid } = await createSession(getDb(), { ...first, ...(await requestContext()) });
        return { sid };
      }
      return typeof token.sid === "string" ? { sid: token.sid } : {};
    },
    async session({ token }) {
      // GET /api/auth/session: read only (it never extends the session), and only a full sign-in counts.
      const record = typeof token.sid === "string" ? await findSession(getDb(), token.sid, new Date(), { touch: false }) : null;
      if (!record?.secondFactorAt) return {} as never;
      const user = await getDb().user.findUnique({ where: { id: record.userId }, select: { name: true, email: true } });
      return { user: { name: user?.name, email: user?.email }, expires: sessionExpires(record).toISOString() };
    },
    async redirect({ url, baseUrl }) {
      // Only ever back into the editor on this site.
      const target = url.startsWith("/") ? new URL(url, baseUrl) : new URL(url);
      if (target.origin === new URL(baseUrl).origin && target.pathname.startsWith("/editor")) return target.toString();
      return `${baseUrl}/editor`;
    },
  },
  events: {
    async signOut({ token }) {
      // Signing out ends the session on the server: a copy of the cookie stops working with it.
      if (typeof token?.sid !== "string") return;
      const ended = await endSession(getDb(), token.sid, "signed_out");
      if (!ended) return;
      const { address } = await requestContext();
      await recordAudit(getDb(), { actorId: ended.userId, action: "auth.sign_out", entityType: "user", entityId: ended.userId, after: { address } });
    },
  },
  logger: {
    error(code, metadata) {
      // Failed sign-ins are expected; anything else is worth a line in the server log.
      if (code === "CLIENT_FETCH_ERROR") return;
      logAuthProblem(code, metadata instanceof Error ? metadata : undefined);
    },
    warn() {},
    debug() {},
  },
};
