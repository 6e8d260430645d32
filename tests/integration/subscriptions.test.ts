// Email alerts, the foundation (issue 13): subscribing without an account writes the confirmation
// email to the outbox in the same transaction; the outbox worker delivers it to a real SMTP server
// started here (parsed with mailparser); the link confirms; the answer never says whether the
// address was already subscribed; rate limits per address and per connection; a tampered token is
// refused; unconfirmed subscriptions (and then their address) are deleted after 7 days.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type pg from "pg";
import type { ParsedMail } from "mailparser";
import { connect } from "../../src/runtime/connect";
import { readEnv, useAppEnv } from "../../src/runtime/env";
import { useTestDatabase } from "../helpers/test-database";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { startOutboxWorker, type OutboxWorker } from "../../src/server/outbox/worker";
import { outboxHandlers } from "../../src/server/outbox/handlers";
import { deleteExpiredSubscriptions } from "../../src/server/outbox/mail";
import {
  confirmSubscription,
  linkToken,
  manageView,
  pendingConfirmation,
  subscribe,
  tokenHash,
  unsubscribe,
  unsubscribeTarget,
} from "../../src/server/subscriptions";
import { SUBSCRIBE_EMAIL_LIMIT, SUBSCRIBE_IP_LIMIT } from "../../src/domain/subscriptions";

const database = useTestDatabase();
const SECRET = "subscriptions-test-secret-0123456789abcdef";
let sink: SmtpSink;
let worker: OutboxWorker;
let client: pg.Client;

beforeAll(async () => {
  const { url } = await database.get();
  sink = await startSmtpSink();
  const settings = { NEXTAUTH_SECRET: SECRET, SITE_URL: "https://roadmap-tracker.example", SMTP_URL: sink.url, DATABASE_URL: url };
  useAppEnv(settings);
  worker = startOutboxWorker(url, outboxHandlers(readEnv(settings)), { pollMs: 50 });
  client = await connect(url);
});
afterAll(async () => {
  await worker.stop();
  await client.end();
  await sink.close();
  useAppEnv();
});

const form = (email: string, extra: Record<string, string> = {}) => ({
  scope: "commitment",
  slug: "digital-sourcing-strategy",
  frequency: "immediate",
  email,
  website: "",
  ...extra,
});

const to = (address: string) => sink.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address);
async function mailsTo(address: string, count: number): Promise<ParsedMail[]> {
  const started = Date.now();
  while (to(address).length < count) {
    if (Date.now() - started > 10_000) throw new Error(`${to(address).length} of ${count} emails reached ${address}`);
    await worker.pass();
    await new Promise((r) => setTimeout(r, 20));
  }
  return to(address);
}
const linkIn = (mail: ParsedMail, kind: "confirm" | "manage") => new RegExp(`/subscriptions/${kind}/([A-Za-z0-9_-]{43})`).exec(mail.text ?? "")?.[1];

describe("subscribing to email alerts", () => {
  it("sends a confirmation (and nothing else) to a new address, and its link confirms", async () => {
    const { db } = await database.get();
    expect(await subscribe(db, form(" Reader@Example.com "), "203.0.113.10")).toEqual({ ok: true, value: { queued: true } });
    const [mail] = await mailsTo("reader@example.com", 1);
    const { title } = await db.commitment.findUniqueOrThrow({ where: { slug: "digital-sourcing-strategy" } });
    expect(mail!.subject).toBe(`Confirm you want emails about the commitment “${title}”`);
    expect(mail!.messageId).toMatch(/^<outbox-\d+@roadmap-tracker\.example>$/);
    expect(mail!.html).toContain("Confirm that you want these emails");
    // A confirmation is not an alert: no one-click unsubscribe headers.
    expect(mail!.headerLines.some((h) => h.key === "list-unsubscribe")).toBe(false);

    const token = linkIn(mail!, "confirm")!;
    const subscriber = await db.subscriber.findUniqueOrThrow({
      where: { email: "reader@example.com" },
      include: { subscriptions: true, tokens: true },
    });
    expect(subscriber.subscriptions).toMatchObject([
      { scope: "commitment", slug: "digital-sourcing-strategy", frequency: "immediate", confirmedAt: null },
    ]);
    // Only the token's hash is kept.
    expect(JSON.stringify(subscriber.tokens)).not.toContain(token);
    expect(subscriber.tokens.map((t) => t.tokenHash)).toContain(tokenHash(token));
    const outboxId = /outbox-(\d+)@/.exec(mail!.messageId!)![1]!;
    const { rows: attempts } = await client.query(`SELECT message_id, template, transport, error FROM mail_attempt WHERE outbox_id = $1`, [outboxId]);
    expect(attempts).toEqual([{ message_id: mail!.messageId, template: "confirm", transport: "smtp", error: null }]);

    expect(await pendingConfirmation(db, token)).toMatchObject({ scope: "commitment", confirmed: false });
    expect(await confirmSubscription(db, token)).toMatchObject({ ok: true, value: { scope: "commitment", confirmed: true } });
    expect(await confirmSubscription(db, token)).toMatchObject({ ok: true });
    expect((await db.subscription.findFirstOrThrow({ where: { subscriberId: subscriber.id } })).confirmedAt).not.toBeNull();
  });

  it("answers the same for an address already subscribed, and emails it the link to manage instead", async () => {
    const { db } = await database.get();
    expect(await subscribe(db, form("reader@example.com", { frequency: "weekly" }), "203.0.113.11")).toEqual({ ok: true, value: { queued: true } });
    const mails = await mailsTo("reader@example.com", 2);
    expect(mails[1]!.subject).toMatch(/^You already get emails about /);
    expect(linkIn(mails[1]!, "manage")).toBeDefined();
    expect(linkIn(mails[1]!, "confirm")).toBeUndefined();
    // A confirmed subscription's frequency is not changed by someone who only knows the address.
    expect((await db.subscription.findFirstOrThrow({ where: { subscriber: { email: "reader@example.com" } } })).frequency).toBe("immediate");
  });

  it("refuses an unknown or tampered token with a clear message", async () => {
    const { db } = await database.get();
    const [mail] = await mailsTo("reader@example.com", 1);
    const token = linkIn(mail!, "confirm")!;
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await pendingConfirmation(db, tampered)).toBeNull();
    expect(await confirmSubscription(db, tampered)).toMatchObject({
      ok: false,
      kind: "not_found",
      message: expect.stringContaining("This link is not valid"),
    });
    expect(await confirmSubscription(db, "../../etc/passwd")).toMatchObject({ ok: false, kind: "not_found" });
  });

  it("refuses bad input with clear messages and writes nothing", async () => {
    const { db } = await database.get();
    const before = await db.outbox.count({ where: { kind: "mail" } });
    expect(await subscribe(db, form("not-an-email"), "203.0.113.12")).toMatchObject({
      ok: false,
      errors: [{ field: "email", message: "Enter an email address in the correct format, like name@example.com" }],
    });
    expect(await subscribe(db, form("a@example.com", { slug: "no-such-commitment" }), "203.0.113.12")).toMatchObject({
      ok: false,
      errors: [{ field: "scope" }],
    });
    expect(await subscribe(db, form("a@example.com", { frequency: "hourly" }), "203.0.113.12")).toMatchObject({
      ok: false,
      errors: [{ field: "frequency", message: "Choose how often you want emails" }],
    });
    // The honeypot: looks sent, keeps nothing.
    expect(await subscribe(db, form("robot@example.com", { website: "https://spam.example" }), "203.0.113.12")).toEqual({
      ok: true,
      value: { queued: false },
    });
    expect(await db.subscriber.count({ where: { email: { in: ["a@example.com", "robot@example.com"] } } })).toBe(0);
    expect(await db.outbox.count({ where: { kind: "mail" } })).toBe(before);
  });

  it("limits requests per address (silently: the same answer, nothing sent) and per connection (with a message)", async () => {
    const { db } = await database.get();
    const mailRows = () => db.outbox.count({ where: { kind: "mail" } });
    const start = await mailRows();
    for (let i = 0; i < SUBSCRIBE_EMAIL_LIMIT; i++) await subscribe(db, form("often@example.com"), `198.51.100.${i + 1}`);
    expect(await mailRows()).toBe(start + SUBSCRIBE_EMAIL_LIMIT);
    expect(await subscribe(db, form("often@example.com"), "198.51.100.99")).toEqual({ ok: true, value: { queued: false } });
    expect(await mailRows()).toBe(start + SUBSCRIBE_EMAIL_LIMIT);

    for (let i = 0; i < SUBSCRIBE_IP_LIMIT; i++) await subscribe(db, form(`many-${i}@example.com`, { scope: "everything", slug: "" }), "192.0.2.50");
    const refused = await subscribe(db, form("many-last@example.com"), "192.0.2.50");
    expect(refused).toMatchObject({ ok: false, errors: [{ field: "email", message: expect.stringContaining("too many requests") }] });
    expect(await db.subscriber.count({ where: { email: "many-last@example.com" } })).toBe(0);
    // Another connection is not limited by that one.
    expect(await subscribe(db, form("many-last@example.com"), "192.0.2.51")).toEqual({ ok: true, value: { queued: true } });
    // No address or IP is stored for the limits, only keyed hashes.
    const { rows } = await client.query(`SELECT address_hash, email_hash FROM subscribe_request`);
    expect(JSON.stringify(rows)).not.toMatch(/192\.0\.2|example\.com/);
  });

  it("deletes unconfirmed subscriptions after 7 days, and the address with its last subscription", async () => {
    const { db } = await database.get();
    await subscribe(db, form("late@example.com"), "203.0.113.20");
    await subscribe(db, form("late@example.com", { scope: "area", slug: (await db.area.findFirstOrThrow()).slug }), "203.0.113.20");
    await mailsTo("late@example.com", 2);
    const { rows: sent } = await client.query(`SELECT count(*)::int AS n FROM mail_attempt WHERE subscriber_id IS NULL`);
    await client.query(
      `UPDATE subscription SET created_at = now() - interval '8 days' WHERE subscriber_id = (SELECT id FROM subscriber WHERE email = 'late@example.com')`,
    );
    // Confirmed long ago: kept.
    await client.query(
      `UPDATE subscription SET created_at = now() - interval '30 days' WHERE subscriber_id = (SELECT id FROM subscriber WHERE email = 'reader@example.com')`,
    );
    expect(await deleteExpiredSubscriptions(client)).toBe(2);
    expect(await db.subscriber.count({ where: { email: "late@example.com" } })).toBe(0);
    expect(await db.subscriber.count({ where: { email: "reader@example.com" } })).toBe(1);
    // The attempts outlive the address, without it.
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM mail_attempt WHERE subscriber_id IS NULL`);
    expect(rows[0].n).toBe(sent[0].n + 2);
  });

  it("unsubscribes in one click by a subscription's link, and from the manage page; the last one deletes the address", async () => {
    const { db } = await database.get();
    const area = (await db.area.findFirstOrThrow()).slug;
    await subscribe(db, form("leaving@example.com"), "203.0.113.30");
    await subscribe(db, form("leaving@example.com", { scope: "area", slug: area }), "203.0.113.30");
    await subscribe(db, form("leaving@example.com", { scope: "everything", slug: "" }), "203.0.113.30");
    const subscriber = await db.subscriber.findUniqueOrThrow({
      where: { email: "leaving@example.com" },
      include: { subscriptions: { orderBy: { id: "asc" } } },
    });
    const [commitment, areaSubscription, everything] = subscriber.subscriptions;
    const manage = linkToken("manage", subscriber.id, SECRET);
    expect((await manageView(db, manage))!.map((s) => s.scope)).toEqual(["commitment", "area", "everything"]);

    // One click (RFC 8058): the subscription's own link.
    const oneClick = linkToken("unsubscribe", commitment!.id, SECRET);
    expect(await unsubscribeTarget(db, oneClick)).toMatchObject({ scope: "commitment" });
    expect(await unsubscribe(db, { unsubscribe: oneClick })).toMatchObject({
      ok: true,
      value: { followed: { scope: "commitment" }, addressGone: false },
    });
    expect(await unsubscribe(db, { unsubscribe: oneClick })).toMatchObject({ ok: false, kind: "not_found" });
    // A tampered link, and another address's subscription through this manage link, change nothing.
    expect(await unsubscribe(db, { unsubscribe: `${oneClick.slice(0, -2)}xx` })).toMatchObject({ ok: false, kind: "not_found" });
    const other = await db.subscription.findFirstOrThrow({ where: { subscriber: { email: "reader@example.com" } } });
    expect(await unsubscribe(db, { manage, subscriptionId: other.id })).toMatchObject({ ok: false, kind: "not_found" });
    expect(await db.subscription.count({ where: { id: other.id } })).toBe(1);
    expect(await manageView(db, `${manage.slice(0, -1)}${manage.endsWith("a") ? "b" : "a"}`)).toBeNull();

    expect(await unsubscribe(db, { manage, subscriptionId: areaSubscription!.id })).toMatchObject({ ok: true, value: { addressGone: false } });
    expect((await manageView(db, manage))!.map((s) => s.scope)).toEqual(["everything"]);
    expect(await unsubscribe(db, { manage, subscriptionId: everything!.id })).toMatchObject({ ok: true, value: { addressGone: true } });
    expect(await db.subscriber.count({ where: { email: "leaving@example.com" } })).toBe(0);
    expect(await db.subscriptionToken.count({ where: { subscriberId: subscriber.id } })).toBe(0);
    expect(await manageView(db, manage)).toBeNull();
  });
});
