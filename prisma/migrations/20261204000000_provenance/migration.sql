-- Honest unknowns and the re-audited dataset (issue 12, items 4 and 5; docs/decisions/0012-honest-unknowns.md).
--
-- 1. A commitment's lead may be unknown: no article names it. lead_organisation_id becomes
--    nullable on the commitment and on its append-only revisions; the pages then say "Lead
--    organisation not named in published sources".
-- 2. Every owner a source names keeps its basis: the source, the paragraph and the words
--    (owner_basis). Organisations a source names together, ranking neither above the other, are
--    joint owners (role 'joint', and no lead).
-- 3. Where a source places a commitment in its area, the announcement as published ("January
--    2026") and a visible notice, per commitment (commitment_provenance).
-- 4. A commitment taken off the tracker keeps its address: commitment_removal (append-only)
--    says when and why, and its URL answers 410 Gone. When the commitment had been published,
--    its removal is a new revision (removal_reason set), so earlier versions still show it.
-- 5. Public corrections (append-only): what was corrected, when, at which version.

ALTER TABLE "commitment" ALTER COLUMN "lead_organisation_id" DROP NOT NULL;
ALTER TABLE "commitment_revision" ALTER COLUMN "lead_organisation_id" DROP NOT NULL;
ALTER TABLE "commitment" ADD COLUMN "removal_reason" TEXT;
ALTER TABLE "commitment_revision" ADD COLUMN "removal_reason" TEXT;

CREATE OR REPLACE FUNCTION "record_commitment_revision"(p_id INTEGER) RETURNS VOID LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    supporting INTEGER[] := ARRAY(SELECT o.organisation_id FROM "commitment_owner" o WHERE o.commitment_id = p_id ORDER BY 1);
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM "commitment" c
        WHERE c.id = p_id
          AND ROW(c.slug, c.title, c.summary, c.area_id, c.lead_organisation_id, supporting, c.announced_on, c.announced_in_id, c.removal_reason)
              IS DISTINCT FROM (
                  SELECT ROW(r.slug, r.title, r.summary, r.area_id, r.lead_organisation_id, r.supporting_organisation_ids, r.announced_on,
                             r.announced_in_id, r.removal_reason)
                  FROM "commitment_revision" r WHERE r.commitment_id = p_id ORDER BY r.version DESC LIMIT 1
              )
    ) THEN
        RETURN; -- nothing public changed: no revision, no version
    END IF;
    INSERT INTO "commitment_revision" ("commitment_id", "version", "slug", "title", "summary", "area_id", "lead_organisation_id",
                                       "supporting_organisation_ids", "announced_on", "announced_in_id", "removal_reason")
    SELECT c.id, "current_publication"(), c.slug, c.title, c.summary, c.area_id, c.lead_organisation_id, supporting, c.announced_on,
           c.announced_in_id, c.removal_reason
    FROM "commitment" c WHERE c.id = p_id;
END;
$$;

CREATE TYPE "OwnerRole" AS ENUM ('lead', 'joint', 'supporting');

CREATE TABLE "owner_basis" (
    "commitment_id" INTEGER NOT NULL,
    "organisation_id" INTEGER NOT NULL,
    "role" "OwnerRole" NOT NULL,
    "source_id" INTEGER NOT NULL,
    "paragraph" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    CONSTRAINT "owner_basis_pkey" PRIMARY KEY ("commitment_id", "organisation_id"),
    CONSTRAINT "owner_basis_paragraph_positive" CHECK ("paragraph" > 0)
);
ALTER TABLE "owner_basis" ADD CONSTRAINT "owner_basis_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "owner_basis" ADD CONSTRAINT "owner_basis_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "owner_basis" ADD CONSTRAINT "owner_basis_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "commitment_provenance" (
    "commitment_id" INTEGER NOT NULL,
    "area_source_id" INTEGER,
    "area_paragraph" INTEGER,
    "area_quote" TEXT,
    "announced_label" TEXT,
    "notice" TEXT,
    CONSTRAINT "commitment_provenance_pkey" PRIMARY KEY ("commitment_id")
);
ALTER TABLE "commitment_provenance" ADD CONSTRAINT "commitment_provenance_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "commitment_provenance" ADD CONSTRAINT "commitment_provenance_area_source_id_fkey" FOREIGN KEY ("area_source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "commitment_removal" (
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "removed_on" DATE NOT NULL,
    "published_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "commitment_removal_pkey" PRIMARY KEY ("slug")
);
CREATE TRIGGER "commitment_removal_append_only" BEFORE UPDATE OR DELETE ON "commitment_removal"
    FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "commitment_removal_no_truncate" BEFORE TRUNCATE ON "commitment_removal"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();

CREATE TABLE "correction" (
    "id" SERIAL NOT NULL,
    "commitment_slug" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "corrected_on" DATE NOT NULL,
    "published_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "correction_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "correction_commitment_slug_what_key" ON "correction"("commitment_slug", "what");
CREATE INDEX "correction_corrected_on_idx" ON "correction"("corrected_on");
CREATE TRIGGER "correction_append_only" BEFORE UPDATE OR DELETE ON "correction"
    FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "correction_no_truncate" BEFORE TRUNCATE ON "correction"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();

-- 6. Reports from readers ("Is there anything wrong with this page?"): what is wrong, an optional
--    source link and email, and a keyed hash of the sender's address (for the rate limit; the
--    address itself is never stored). Editors accept (with the correction, listed on
--    /corrections) or reject (with a reason).
CREATE TYPE "ReportState" AS ENUM ('open', 'accepted', 'rejected');

CREATE TABLE "report" (
    "id" SERIAL NOT NULL,
    "page_path" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "source_url" TEXT,
    "email" TEXT,
    "address_hash" TEXT NOT NULL,
    "state" "ReportState" NOT NULL DEFAULT 'open',
    "reviewer_id" INTEGER,
    "review_note" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "reviewed_at" TIMESTAMPTZ(6),
    CONSTRAINT "report_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "report_reviewed" CHECK (("state" = 'open') = ("reviewed_at" IS NULL) AND ("state" = 'open' OR "review_note" IS NOT NULL))
);
CREATE INDEX "report_state_created_at_idx" ON "report"("state", "created_at");
CREATE INDEX "report_address_hash_created_at_idx" ON "report"("address_hash", "created_at");
ALTER TABLE "report" ADD CONSTRAINT "report_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
