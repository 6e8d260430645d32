-- Nothing public without a second editor; wording is history; citations per use (issue 12,
-- docs/decisions/0011-second-editor-and-citations.md). Additive only.
--
-- 1. Commitments are proposed like status updates: a new commitment (commitment_create, with no
--    commitment row until it is published), an edit of its title, summary, area or owners
--    (commitment_edit) and a CSV file of new commitments (commitment_import, one proposal for the
--    whole file) are proposals checked by a second editor.
-- 2. An admin may force-publish a proposal in an emergency: forced_publication records it (at
--    the version it published), and forced_publication_check records the second editor's check
--    later (at its own version, since it changes what the public sees: the mark goes). Both are
--    append-only, so the record at version N says whether the change was checked by then.
-- 3. Wording history: each commitment_revision keeps the reason for the change, its citation
--    (a source row of its own) and the proposal that made it, read by record_commitment_revision()
--    from settings the publishing transaction sets (roadmap_tracker.revision_*).
-- 4. Citations per use (security review F1): source rows are no longer shared by URL. Every
--    published use writes its own row, as the second editor reviewed it, and no later use can
--    change it; source.url is indexed, not unique.

-- 1. Proposals for commitments
ALTER TYPE "ProposalKind" ADD VALUE 'commitment_create';
ALTER TYPE "ProposalKind" ADD VALUE 'commitment_edit';
-- A CSV file of new commitments: one proposal, reviewed as a whole, row by row.
ALTER TYPE "ProposalKind" ADD VALUE 'commitment_import';
ALTER TABLE "proposal" ALTER COLUMN "commitment_id" DROP NOT NULL;

-- 2. Force-published changes and their later check
CREATE TABLE "forced_publication" (
    "id" SERIAL NOT NULL,
    "proposal_id" INTEGER NOT NULL,
    "commitment_id" INTEGER NOT NULL,
    "published_by_id" INTEGER NOT NULL,
    "published_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "version" INTEGER NOT NULL,
    CONSTRAINT "forced_publication_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "forced_publication_proposal_id_key" ON "forced_publication"("proposal_id");
CREATE INDEX "forced_publication_commitment_id_version_idx" ON "forced_publication"("commitment_id", "version");
ALTER TABLE "forced_publication" ADD CONSTRAINT "forced_publication_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "forced_publication" ADD CONSTRAINT "forced_publication_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "forced_publication" ADD CONSTRAINT "forced_publication_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "forced_publication" ADD CONSTRAINT "forced_publication_version_fkey" FOREIGN KEY ("version") REFERENCES "publication"("version") ON DELETE RESTRICT ON UPDATE RESTRICT;

CREATE TABLE "forced_publication_check" (
    "forced_publication_id" INTEGER NOT NULL,
    "checked_by_id" INTEGER NOT NULL,
    "published_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "version" INTEGER NOT NULL,
    CONSTRAINT "forced_publication_check_pkey" PRIMARY KEY ("forced_publication_id")
);
CREATE INDEX "forced_publication_check_version_idx" ON "forced_publication_check"("version");
ALTER TABLE "forced_publication_check" ADD CONSTRAINT "forced_publication_check_forced_publication_id_fkey" FOREIGN KEY ("forced_publication_id") REFERENCES "forced_publication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "forced_publication_check" ADD CONSTRAINT "forced_publication_check_checked_by_id_fkey" FOREIGN KEY ("checked_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "forced_publication_check" ADD CONSTRAINT "forced_publication_check_version_fkey" FOREIGN KEY ("version") REFERENCES "publication"("version") ON DELETE RESTRICT ON UPDATE RESTRICT;
-- Whoever force-published a change cannot also check it.
CREATE FUNCTION "refuse_self_check"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "forced_publication" f WHERE f.id = NEW."forced_publication_id" AND f.published_by_id = NEW."checked_by_id") THEN
        RAISE EXCEPTION 'a force-published change must be checked by another editor' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "forced_publication_check_not_self" BEFORE INSERT ON "forced_publication_check"
    FOR EACH ROW EXECUTE FUNCTION "refuse_self_check"();

CREATE TRIGGER "forced_publication_stamp_publication" BEFORE INSERT ON "forced_publication"
    FOR EACH ROW EXECUTE FUNCTION "stamp_publication"();
CREATE TRIGGER "forced_publication_check_stamp_publication" BEFORE INSERT ON "forced_publication_check"
    FOR EACH ROW EXECUTE FUNCTION "stamp_publication"();
CREATE TRIGGER "forced_publication_append_only" BEFORE UPDATE OR DELETE ON "forced_publication"
    FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "forced_publication_no_truncate" BEFORE TRUNCATE ON "forced_publication"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "forced_publication_check_append_only" BEFORE UPDATE OR DELETE ON "forced_publication_check"
    FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "forced_publication_check_no_truncate" BEFORE TRUNCATE ON "forced_publication_check"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();

-- 3. Wording history: reason, citation and proposal of each revision
ALTER TABLE "commitment_revision" ADD COLUMN "reason" TEXT;
ALTER TABLE "commitment_revision" ADD COLUMN "source_id" INTEGER;
ALTER TABLE "commitment_revision" ADD COLUMN "proposal_id" INTEGER;
ALTER TABLE "commitment_revision" ADD CONSTRAINT "commitment_revision_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "commitment_revision" ADD CONSTRAINT "commitment_revision_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE OR REPLACE FUNCTION "record_commitment_revision"(p_id INTEGER) RETURNS VOID LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    supporting INTEGER[] := ARRAY(SELECT o.organisation_id FROM "commitment_owner" o WHERE o.commitment_id = p_id ORDER BY 1);
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM "commitment" c
        WHERE c.id = p_id
          AND ROW(c.slug, c.title, c.summary, c.area_id, c.lead_organisation_id, supporting, c.announced_on, c.announced_in_id)
              IS DISTINCT FROM (
                  SELECT ROW(r.slug, r.title, r.summary, r.area_id, r.lead_organisation_id, r.supporting_organisation_ids, r.announced_on, r.announced_in_id)
                  FROM "commitment_revision" r WHERE r.commitment_id = p_id ORDER BY r.version DESC LIMIT 1
              )
    ) THEN
        RETURN; -- nothing public changed: no revision, no version
    END IF;
    INSERT INTO "commitment_revision" ("commitment_id", "version", "slug", "title", "summary", "area_id", "lead_organisation_id",
                                       "supporting_organisation_ids", "announced_on", "announced_in_id", "reason", "source_id", "proposal_id")
    SELECT c.id, "current_publication"(), c.slug, c.title, c.summary, c.area_id, c.lead_organisation_id, supporting, c.announced_on, c.announced_in_id,
           NULLIF(current_setting('roadmap_tracker.revision_reason', true), ''),
           NULLIF(current_setting('roadmap_tracker.revision_source', true), '')::INTEGER,
           NULLIF(current_setting('roadmap_tracker.revision_proposal', true), '')::INTEGER
    FROM "commitment" c WHERE c.id = p_id;
END;
$$;

-- 4. Citations per use
DROP INDEX "source_url_key";
CREATE INDEX "source_url_idx" ON "source"("url");
