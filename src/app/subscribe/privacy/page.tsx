import type { Metadata } from "next";
import { UNCONFIRMED_DAYS } from "@/domain/subscriptions";

export const metadata: Metadata = { title: "Email alerts: what we keep and why" };

export default function SubscribePrivacyPage() {
  return (
    <div className="md:w-3/4 max-w-3xl">
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Email alerts: what we keep and why</h1>
      <h2 className="text-2xl font-bold mb-4">What we keep</h2>
      <ul className="list-disc pl-6 space-y-2 mb-6">
        <li>Your email address.</li>
        <li>
          What you follow (a commitment, an area, an organisation, or everything), how often you want emails, and when you subscribed and confirmed.
        </li>
        <li>
          A record of each email we tried to send: when, and whether it was delivered. It does not include your address once you have unsubscribed.
        </li>
      </ul>
      <p className="mb-6">
        We do not keep your name, your IP address or anything about how you read our emails. To limit how often anyone can ask us to email an address,
        we keep a one-way code made from the address and from the connection each request came from, for one day; neither can be turned back into the
        address.
      </p>
      <h2 className="text-2xl font-bold mb-4">Why</h2>
      <p className="mb-6">Only to send you the emails you asked for. We never share your address or use it for anything else.</p>
      <h2 className="text-2xl font-bold mb-4">How long</h2>
      <p className="mb-6">
        Until you unsubscribe. If you do not confirm a subscription within {UNCONFIRMED_DAYS} days, we delete it, and your address with it if it is
        not used for anything else.
      </p>
      <h2 className="text-2xl font-bold mb-4">How to delete it</h2>
      <p className="mb-6">
        Every email has a link to unsubscribe in one click and a link to see all your subscriptions and remove any of them. When you remove the last
        one, we delete your address.
      </p>
      <p>
        <a href="/subscribe">Get emails about the roadmap</a>
      </p>
    </div>
  );
}
