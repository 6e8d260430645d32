// next-auth's routes: sign in (credentials and OpenID Connect), callbacks, CSRF, sign out. In
// front of them: a body limit (a sign-in form is tiny; the front door refuses a declared larger
// one, this catches an undeclared one) and no client logging (next-auth's POST /api/auth/_log
// would write whatever anyone sends into the server log).
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/server/auth/options";
import { AUTH_BODY_LIMIT_BYTES } from "@/server/front-door";
import { limitedBody } from "@/server/limited-body";

export const dynamic = "force-dynamic";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

const problem = (status: number, title: string, detail: string) =>
  Response.json(
    { type: "about:blank", title, status, detail },
    { status, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } },
  );

async function GET(request: NextRequest, context: Context) {
  return handler(request, context);
}

async function POST(request: NextRequest, context: Context) {
  const [action] = (await context.params).nextauth;
  if (action === "_log") return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  const body = await limitedBody(request, AUTH_BODY_LIMIT_BYTES);
  if (!body) return problem(413, "Content Too Large", "A sign-in form is never this large.");
  return handler(new NextRequest(request.url, { method: "POST", headers: request.headers, body: body as BodyInit }), context);
}

export { GET, POST };
