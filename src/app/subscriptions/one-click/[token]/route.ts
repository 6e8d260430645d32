// RFC 8058 one-click unsubscribe: the address in an alert's List-Unsubscribe header. A mail client
// POSTs "List-Unsubscribe=One-Click" here; the token alone authorises it (it is in no page and
// only its hash is stored). A GET (someone opening the address) goes to the page with a button.
import { getDb } from "@/server/db";
import { unsubscribe } from "@/server/subscriptions";

type Context = { params: Promise<{ token: string }> };

export async function POST(_request: Request, { params }: Context): Promise<Response> {
  const result = await unsubscribe(getDb(), { unsubscribe: (await params).token });
  return new Response(result.ok ? "Unsubscribed.\n" : `${result.kind === "not_found" ? result.message : "Not unsubscribed."}\n`, {
    status: result.ok ? 200 : 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  // A relative Location: the request's own URL carries the address the server listens on, not the public one.
  return new Response(null, { status: 303, headers: { location: `/subscriptions/unsubscribe/${encodeURIComponent((await params).token)}` } });
}
