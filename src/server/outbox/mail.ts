// The outbox's "mail" items (src/server/subscriptions.ts writes them): the worker reads the
// subscription and the address as they are now (an address deleted meanwhile is not written to),
// builds the message (src/server/mail/message.ts) with the Message-ID of the outbox row, sends it
// through the configured transport, and records the attempt in mail_attempt, sent or failed.
import type pg from "pg";
import { z } from "zod";
import type { Env } from "../../runtime/env";
import { authSecret } from "../../runtime/secret";
import { FREQUENCY_LABELS, UNCONFIRMED_DAYS, followedPhrase, type SubscriptionFrequency, type SubscriptionScope } from "../../domain/subscriptions";
import { buildMessage, messageIdFor, type Outgoing } from "../mail/message";
import type { MailTransport } from "../mail/transport";
import { linkToken } from "../subscriptions";
import { siteOrigin } from "../http";

const mailPayload = z.object({ template: z.enum(["confirm", "already"]), subscriptionId: z.number().int() });

type Row = {
  subscriber_id: number;
  email: string;
  scope: SubscriptionScope;
  slug: string;
  frequency: SubscriptionFrequency;
  confirmed: boolean;
  name: string | null;
};

async function subscriptionRow(db: pg.ClientBase, id: number): Promise<Row | null> {
  const { rows } = await db.query<Row>(
    `SELECT s.subscriber_id, b.email, s.scope, s.slug, s.frequency, s.confirmed_at IS NOT NULL AS confirmed,
            CASE s.scope WHEN 'commitment' THEN (SELECT title FROM commitment WHERE slug = s.slug)
                         WHEN 'area' THEN (SELECT title FROM area WHERE slug = s.slug)
                         WHEN 'organisation' THEN (SELECT name FROM organisation WHERE slug = s.slug) END AS name
     FROM subscription s JOIN subscriber b ON b.id = s.subscriber_id WHERE s.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export type MailSettings = { env: Env; transport: MailTransport };

/** The email for one "mail" outbox item, or null when there is nobody to send it to any more. */
async function compose(
  db: pg.ClientBase,
  env: Env,
  outboxId: string,
  payload: z.infer<typeof mailPayload>,
): Promise<(Outgoing & { subscriberId: number }) | null> {
  const row = await subscriptionRow(db, payload.subscriptionId);
  // Unsubscribed or expired meanwhile; or confirmed meanwhile (a confirmation is then moot).
  if (!row || (payload.template === "confirm" && row.confirmed)) return null;
  const origin = siteOrigin(env);
  const secret = authSecret(env);
  const followed = followedPhrase(row.scope, row.name);
  const how = FREQUENCY_LABELS[row.frequency].toLowerCase();
  const privacy = { link: `${origin}/subscribe/privacy`, label: "What we keep and why" };
  const base = { outboxId, to: row.email, subscriberId: row.subscriber_id };
  if (payload.template === "confirm") {
    return {
      ...base,
      content: {
        subject: `Confirm you want emails about ${followed}`,
        blocks: [
          { text: `Someone, probably you, asked the Roadmap Tracker to email this address about ${followed}: ${how}.` },
          {
            link: `${origin}/subscriptions/confirm/${linkToken("confirm", payload.subscriptionId, secret)}`,
            label: "Confirm that you want these emails",
          },
          {
            text: `If you did not ask for this, ignore this email. Nothing else will be sent, and the address is deleted in ${UNCONFIRMED_DAYS} days.`,
          },
          privacy,
        ],
      },
    };
  }
  return {
    ...base,
    content: {
      subject: `You already get emails about ${followed}`,
      blocks: [
        { text: `Someone, probably you, asked the Roadmap Tracker to email this address about ${followed}. This address already gets those emails.` },
        { link: `${origin}/subscriptions/manage/${linkToken("manage", row.subscriber_id, secret)}`, label: "See or stop your emails" },
        { text: "If you did not ask for this, you do not need to do anything." },
        privacy,
      ],
    },
  };
}

/** Sends one "mail" item; every attempt, sent or failed, is recorded. Throws on failure (the worker retries). */
export async function sendMailItem(settings: MailSettings, payload: unknown, item: { id: string; db: pg.ClientBase }): Promise<void> {
  const parsed = mailPayload.parse(payload);
  const outgoing = await compose(item.db, settings.env, item.id, parsed);
  if (!outgoing) return;
  const record = (error: string | null) =>
    // The address may have been deleted while the message was being sent: the attempt is kept, without it.
    item.db.query(
      `INSERT INTO mail_attempt (outbox_id, message_id, template, subscriber_id, transport, error) VALUES ($1, $2, $3, (SELECT id FROM subscriber WHERE id = $4), $5, $6)`,
      [item.id, messageIdFor(item.id, siteOrigin(settings.env)), parsed.template, outgoing.subscriberId, settings.transport.name, error],
    );
  try {
    await settings.transport.send(buildMessage(outgoing, settings.env.mailFrom, siteOrigin(settings.env)));
  } catch (error) {
    await record((error instanceof Error ? error.message : String(error)).slice(0, 1000));
    throw error;
  }
  await record(null);
}

/**
 * The worker's periodic pass: unconfirmed subscriptions older than 7 days go (with their address,
 * if nothing else uses it: a trigger), and the rate limits' requests older than a day.
 */
export async function deleteExpiredSubscriptions(db: pg.ClientBase): Promise<number> {
  const { rowCount } = await db.query(`DELETE FROM subscription WHERE confirmed_at IS NULL AND created_at < now() - make_interval(days => $1)`, [
    UNCONFIRMED_DAYS,
  ]);
  await db.query(`DELETE FROM subscribe_request WHERE created_at < now() - interval '1 day'`);
  return rowCount ?? 0;
}
