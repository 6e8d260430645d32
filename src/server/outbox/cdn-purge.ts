// The outbox's "cdn-purge" items: the keys a publish touched, purged at every configured CDN
// (CDN_PURGE_URL). Fastly-style: POST to the purge URL with the keys in Surrogate-Key,
// separated by spaces, and the token in Fastly-Key (also as a bearer token for other CDNs; the
// keys also go as JSON {"surrogate_keys": […]}). The Varnish of deploy/varnish answers the same
// request. Any answer but 2xx fails the item, which the worker retries with back-off.
import { z } from "zod";

const cdnPurgePayload = z.object({ keys: z.array(z.string()) });

export type PurgeTarget = { urls: string[]; key: string | undefined; fetch?: typeof fetch };

export async function purgeKeys(target: PurgeTarget, payload: unknown): Promise<void> {
  const { keys } = cdnPurgePayload.parse(payload);
  if (keys.length === 0 || target.urls.length === 0) return;
  const headers: Record<string, string> = { "content-type": "application/json", "surrogate-key": keys.join(" ") };
  if (target.key) {
    headers["fastly-key"] = target.key;
    headers.authorization = `Bearer ${target.key}`;
  }
  const send = target.fetch ?? fetch;
  await Promise.all(
    target.urls.map(async (url) => {
      const response = await send(url, {
        method: "POST",
        headers,
        body: JSON.stringify({ surrogate_keys: keys }),
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer().catch(() => {});
      if (!response.ok) throw new Error(`purge at ${new URL(url).origin} answered ${response.status}`);
    }),
  );
}
