-- Editor accounts: a one-time password must be replaced at first sign-in, and a session
-- version lets a password reset, a role change or disabling an account end every session
-- already issued (sessions are signed JWTs checked against this number on each request).
ALTER TABLE "app_user" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "app_user" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 1;

-- Email addresses are stored lower-case, so "unique" means unique whatever the case.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_email_lower_case" CHECK ("email" = lower("email"));

-- Dashboard: "my proposals".
CREATE INDEX "proposal_author_id_idx" ON "proposal"("author_id");
