import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Button } from "@/components/govuk/button";
import { FREQUENCY_LABELS, followedPhrase } from "@/domain/subscriptions";
import { getDb } from "@/server/db";
import { pendingConfirmation } from "@/server/subscriptions";
import { confirmAction } from "../../actions";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const followed = await pendingConfirmation(getDb(), token);
  if (!followed) notFound();
  const what = followedPhrase(followed.scope, followed.name);
  if (followed.confirmed) {
    return (
      <div className="md:w-3/4 max-w-3xl">
        <h1 className="text-3xl md:text-5xl font-bold mb-6">You are subscribed</h1>
        <p className="mb-4">You get emails about {what}.</p>
      </div>
    );
  }
  return (
    <div className="md:w-3/4 max-w-3xl">
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Confirm you want emails about {what}</h1>
      <p className="mb-6">How often: {FREQUENCY_LABELS[followed.frequency].toLowerCase()}.</p>
      <form action={confirmAction}>
        <input type="hidden" name="token" value={token} />
        <Button>Confirm</Button>
      </form>
    </div>
  );
}
