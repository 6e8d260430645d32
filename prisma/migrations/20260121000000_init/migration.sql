-- Initial schema: the roadmap domain, editors, proposals and audit.

CREATE TYPE "StatusCode" AS ENUM ('not_started', 'in_progress', 'at_risk', 'delivered', 'delivered_differently', 'dropped');
CREATE TYPE "Precision" AS ENUM ('day', 'month', 'quarter', 'season', 'half', 'year', 'open');
CREATE TYPE "Role" AS ENUM ('admin', 'editor');
CREATE TYPE "ProposalKind" AS ENUM ('status_update', 'deadline_revision');
CREATE TYPE "ProposalState" AS ENUM ('pending', 'returned', 'approved', 'withdrawn');

CREATE TABLE "area" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "area_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "area_slug_key" ON "area"("slug");

CREATE TABLE "organisation" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "abbreviation" TEXT,
    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "organisation_slug_key" ON "organisation"("slug");

CREATE TABLE "source" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "published_on" DATE NOT NULL,
    "published_label" TEXT,
    CONSTRAINT "source_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "source_url_http" CHECK ("url" ~* '^https?://')
);
CREATE UNIQUE INDEX "source_url_key" ON "source"("url");

CREATE TABLE "commitment" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "area_id" INTEGER NOT NULL,
    "lead_organisation_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "announced_on" DATE NOT NULL,
    "announced_in_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "search" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
        setweight(to_tsvector('english', coalesce("summary", '')), 'B')
    ) STORED,
    CONSTRAINT "commitment_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "commitment_slug_key" ON "commitment"("slug");
CREATE INDEX "commitment_area_id_idx" ON "commitment"("area_id");
CREATE INDEX "commitment_lead_organisation_id_idx" ON "commitment"("lead_organisation_id");
CREATE INDEX "commitment_search_idx" ON "commitment" USING GIN ("search");

CREATE TABLE "commitment_owner" (
    "commitment_id" INTEGER NOT NULL,
    "organisation_id" INTEGER NOT NULL,
    CONSTRAINT "commitment_owner_pkey" PRIMARY KEY ("commitment_id", "organisation_id")
);
CREATE INDEX "commitment_owner_organisation_id_idx" ON "commitment_owner"("organisation_id");

CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "role" "Role" NOT NULL DEFAULT 'editor',
    "disabled_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

CREATE TABLE "user_organisation" (
    "user_id" INTEGER NOT NULL,
    "organisation_id" INTEGER NOT NULL,
    CONSTRAINT "user_organisation_pkey" PRIMARY KEY ("user_id", "organisation_id")
);
CREATE INDEX "user_organisation_organisation_id_idx" ON "user_organisation"("organisation_id");

CREATE TABLE "proposal" (
    "id" SERIAL NOT NULL,
    "commitment_id" INTEGER NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "state" "ProposalState" NOT NULL DEFAULT 'pending',
    "payload" JSONB NOT NULL,
    "author_id" INTEGER NOT NULL,
    "reviewer_id" INTEGER,
    "review_comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewed_at" TIMESTAMPTZ(6),
    CONSTRAINT "proposal_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "proposal_reviewer_not_author" CHECK ("reviewer_id" IS NULL OR "reviewer_id" <> "author_id" OR "state" <> 'approved')
);
CREATE INDEX "proposal_state_created_at_idx" ON "proposal"("state", "created_at");
CREATE INDEX "proposal_commitment_id_idx" ON "proposal"("commitment_id");

CREATE TABLE "deadline_revision" (
    "id" SERIAL NOT NULL,
    "commitment_id" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "precision" "Precision" NOT NULL,
    "due_date" DATE,
    "reason" TEXT,
    "source_id" INTEGER,
    "effective_on" DATE NOT NULL,
    "author_id" INTEGER,
    "approved_by_id" INTEGER,
    "proposal_id" INTEGER,
    "published_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "deadline_revision_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "deadline_revision_due_date_matches_precision" CHECK (("precision" = 'open') = ("due_date" IS NULL))
);
CREATE UNIQUE INDEX "deadline_revision_proposal_id_key" ON "deadline_revision"("proposal_id");
CREATE INDEX "deadline_revision_commitment_id_effective_on_id_idx" ON "deadline_revision"("commitment_id", "effective_on", "id");
CREATE INDEX "deadline_revision_published_at_idx" ON "deadline_revision"("published_at");

CREATE TABLE "status_update" (
    "id" SERIAL NOT NULL,
    "commitment_id" INTEGER NOT NULL,
    "status" "StatusCode" NOT NULL,
    "note" TEXT NOT NULL,
    "source_id" INTEGER NOT NULL,
    "confirmed_on" DATE NOT NULL,
    "author_id" INTEGER,
    "approved_by_id" INTEGER,
    "proposal_id" INTEGER,
    "published_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "status_update_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "status_update_note_not_blank" CHECK (length(btrim("note")) > 0)
);
CREATE UNIQUE INDEX "status_update_proposal_id_key" ON "status_update"("proposal_id");
CREATE INDEX "status_update_commitment_id_confirmed_on_id_idx" ON "status_update"("commitment_id", "confirmed_on", "id");
CREATE INDEX "status_update_published_at_idx" ON "status_update"("published_at");

CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");
CREATE INDEX "audit_event_entity_type_entity_id_idx" ON "audit_event"("entity_type", "entity_id");
CREATE INDEX "audit_event_actor_id_idx" ON "audit_event"("actor_id");

CREATE TABLE "sign_in_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "last_failure" TIMESTAMPTZ(6) NOT NULL,
    "locked_until" TIMESTAMPTZ(6),
    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key")
);

ALTER TABLE "commitment" ADD CONSTRAINT "commitment_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_lead_organisation_id_fkey" FOREIGN KEY ("lead_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_announced_in_id_fkey" FOREIGN KEY ("announced_in_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "commitment_owner" ADD CONSTRAINT "commitment_owner_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "commitment_owner" ADD CONSTRAINT "commitment_owner_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deadline_revision" ADD CONSTRAINT "deadline_revision_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deadline_revision" ADD CONSTRAINT "deadline_revision_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "deadline_revision" ADD CONSTRAINT "deadline_revision_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "deadline_revision" ADD CONSTRAINT "deadline_revision_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "deadline_revision" ADD CONSTRAINT "deadline_revision_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "status_update" ADD CONSTRAINT "status_update_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "status_update" ADD CONSTRAINT "status_update_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "status_update" ADD CONSTRAINT "status_update_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "status_update" ADD CONSTRAINT "status_update_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "status_update" ADD CONSTRAINT "status_update_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "proposal" ADD CONSTRAINT "proposal_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "proposal" ADD CONSTRAINT "proposal_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "proposal" ADD CONSTRAINT "proposal_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "user_organisation" ADD CONSTRAINT "user_organisation_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "user_organisation" ADD CONSTRAINT "user_organisation_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- History is append-only: the database itself refuses to rewrite or remove it.
CREATE FUNCTION "refuse_history_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "status_update_append_only" BEFORE UPDATE OR DELETE ON "status_update"
    FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "deadline_revision_append_only" BEFORE UPDATE OR DELETE ON "deadline_revision"
    FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
    FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "status_update_no_truncate" BEFORE TRUNCATE ON "status_update"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "deadline_revision_no_truncate" BEFORE TRUNCATE ON "deadline_revision"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
