import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";
import { SubscribeForm } from "@/components/subscribe/subscribe-form";
import { SUBSCRIPTION_SCOPES, followedPhrase, type SubscriptionScope } from "@/domain/subscriptions";
import { getDb } from "@/server/db";
import { followedName } from "@/server/subscriptions";
import { subscribeAction } from "./actions";

export const metadata: Metadata = { title: "Get emails about the roadmap" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ scope?: string | string[]; slug?: string | string[] }> };

export default async function SubscribePage({ searchParams }: Props) {
  const given = await searchParams;
  const asked =
    typeof given.scope === "string" && (SUBSCRIPTION_SCOPES as readonly string[]).includes(given.scope)
      ? (given.scope as SubscriptionScope)
      : "everything";
  const askedSlug = typeof given.slug === "string" ? given.slug.slice(0, 120) : "";
  const name = asked === "everything" ? "" : await followedName(getDb(), asked, askedSlug);
  // Something not on the tracker (a mistyped link): offer everything instead.
  const [scope, slug] = name === null ? (["everything", ""] as const) : [asked, asked === "everything" ? "" : askedSlug];
  return (
    <div className="md:w-3/4">
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Get emails about {followedPhrase(scope, name)}</h1>
      {name === null && <p className="mb-4">We could not find what the link named, so this signs you up for everything.</p>}
      <p className="mb-4 max-w-3xl">
        We email you when a status update is published or a deadline moves. Every email has a link to stop them in one click. You do not need an
        account.
      </p>
      {scope === "everything" && (
        <p className="mb-4 max-w-3xl">To follow one commitment, area or organisation instead, use “Get emails” on its page.</p>
      )}
      <p className="mb-8 max-w-3xl">
        We keep only your email address and what you chose. <a href="/subscribe/privacy">What we keep and why</a>.
      </p>
      <SubscribeForm action={subscribeAction} scope={scope} slug={slug} />
    </div>
  );
}
