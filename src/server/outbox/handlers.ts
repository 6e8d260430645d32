// What the outbox worker does with each kind of item, from the settings.
import type { Env } from "../../runtime/env";
import { purgeKeys } from "./cdn-purge";
import type { OutboxHandlers } from "./worker";

export function outboxHandlers(env: Env): OutboxHandlers {
  return {
    "cdn-purge": (payload) => purgeKeys({ urls: env.cdnPurgeUrls, key: env.CDN_PURGE_KEY }, payload),
  };
}
