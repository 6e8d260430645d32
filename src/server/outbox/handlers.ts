// What the outbox worker does with each kind of item, from the settings, and its periodic housekeeping.
import type pg from "pg";
import type { Env } from "../../runtime/env";
import { purgeKeys } from "./cdn-purge";
import { deleteExpiredSubscriptions, sendMailItem } from "./mail";
import { mailTransport } from "../mail/transport";
import { MAIL_KIND } from "../subscriptions";
import type { OutboxHandlers } from "./worker";

export function outboxHandlers(env: Env): OutboxHandlers {
  const mail = { env, transport: mailTransport(env) };
  return {
    "cdn-purge": (payload) => purgeKeys({ urls: env.cdnPurgeUrls, key: env.CDN_PURGE_KEY }, payload),
    [MAIL_KIND]: (payload, item) => sendMailItem(mail, payload, item),
  };
}

/** The worker's periodic pass (startOutboxWorker's `periodic`). */
export const outboxPeriodic = (db: pg.ClientBase) => deleteExpiredSubscriptions(db);
