// Email alerts (issue 13): what one can follow, how often, and the limits on asking. Plain rules;
// the forms, the server and the tests use these.

export const SUBSCRIPTION_SCOPES = ["commitment", "area", "organisation", "everything"] as const;
export type SubscriptionScope = (typeof SUBSCRIPTION_SCOPES)[number];

export const SUBSCRIPTION_FREQUENCIES = ["immediate", "daily", "weekly"] as const;
export type SubscriptionFrequency = (typeof SUBSCRIPTION_FREQUENCIES)[number];

export const FREQUENCY_LABELS: Record<SubscriptionFrequency, string> = {
  immediate: "As soon as something changes",
  daily: "Once a day, if anything changed",
  weekly: "Once a week, if anything changed",
};

/** An unconfirmed subscription is deleted this many days after it was asked for. */
export const UNCONFIRMED_DAYS = 7;

/** One connection (IP address) may ask at most this many times an hour; one email address this many. */
export const SUBSCRIBE_IP_LIMIT = 10;
export const SUBSCRIBE_EMAIL_LIMIT = 3;
export const SUBSCRIBE_WINDOW_MINUTES = 60;

/** One address, one subscriber: "Reader@Example.com " and "reader@example.com" are the same person. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** "this commitment", "the Digital services area", "everything on the tracker": what a subscription follows, in words. */
export function followedPhrase(scope: SubscriptionScope, name: string | null): string {
  if (scope === "everything" || !name) return "everything on the Roadmap Tracker";
  return scope === "commitment" ? `the commitment “${name}”` : scope === "area" ? `the area “${name}”` : `commitments led or shared by ${name}`;
}
