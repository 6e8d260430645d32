// next-auth configuration: email + password (always), and an organisation's OpenID Connect
// identity provider when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. Sessions
// are signed JWTs in an httpOnly cookie (Secure, with the __Secure-/__Host- prefixes, whenever
// NEXTAUTH_URL is https), valid for 8 hours from sign-in. Each request re-reads the user from
// the database (src/server/auth/session.ts), so disabling an account or resetting its password
// ends its sessions at once. See docs/editors.md.
import type { NextAuthOptions, User } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { appConfig, type Env, type OidcConfig } from "../../runtime/env";
import { getDb } from "../db";
import { recordAudit } from "../editor/audit";
import { authorizeCredentials, clientAddress } from "./credentials";

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
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
const SIGN_IN_ERROR_CODES = { slowDown: "SlowDown", locked: "Locked" } as const;

type SessionUser = User & { sessionVersion?: number };

export const secureCookies = appConfig().https;

/** The app user a verified OpenID Connect identity maps to: an existing, enabled account with that email. */
async function userForOidc(profile: OidcProfile | undefined) {
  const email = profile?.email?.trim().toLowerCase();
  if (!email) return null;
  if (profile?.email_verified === false || profile?.email_verified === "false") return null;
  const user = await getDb().user.findUnique({ where: { email } });
  return user && !user.disabledAt ? user : null;
}

export const authOptions: NextAuthOptions = {
  secret: appConfig().NEXTAUTH_SECRET,
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
        const result = await authorizeCredentials(getDb(), {
          email: credentials?.email,
          password: credentials?.password,
          address: clientAddress(req?.headers),
        });
        if (result.ok)
          return {
            id: String(result.user.id),
            email: result.user.email,
            name: result.user.name,
            sessionVersion: result.user.sessionVersion,
          } as SessionUser;
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
      await recordAudit(getDb(), { actorId: user.id, action: "auth.sign_in", entityType: "user", entityId: user.id, after: { method: "oidc" } });
      return true;
    },
    async jwt({ token, user, account, profile }) {
      if (user && account?.type === "credentials") {
        token.uid = Number(user.id);
        token.sv = (user as SessionUser).sessionVersion ?? 1;
      } else if (account?.type === "oauth") {
        const dbUser = await userForOidc(profile as OidcProfile | undefined);
        if (dbUser) {
          token.uid = dbUser.id;
          token.sv = dbUser.sessionVersion;
          token.name = dbUser.name;
          token.email = dbUser.email;
        }
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: typeof token.uid === "number" ? token.uid : undefined, sv: typeof token.sv === "number" ? token.sv : undefined };
    },
    async redirect({ url, baseUrl }) {
      // Only ever back into the editor on this site.
      const target = url.startsWith("/") ? new URL(url, baseUrl) : new URL(url);
      if (target.origin === new URL(baseUrl).origin && target.pathname.startsWith("/editor")) return target.toString();
      return `${baseUrl}/editor`;
    },
  },
  logger: {
    error(code, metadata) {
      // Failed sign-ins are expected; anything else is worth a line in the server log.
      if (code === "CLIENT_FETCH_ERROR") return;
      console.error(`[auth] ${code}`, metadata instanceof Error ? metadata.message : "");
    },
    warn() {},
    debug() {},
  },
};
