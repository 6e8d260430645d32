import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Button } from "@/components/govuk/button";
import { FREQUENCY_LABELS, followedPhrase } from "@/domain/subscriptions";
import { getDb } from "@/server/db";
import { manageView } from "@/server/subscriptions";
import { removeAction } from "../../actions";

export const metadata: Metadata = { title: "Your email subscriptions", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function ManagePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const subscriptions = await manageView(getDb(), token);
  if (!subscriptions) notFound();
  return (
    <div className="md:w-3/4 max-w-3xl">
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Your email subscriptions</h1>
      <p className="mb-6">Removing the last one deletes your email address from the tracker.</p>
      <ul className="space-y-6">
        {subscriptions.map((s) => (
          <li key={s.id} className="border-b border-rule pb-4">
            <p className="font-bold mb-1">{followedPhrase(s.scope, s.name)}</p>
            <p className="mb-3">
              {FREQUENCY_LABELS[s.frequency]}
              {s.confirmed ? "" : " (not confirmed yet: nothing is sent until it is)"}
            </p>
            <form action={removeAction}>
              <input type="hidden" name="token" value={token} />
              <input type="hidden" name="subscription" value={s.id} />
              <Button variant="secondary">Stop emails about {followedPhrase(s.scope, s.name)}</Button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
