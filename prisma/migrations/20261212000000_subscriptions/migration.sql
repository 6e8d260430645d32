-- Email alerts (issue 13, docs/decisions/0020-email-alerts.md): people follow a commitment, area,
-- organisation or everything without an account. Kept: the address and the choices, nothing
-- else. Tokens in links are stored only as their SHA-256. The outbox (20261210000000_freshness)
-- carries the messages; mail_attempt keeps every try at sending one (outbox rows are deleted a
-- day after they are done).

CREATE TYPE "SubscriptionScope" AS ENUM ('commitment', 'area', 'organisation', 'everything');
CREATE TYPE "SubscriptionFrequency" AS ENUM ('immediate', 'daily', 'weekly');
CREATE TYPE "SubscriptionTokenPurpose" AS ENUM ('confirm', 'unsubscribe', 'manage');

-- One row per address (written in lower case, so one person is one subscriber).
CREATE TABLE "subscriber" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "subscriber_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "subscriber_email_normalised" CHECK ("email" = lower(btrim("email")) AND "email" LIKE '_%@_%')
);
CREATE UNIQUE INDEX "subscriber_email_key" ON "subscriber"("email");

-- What an address follows: a commitment, area or organisation by slug, or everything (slug '').
-- Nothing but the confirmation is sent until confirmed_at is set; unconfirmed rows are deleted
-- after 7 days by the outbox worker's periodic pass.
CREATE TABLE "subscription" (
    "id" SERIAL NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "scope" "SubscriptionScope" NOT NULL,
    "slug" TEXT NOT NULL DEFAULT '',
    "frequency" "SubscriptionFrequency" NOT NULL DEFAULT 'immediate',
    "confirmed_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "subscription_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "subscription_slug_scope" CHECK (("scope" = 'everything') = ("slug" = ''))
);
CREATE UNIQUE INDEX "subscription_subscriber_id_scope_slug_key" ON "subscription"("subscriber_id", "scope", "slug");
CREATE INDEX "subscription_scope_slug_idx" ON "subscription"("scope", "slug");
CREATE INDEX "subscription_confirmed_at_created_at_idx" ON "subscription"("confirmed_at", "created_at");
ALTER TABLE "subscription" ADD CONSTRAINT "subscription_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The tokens in emails' links, as SHA-256 only: confirm and unsubscribe name one subscription,
-- manage names the address (every subscription of it).
CREATE TABLE "subscription_token" (
    "id" SERIAL NOT NULL,
    "token_hash" TEXT NOT NULL,
    "purpose" "SubscriptionTokenPurpose" NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "subscription_id" INTEGER,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "subscription_token_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "subscription_token_names_its_subject" CHECK (("purpose" = 'manage') = ("subscription_id" IS NULL))
);
CREATE UNIQUE INDEX "subscription_token_token_hash_key" ON "subscription_token"("token_hash");
CREATE INDEX "subscription_token_subscriber_id_idx" ON "subscription_token"("subscriber_id");
CREATE INDEX "subscription_token_subscription_id_idx" ON "subscription_token"("subscription_id");
ALTER TABLE "subscription_token" ADD CONSTRAINT "subscription_token_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "subscription_token" ADD CONSTRAINT "subscription_token_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Requests to subscribe, for the per-address and per-IP rate limits: keyed hashes only (neither
-- the address nor the IP can be read back), deleted after a day.
CREATE TABLE "subscribe_request" (
    "id" BIGSERIAL NOT NULL,
    "address_hash" TEXT NOT NULL,
    "email_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "subscribe_request_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "subscribe_request_address_hash_created_at_idx" ON "subscribe_request"("address_hash", "created_at");
CREATE INDEX "subscribe_request_email_hash_created_at_idx" ON "subscribe_request"("email_hash", "created_at");

-- Every try at sending an email, kept after its outbox row is gone: which row (and so which
-- Message-ID), by which transport, when, and the error if it failed (NULL: sent). The subscriber
-- is forgotten (SET NULL) when the address is deleted.
CREATE TABLE "mail_attempt" (
    "id" BIGSERIAL NOT NULL,
    "outbox_id" BIGINT NOT NULL,
    "message_id" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subscriber_id" INTEGER,
    "transport" TEXT NOT NULL,
    "attempted_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "error" TEXT,
    CONSTRAINT "mail_attempt_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "mail_attempt_outbox_id_idx" ON "mail_attempt"("outbox_id");
ALTER TABLE "mail_attempt" ADD CONSTRAINT "mail_attempt_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "subscriber"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Deleting an address's last subscription deletes the address, whichever path deletes it
-- (unsubscribe, the manage page, the 7-day purge of unconfirmed ones).
CREATE FUNCTION "forget_unused_subscriber"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "subscriber" s WHERE s."id" = OLD."subscriber_id"
        AND NOT EXISTS (SELECT 1 FROM "subscription" x WHERE x."subscriber_id" = OLD."subscriber_id");
    RETURN NULL;
END $$;
CREATE TRIGGER "subscription_forget_subscriber" AFTER DELETE ON "subscription" FOR EACH ROW EXECUTE FUNCTION "forget_unused_subscriber"();
