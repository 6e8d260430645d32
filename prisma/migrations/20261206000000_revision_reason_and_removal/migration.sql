-- One record_commitment_revision() for both halves of issue 12. 20261204000000_provenance made a
-- removal part of a commitment's revision (removal_reason); 20261205000000_second_editor, written
-- alongside it, redefined the function to keep each wording change's reason, source and proposal
-- and so dropped removal_reason again. This definition compares and records both.
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
                                       "supporting_organisation_ids", "announced_on", "announced_in_id", "removal_reason",
                                       "reason", "source_id", "proposal_id")
    SELECT c.id, "current_publication"(), c.slug, c.title, c.summary, c.area_id, c.lead_organisation_id, supporting, c.announced_on,
           c.announced_in_id, c.removal_reason,
           NULLIF(current_setting('roadmap_tracker.revision_reason', true), ''),
           NULLIF(current_setting('roadmap_tracker.revision_source', true), '')::INTEGER,
           NULLIF(current_setting('roadmap_tracker.revision_proposal', true), '')::INTEGER
    FROM "commitment" c WHERE c.id = p_id;
END;
$$;
