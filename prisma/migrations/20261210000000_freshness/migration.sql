-- Freshness (docs/decisions/0013-one-truth-for-freshness.md): the database announces every change
-- to what the public sees, so no code path can publish without expiring what it touched.
--
-- 1. Each public table has a trigger that names the cache keys the changed row touches
--    ("commitment:<slug>", "area:<slug>", "organisation:<slug>", "lists" for every list, count and
--    feed, "shared" for the names and sources every page shows, "removed", "corrections").
-- 2. announce_public_change() sends them with NOTIFY on the channel roadmap_tracker_publish
--    (PostgreSQL delivers it only when the transaction commits, never after a rollback), keeps
--    them in the transaction setting roadmap_tracker.touched (so the publishing instance applies
--    them the moment its commit returns), and writes one outbox row per transaction for the CDN
--    purge (the worker in src/server/outbox drains it, with retries).

-- A queue of work to do after a commit (CDN purges now; e-mail and webhook deliveries later).
-- Rows are written in the transaction whose commit they follow; the worker claims due rows with
-- FOR UPDATE SKIP LOCKED, so any number of workers may run.
CREATE TABLE "outbox" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "last_error" TEXT,
    "done_at" TIMESTAMPTZ(6),
    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "outbox_kind_dedupe_key_key" ON "outbox"("kind", "dedupe_key");
CREATE INDEX "outbox_done_at_next_attempt_at_idx" ON "outbox"("done_at", "next_attempt_at");

CREATE FUNCTION "announce_public_change"(p_keys TEXT[]) RETURNS VOID LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    k TEXT[] := ARRAY(SELECT DISTINCT x FROM unnest(p_keys) AS x WHERE x IS NOT NULL ORDER BY x);
BEGIN
    IF COALESCE(array_length(k, 1), 0) = 0 THEN
        RETURN;
    END IF;
    PERFORM pg_notify('roadmap_tracker_publish', array_to_string(k, ' '));
    PERFORM set_config('roadmap_tracker.touched',
        btrim(COALESCE(current_setting('roadmap_tracker.touched', true), '') || ' ' || array_to_string(k, ' ')), true);
    INSERT INTO "outbox" ("kind", "dedupe_key", "payload")
    VALUES ('cdn-purge', txid_current()::TEXT, jsonb_build_object('keys', to_jsonb(k)))
    ON CONFLICT ("kind", "dedupe_key") DO UPDATE SET "payload" = jsonb_build_object('keys',
        (SELECT jsonb_agg(DISTINCT v ORDER BY v) FROM jsonb_array_elements_text(("outbox"."payload" -> 'keys') || (EXCLUDED."payload" -> 'keys')) AS v));
END $$;

-- Every key a commitment's row appears under: its page, its area's, its owners', every list.
CREATE FUNCTION "commitment_public_keys"(p_id INTEGER) RETURNS TEXT[] LANGUAGE sql STABLE AS $$
    SELECT ARRAY['lists', 'commitment:' || c."slug", 'area:' || a."slug"]
        || COALESCE((SELECT array_agg('organisation:' || o."slug") FROM "organisation" o
                     WHERE o."id" = c."lead_organisation_id"
                        OR o."id" IN (SELECT w."organisation_id" FROM "commitment_owner" w WHERE w."commitment_id" = c."id")), '{}')
    FROM "commitment" c JOIN "area" a ON a."id" = c."area_id"
    WHERE c."id" = p_id
$$;

-- The keys one row (as JSON, NULL for none) touches, by its table.
CREATE FUNCTION "row_public_keys"(p_table TEXT, r JSONB) RETURNS TEXT[] LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF r IS NULL THEN
        RETURN '{}';
    END IF;
    CASE p_table
    WHEN 'commitment' THEN
        RETURN ARRAY['lists', 'commitment:' || (r ->> 'slug')]
            || COALESCE((SELECT ARRAY['area:' || a."slug"] FROM "area" a WHERE a."id" = (r ->> 'area_id')::INTEGER), '{}')
            || COALESCE((SELECT ARRAY['organisation:' || o."slug"] FROM "organisation" o WHERE o."id" = (r ->> 'lead_organisation_id')::INTEGER), '{}')
            || COALESCE("commitment_public_keys"((r ->> 'id')::INTEGER), '{}');
    WHEN 'commitment_owner' THEN
        RETURN COALESCE("commitment_public_keys"((r ->> 'commitment_id')::INTEGER), '{}')
            || COALESCE((SELECT ARRAY['organisation:' || o."slug"] FROM "organisation" o WHERE o."id" = (r ->> 'organisation_id')::INTEGER), '{}');
    WHEN 'area' THEN
        RETURN ARRAY['lists', 'shared', 'area:' || (r ->> 'slug')];
    WHEN 'organisation' THEN
        RETURN ARRAY['lists', 'shared', 'organisation:' || (r ->> 'slug')];
    WHEN 'source' THEN
        RETURN ARRAY['lists', 'shared'];
    WHEN 'commitment_removal' THEN
        RETURN ARRAY['lists', 'removed', 'corrections', 'commitment:' || (r ->> 'slug')];
    WHEN 'correction' THEN
        RETURN ARRAY['lists', 'corrections', 'commitment:' || (r ->> 'commitment_slug')];
    WHEN 'report' THEN
        RETURN CASE WHEN r ->> 'state' = 'accepted' THEN ARRAY['corrections'] ELSE '{}'::TEXT[] END;
    WHEN 'forced_publication_check' THEN
        RETURN COALESCE((SELECT "commitment_public_keys"(f."commitment_id") FROM "forced_publication" f
                         WHERE f."id" = (r ->> 'forced_publication_id')::INTEGER), '{}');
    ELSE
        -- status_update, deadline_revision, owner_basis, commitment_provenance, forced_publication
        RETURN COALESCE("commitment_public_keys"((r ->> 'commitment_id')::INTEGER), '{}');
    END CASE;
END $$;

-- Row trigger: the keys of the row before and after the change (a commitment moved to another
-- area or owner expires the old one's pages too).
CREATE FUNCTION "announce_row_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "announce_public_change"("row_public_keys"(TG_TABLE_NAME, to_jsonb(NEW)) || "row_public_keys"(TG_TABLE_NAME, to_jsonb(OLD)));
    RETURN NULL;
END $$;

CREATE TRIGGER "commitment_announce" AFTER INSERT OR UPDATE OR DELETE ON "commitment" FOR EACH ROW EXECUTE FUNCTION "announce_row_change"();
CREATE TRIGGER "commitment_owner_announce" AFTER INSERT OR UPDATE OR DELETE ON "commitment_owner" FOR EACH ROW EXECUTE FUNCTION "announce_row_change"();
CREATE TRIGGER "area_announce" AFTER INSERT OR UPDATE OR DELETE ON "area" FOR EACH ROW EXECUTE FUNCTION "announce_row_change"();
CREATE TRIGGER "organisation_announce" AFTER INSERT OR UPDATE OR DELETE ON "organisation" FOR EACH ROW EXECUTE FUNCTION "announce_row_change"();
CREATE TRIGGER "source_announce" AFTER INSERT OR UPDATE OR DELETE ON "source" FOR EACH ROW EXECUTE FUNCTION "announce_row_change"();
CREATE TRIGGER "commitment_removal_announce" AFTER INSERT ON "commitment_removal" FOR EACH ROW EXECUTE FUNCTION "announce_row_change"();
CREATE TRIGGER "correction_announce" AFTER INSERT ON "correction" FOR EACH ROW EXECUTE FUNCTION "announce_row_change"();
CREATE TRIGGER "report_announce" AFTER UPDATE ON "report" FOR EACH ROW EXECUTE FUNCTION "announce_row_change"();
CREATE TRIGGER "forced_publication_check_announce" AFTER INSERT ON "forced_publication_check" FOR EACH ROW EXECUTE FUNCTION "announce_row_change"();
CREATE TRIGGER "status_update_announce" AFTER INSERT OR UPDATE OR DELETE ON "status_update" FOR EACH ROW EXECUTE FUNCTION "announce_row_change"();
CREATE TRIGGER "deadline_revision_announce" AFTER INSERT OR UPDATE OR DELETE ON "deadline_revision" FOR EACH ROW EXECUTE FUNCTION "announce_row_change"();
CREATE TRIGGER "owner_basis_announce" AFTER INSERT OR UPDATE OR DELETE ON "owner_basis" FOR EACH ROW EXECUTE FUNCTION "announce_row_change"();
CREATE TRIGGER "commitment_provenance_announce" AFTER INSERT OR UPDATE OR DELETE ON "commitment_provenance" FOR EACH ROW EXECUTE FUNCTION "announce_row_change"();
CREATE TRIGGER "forced_publication_announce" AFTER INSERT ON "forced_publication" FOR EACH ROW EXECUTE FUNCTION "announce_row_change"();
