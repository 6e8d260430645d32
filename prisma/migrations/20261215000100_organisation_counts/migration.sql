-- How many commitments each organisation leads and supports, without reading every revision
-- (issue 18; docs/decisions/0014-flat-query-cost.md). /organisations counted them from the latest
-- revision of every commitment (an anti-join over all revisions: 390-770 ms at 100,000
-- commitments). At the latest version the counts are kept here, per organisation, by a statement
-- trigger on commitment_revision (append-only): a new revision takes its commitment's previous
-- revision's lead and supporters away and adds its own, unless it is taken off the tracker.
-- Reads at an earlier version count the revisions as before.

CREATE TABLE "organisation_commitment_count" (
    "organisation_id" INTEGER NOT NULL,
    "leads" BIGINT NOT NULL,
    "supports" BIGINT NOT NULL,
    CONSTRAINT "organisation_commitment_count_pkey" PRIMARY KEY ("organisation_id")
);

CREATE FUNCTION "organisation_count_after_commitment_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "organisation_commitment_count" ("organisation_id", "leads", "supports")
    SELECT x.organisation_id, SUM(x.lead), SUM(x.support)
    FROM (
        -- The revision each commitment had before these, if it was on the record: taken away.
        SELECT o.organisation_id, -o.lead AS lead, -o.support AS support
        FROM (SELECT DISTINCT n.commitment_id FROM new_rows n) c
        CROSS JOIN LATERAL (
            SELECT r.lead_organisation_id, r.supporting_organisation_ids FROM "commitment_revision" r
            WHERE r.commitment_id = c.commitment_id AND r.id NOT IN (SELECT n.id FROM new_rows n) AND r.removal_reason IS NULL
              AND r.version = (SELECT MAX(p.version) FROM "commitment_revision" p WHERE p.commitment_id = c.commitment_id AND p.id NOT IN (SELECT n.id FROM new_rows n))
        ) prev
        CROSS JOIN LATERAL (
            SELECT prev.lead_organisation_id AS organisation_id, 1 AS lead, 0 AS support
            UNION ALL SELECT unnest(prev.supporting_organisation_ids), 0, 1
        ) o
        UNION ALL
        -- Each commitment's latest revision now, if it is on the record: added.
        SELECT o.organisation_id, o.lead, o.support
        FROM (SELECT DISTINCT n.commitment_id FROM new_rows n) c
        CROSS JOIN LATERAL (
            SELECT r.lead_organisation_id, r.supporting_organisation_ids, r.removal_reason FROM "commitment_revision" r
            WHERE r.commitment_id = c.commitment_id ORDER BY r.version DESC LIMIT 1
        ) cur
        CROSS JOIN LATERAL (
            SELECT cur.lead_organisation_id AS organisation_id, 1 AS lead, 0 AS support
            UNION ALL SELECT unnest(cur.supporting_organisation_ids), 0, 1
        ) o
        WHERE cur.removal_reason IS NULL
    ) x
    -- No lead named: nothing to count for a lead.
    WHERE x.organisation_id IS NOT NULL
    GROUP BY x.organisation_id
    HAVING SUM(x.lead) <> 0 OR SUM(x.support) <> 0
    ON CONFLICT ("organisation_id") DO UPDATE SET
        "leads" = "organisation_commitment_count"."leads" + EXCLUDED."leads",
        "supports" = "organisation_commitment_count"."supports" + EXCLUDED."supports";
    RETURN NULL;
END;
$$;
CREATE TRIGGER "commitment_revision_organisation_count" AFTER INSERT ON "commitment_revision"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "organisation_count_after_commitment_revision"();

-- The counts of the revisions already there.
INSERT INTO "organisation_commitment_count" ("organisation_id", "leads", "supports")
SELECT o.organisation_id, SUM(o.lead), SUM(o.support)
FROM (
    SELECT DISTINCT ON (r.commitment_id) r.lead_organisation_id, r.supporting_organisation_ids, r.removal_reason
    FROM "commitment_revision" r ORDER BY r.commitment_id, r.version DESC
) cur
CROSS JOIN LATERAL (
    SELECT cur.lead_organisation_id AS organisation_id, 1 AS lead, 0 AS support
    UNION ALL SELECT unnest(cur.supporting_organisation_ids), 0, 1
) o
WHERE cur.removal_reason IS NULL AND o.organisation_id IS NOT NULL
GROUP BY o.organisation_id;
