import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Button } from "@/components/govuk/button";
import { followedPhrase } from "@/domain/subscriptions";
import { getDb } from "@/server/db";
import { unsubscribeTarget } from "@/server/subscriptions";
import { unsubscribeAction } from "../../actions";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };
export const dynamic = "force-dynamic";

/** For people: a button (mail clients' one-click POST goes to /subscriptions/one-click/…). */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const followed = await unsubscribeTarget(getDb(), token);
  if (!followed) notFound();
  return (
    <div className="md:w-3/4 max-w-3xl">
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Stop emails about {followedPhrase(followed.scope, followed.name)}?</h1>
      <form action={unsubscribeAction}>
        <input type="hidden" name="token" value={token} />
        <Button>Unsubscribe</Button>
      </form>
    </div>
  );
}
