// Email alerts without an account (issue 13; docs/decisions/0020-email-alerts.md). Subscribing
// writes the subscription (unconfirmed) and the confirmation email's outbox row in one
// transaction; nothing else is ever sent to the address until the link in that email is used.
// The answer is the same whether or not the address was already subscribed ("Check your email"),
// and the email then differs instead (a confirmation, or "you already get these" with the link
// to manage them). Rate limits: per connection and per address, counted on keyed hashes.
//
// Link tokens are derived, not stored: HMAC-SHA256 of the purpose and the row's id under the
// server's secret (NEXTAUTH_SECRET), so the worker can put the same link in every retry of an
// email; the database keeps only each token's SHA-256, looked up when a link is used.
import crypto from "node:crypto";
import type { Db } from "./db";
import { invalid, invalidField, notFound, ok, type Result } from "./editor/result";
import { transaction, type Tx } from "./editor/tx";
import { fieldErrors } from "../schemas/editor";
import { linkTokenSchema, subscribeFormSchema } from "../schemas/subscription";
import {
  SUBSCRIBE_EMAIL_LIMIT,
  SUBSCRIBE_IP_LIMIT,
  SUBSCRIBE_WINDOW_MINUTES,
  type SubscriptionFrequency,
  type SubscriptionScope,
} from "../domain/subscriptions";
import { appConfig } from "../runtime/env";
import { authSecret, keyedHash } from "../runtime/secret";
import { HONEYPOT_FIELD } from "../domain/reports";

export type TokenPurpose = "confirm" | "unsubscribe" | "manage";

/** The token in a link: confirm and unsubscribe name a subscription's id, manage a subscriber's. */
export function linkToken(purpose: TokenPurpose, id: number, secret: string): string {
  return keyedHash(secret, "subscription-token", `${purpose}:${id}`);
}

/** What the database keeps of a token. */
export const tokenHash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** The outbox kind of every email; its payload names the template and the subscription (never the address). */
export const MAIL_KIND = "mail";
type MailPayload = { template: "confirm" | "already"; subscriptionId: number };

export type SubscribeValues = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The name of what a subscription follows, or null when there is no such commitment, area or organisation. */
export async function followedName(db: Db | Tx, scope: SubscriptionScope, slug: string): Promise<string | null> {
  if (scope === "everything") return "";
  if (scope === "commitment") return (await db.commitment.findUnique({ where: { slug }, select: { title: true } }))?.title ?? null;
  if (scope === "area") return (await db.area.findUnique({ where: { slug }, select: { title: true } }))?.title ?? null;
  return (await db.organisation.findUnique({ where: { slug }, select: { name: true } }))?.name ?? null;
}

/**
 * A request to subscribe. Succeeds (the sender is told to check their email) for a new address,
 * one already subscribed, one over its own limit (nothing is sent) and a robot that filled the
 * honeypot (nothing is kept); fails only on bad input or too many requests from one connection.
 */
export async function subscribe(db: Db, values: SubscribeValues, clientAddress: string, now = new Date()): Promise<Result<{ queued: boolean }>> {
  const parsed = subscribeFormSchema.safeParse(
    Object.fromEntries(["scope", "slug", "frequency", "email", HONEYPOT_FIELD].map((k) => [k, one(values[k]) ?? ""])),
  );
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { scope, slug, frequency, email, website } = parsed.data;
  if (website !== "") return ok({ queued: false });
  if ((await followedName(db, scope, slug)) === null)
    return invalidField("scope", "There is nothing of that name on the tracker: choose what you want emails about");

  const secret = authSecret(appConfig());
  const addressHash = keyedHash(secret, "subscribe-ip", clientAddress);
  const emailHash = keyedHash(secret, "subscribe-email", email);
  const since = new Date(now.getTime() - SUBSCRIBE_WINDOW_MINUTES * 60_000);
  if ((await db.subscribeRequest.count({ where: { addressHash, createdAt: { gte: since } } })) >= SUBSCRIBE_IP_LIMIT) {
    return invalidField("email", "There have been too many requests to subscribe from your connection. Wait an hour, then try again.");
  }
  const fromAddress = await db.subscribeRequest.count({ where: { emailHash, createdAt: { gte: since } } });
  await db.subscribeRequest.create({ data: { addressHash, emailHash, createdAt: now } });
  // Over the address's own limit: the same answer, and nothing sent (no mail bombing of someone else's inbox).
  if (fromAddress >= SUBSCRIBE_EMAIL_LIMIT) return ok({ queued: false });

  await transaction(db, async (tx) => {
    const [subscriber] = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO subscriber (email) VALUES (${email}) ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`;
    const subscriberId = subscriber!.id;
    await tx.$executeRaw`
      INSERT INTO subscription (subscriber_id, scope, slug, frequency) VALUES (${subscriberId}, ${scope}::"SubscriptionScope", ${slug}, ${frequency}::"SubscriptionFrequency")
      ON CONFLICT (subscriber_id, scope, slug) DO NOTHING`;
    const subscription = await tx.subscription.findUniqueOrThrow({ where: { subscriberId_scope_slug: { subscriberId, scope, slug } } });
    // Not yet confirmed: the latest choice of frequency stands (nothing has been sent under the old one).
    if (!subscription.confirmedAt && subscription.frequency !== frequency) {
      await tx.subscription.update({ where: { id: subscription.id }, data: { frequency: frequency as SubscriptionFrequency } });
    }
    await tx.subscriptionToken.createMany({
      data: [
        { purpose: "confirm", subscriberId, subscriptionId: subscription.id, tokenHash: tokenHash(linkToken("confirm", subscription.id, secret)) },
        {
          purpose: "unsubscribe",
          subscriberId,
          subscriptionId: subscription.id,
          tokenHash: tokenHash(linkToken("unsubscribe", subscription.id, secret)),
        },
        { purpose: "manage", subscriberId, tokenHash: tokenHash(linkToken("manage", subscriberId, secret)) },
      ],
      skipDuplicates: true,
    });
    const payload: MailPayload = { template: subscription.confirmedAt ? "already" : "confirm", subscriptionId: subscription.id };
    await tx.outbox.create({ data: { kind: MAIL_KIND, dedupeKey: `${payload.template}:${subscription.id}:${crypto.randomUUID()}`, payload } });
  });
  return ok({ queued: true });
}

/** The row a link's token names, or null for an unknown, tampered or used-up one. */
async function tokenRow(db: Db | Tx, purpose: TokenPurpose, token: string) {
  if (!linkTokenSchema.safeParse(token).success) return null;
  const row = await db.subscriptionToken.findUnique({ where: { tokenHash: tokenHash(token) } });
  return row && row.purpose === purpose ? row : null;
}

export type Followed = { scope: SubscriptionScope; slug: string; name: string; frequency: SubscriptionFrequency; confirmed: boolean };

type SubscriptionRow = { scope: SubscriptionScope; slug: string; frequency: SubscriptionFrequency; confirmedAt: Date | null };

async function toFollowed(db: Db | Tx, s: SubscriptionRow): Promise<Followed> {
  return {
    scope: s.scope,
    slug: s.slug,
    name: (await followedName(db, s.scope, s.slug)) ?? s.slug,
    frequency: s.frequency,
    confirmed: s.confirmedAt !== null,
  };
}

async function describe(db: Db | Tx, subscriptionId: number): Promise<Followed | null> {
  const s = await db.subscription.findUnique({ where: { id: subscriptionId } });
  return s ? toFollowed(db, s) : null;
}

/** What a confirmation link would confirm (the page shows it with a button), or null. */
export async function pendingConfirmation(db: Db, token: string): Promise<Followed | null> {
  const row = await tokenRow(db, "confirm", token);
  return row?.subscriptionId ? describe(db, row.subscriptionId) : null;
}

/** Confirms the subscription a confirmation link names; again is harmless. */
export async function confirmSubscription(db: Db, token: string, now = new Date()): Promise<Result<Followed>> {
  const row = await tokenRow(db, "confirm", token);
  if (!row?.subscriptionId) return notFound("This link is not valid: it may have been copied wrongly, or the request to subscribe has expired.");
  await db.subscription.updateMany({ where: { id: row.subscriptionId, confirmedAt: null }, data: { confirmedAt: now } });
  const followed = await describe(db, row.subscriptionId);
  return followed ? ok(followed) : notFound("This subscription no longer exists.");
}

export type ManagedSubscription = Followed & { id: number };

/** What a manage link shows: every subscription of that address, or null for an unknown or tampered link. */
export async function manageView(db: Db, token: string): Promise<ManagedSubscription[] | null> {
  const row = await tokenRow(db, "manage", token);
  if (!row) return null;
  const subscriptions = await db.subscription.findMany({ where: { subscriberId: row.subscriberId }, orderBy: { id: "asc" } });
  return Promise.all(subscriptions.map(async (s) => ({ id: s.id, ...(await toFollowed(db, s)) })));
}

/**
 * Stops one subscription: by its own unsubscribe link (one click, RFC 8058), or from the manage
 * page (the manage link and the subscription's id, which must be that address's). Deleting the
 * last one deletes the address (a trigger). `addressGone` says so.
 */
export async function unsubscribe(
  db: Db,
  link: { unsubscribe: string } | { manage: string; subscriptionId: number },
): Promise<Result<{ followed: Followed; addressGone: boolean }>> {
  const row = "unsubscribe" in link ? await tokenRow(db, "unsubscribe", link.unsubscribe) : await tokenRow(db, "manage", link.manage);
  const subscriptionId = "unsubscribe" in link ? row?.subscriptionId : link.subscriptionId;
  const gone = notFound("This link is not valid: it may have been copied wrongly, or you have already unsubscribed.");
  if (!row || !subscriptionId) return gone;
  return transaction(db, async (tx) => {
    const followed = await describe(tx, subscriptionId);
    const { count } = await tx.subscription.deleteMany({ where: { id: subscriptionId, subscriberId: row.subscriberId } });
    if (!followed || count === 0) return gone;
    const addressGone = (await tx.subscriber.count({ where: { id: row.subscriberId } })) === 0;
    return ok({ followed, addressGone });
  });
}

/** What an unsubscribe link would stop (the page shows it with a button), or null. */
export async function unsubscribeTarget(db: Db, token: string): Promise<Followed | null> {
  const row = await tokenRow(db, "unsubscribe", token);
  return row?.subscriptionId ? describe(db, row.subscriptionId) : null;
}
