import type { Metadata } from "next";
import { connection } from "next/server";
import { UNCONFIRMED_DAYS } from "@/domain/subscriptions";

export const metadata: Metadata = { title: "This link is not valid" };

/** An unknown, tampered or expired link from one of our emails. */
export default async function SubscriptionLinkNotFound() {
  await connection();
  return (
    <div className="md:w-3/4 max-w-3xl">
      <h1 className="text-3xl md:text-5xl font-bold mb-6">This link is not valid</h1>
      <p className="mb-4">
        It may have been copied without its end, or it is from a request to subscribe that was not confirmed within {UNCONFIRMED_DAYS} days and has
        been deleted.
      </p>
      <p className="mb-4">
        Use the link in the latest email we sent you, or <a href="/subscribe">subscribe again</a>.
      </p>
    </div>
  );
}
