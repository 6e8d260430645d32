// next-auth's routes: sign in (credentials and OpenID Connect), callbacks, CSRF, sign out.
import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

export const dynamic = "force-dynamic";

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
