-- Issue 15: sessions that end, two-step verification, throttling no stranger can abuse.

-- Two-step verification: the authenticator's secret (encrypted by the app), the last time-step
-- accepted (so no code is accepted twice) and when it was set up.
ALTER TABLE "app_user" ADD COLUMN "totp_secret" TEXT;
ALTER TABLE "app_user" ADD COLUMN "totp_last_step" INTEGER;
ALTER TABLE "app_user" ADD COLUMN "totp_enrolled_at" TIMESTAMPTZ(6);

-- Server-side sessions: the cookie carries a random token, of which only the SHA-256 is kept.
CREATE TABLE "editor_session" (
    "id" BIGSERIAL NOT NULL,
    "token_hash" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "session_version" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(6) NOT NULL,
    "second_factor_at" TIMESTAMPTZ(6),
    "ended_at" TIMESTAMPTZ(6),
    "ended_reason" TEXT,
    "user_agent" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "pending_totp_secret" TEXT,
    "unsaved_recovery_codes" TEXT,

    CONSTRAINT "editor_session_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "editor_session_token_hash_key" ON "editor_session"("token_hash");
CREATE INDEX "editor_session_user_id_idx" ON "editor_session"("user_id");
CREATE INDEX "editor_session_last_seen_at_idx" ON "editor_session"("last_seen_at");
ALTER TABLE "editor_session" ADD CONSTRAINT "editor_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Recovery codes: ten per enrolment, each usable once, stored as SHA-256.
CREATE TABLE "recovery_code" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "code_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "used_at" TIMESTAMPTZ(6),

    CONSTRAINT "recovery_code_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "recovery_code_user_id_code_hash_key" ON "recovery_code"("user_id", "code_hash");
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Addresses an account has signed in from: failures elsewhere do not hold them up.
CREATE TABLE "sign_in_known_address" (
    "key" TEXT NOT NULL,
    "last_success" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "sign_in_known_address_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "sign_in_known_address_last_success_idx" ON "sign_in_known_address"("last_success");

-- Throttle rows expire: the clean-up deletes by last failure.
CREATE INDEX "sign_in_throttle_last_failure_idx" ON "sign_in_throttle"("last_failure");
