-- The change log's total without counting all history (issue 18; docs/decisions/0014-flat-query-cost.md).
--
-- /changes shows 50 changes and how many there are: every status update and every deadline
-- revision but a commitment's first (its original deadline) in effect by the as-of date, of the
-- commitments announced by then and on the record (not taken off the tracker). Counting them read
-- all 2 million updates at 100,000 commitments (about 5 s). At the latest version the answer is a
-- sum of steps, as for the state counts (20261211000100_state_counts): each change adds one from
-- the day it took effect, keyed by what the filters ask of its commitment's latest revision (area,
-- announced on), so a total on day D is SUM(n) WHERE day <= D AND announced_on <= D: a few rows per
-- day on which anything changed, whatever the number of commitments.
--
-- Kept by statement triggers in the publishing transaction:
-- - a status update adds one under its commitment's latest revision (none yet: the revision's
--   trigger adds it when the revision is written, at commit);
-- - a deadline revision: the commitment's deadline changes are recounted without and with the new
--   rows (a backdated one can become the original, and the old original then a change);
-- - a revision of a commitment whose area, announcement or removal changes moves all its changes
--   from the old key to the new one (a removal takes them away).
-- Both history tables are append-only, so nothing else changes these counts.

CREATE TABLE "change_count_delta" (
    "day" DATE NOT NULL,
    "announced_on" DATE NOT NULL,
    "area_id" INTEGER NOT NULL,
    -- 'status_update' or 'deadline_revision' (the log's kind= filter).
    "kind" TEXT NOT NULL,
    "n" BIGINT NOT NULL,
    CONSTRAINT "change_count_delta_pkey" PRIMARY KEY ("day", "announced_on", "area_id", "kind")
);

-- Adds steps (commitment, day, kind, step) under each commitment's latest revision, when it is on
-- the record: the one key every change of a commitment is counted under.
CREATE FUNCTION "add_change_count_steps"(p_commitments INTEGER[], p_days DATE[], p_kinds TEXT[], p_steps INTEGER[]) RETURNS VOID LANGUAGE sql VOLATILE AS $$
    INSERT INTO "change_count_delta" ("day", "announced_on", "area_id", "kind", "n")
    SELECT x.day, r.announced_on, r.area_id, x.kind, SUM(x.step)
    FROM unnest(p_commitments, p_days, p_kinds, p_steps) AS x(commitment_id, day, kind, step)
    JOIN LATERAL (
        SELECT r.announced_on, r.area_id, r.removal_reason FROM "commitment_revision" r
        WHERE r.commitment_id = x.commitment_id ORDER BY r.version DESC LIMIT 1
    ) r ON r.removal_reason IS NULL
    GROUP BY 1, 2, 3, 4
    HAVING SUM(x.step) <> 0
    ON CONFLICT ("day", "announced_on", "area_id", "kind") DO UPDATE SET "n" = "change_count_delta"."n" + EXCLUDED."n";
$$;

-- A commitment's deadline changes: every revision but the first by (effective_on, id), leaving out some ids.
CREATE FUNCTION "deadline_changes_of"(p_commitments INTEGER[], p_leave_out INTEGER[])
RETURNS TABLE ("commitment_id" INTEGER, "day" DATE) LANGUAGE sql STABLE AS $$
    SELECT d.commitment_id, d.effective_on FROM (
        SELECT d.commitment_id, d.effective_on,
               ROW_NUMBER() OVER (PARTITION BY d.commitment_id ORDER BY d.effective_on, d.id) AS k
        FROM "deadline_revision" d
        WHERE d.commitment_id = ANY(p_commitments) AND NOT (d.id = ANY(p_leave_out))
    ) d WHERE d.k > 1
$$;

CREATE FUNCTION "change_count_after_status_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "add_change_count_steps"(array_agg(n.commitment_id), array_agg(n.effective_on), array_agg('status_update'::TEXT), array_agg(1))
    FROM new_rows n;
    RETURN NULL;
END;
$$;

CREATE FUNCTION "change_count_after_deadline_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids INTEGER[] := ARRAY(SELECT DISTINCT n.commitment_id FROM new_rows n);
    added INTEGER[] := ARRAY(SELECT n.id FROM new_rows n);
BEGIN
    PERFORM "add_change_count_steps"(array_agg(x.commitment_id), array_agg(x.day), array_agg('deadline_revision'::TEXT), array_agg(x.step))
    FROM (
        SELECT b.commitment_id, b.day, -1 AS step FROM "deadline_changes_of"(ids, added) b
        UNION ALL
        SELECT a.commitment_id, a.day, 1 FROM "deadline_changes_of"(ids, '{}') a
    ) x;
    RETURN NULL;
END;
$$;

CREATE FUNCTION "change_count_after_commitment_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    -- The commitments whose key (area, announcement, on the record or not) changes with these revisions.
    ids INTEGER[] := ARRAY(
        SELECT c.commitment_id FROM (SELECT DISTINCT n.commitment_id FROM new_rows n) c
        LEFT JOIN LATERAL (
            SELECT r.area_id, r.announced_on, r.removal_reason IS NULL AS listed FROM "commitment_revision" r
            WHERE r.commitment_id = c.commitment_id AND r.id NOT IN (SELECT n.id FROM new_rows n) ORDER BY r.version DESC LIMIT 1
        ) prev ON TRUE
        CROSS JOIN LATERAL (
            SELECT r.area_id, r.announced_on, r.removal_reason IS NULL AS listed FROM "commitment_revision" r
            WHERE r.commitment_id = c.commitment_id ORDER BY r.version DESC LIMIT 1
        ) cur
        WHERE (prev.area_id, prev.announced_on, prev.listed) IS DISTINCT FROM (cur.area_id, cur.announced_on, cur.listed));
BEGIN
    IF COALESCE(array_length(ids, 1), 0) = 0 THEN
        RETURN NULL;
    END IF;
    -- Under the old key: the changes as they were counted (add_change_count_steps reads the latest
    -- revision, so the old key's steps are taken away here directly).
    INSERT INTO "change_count_delta" ("day", "announced_on", "area_id", "kind", "n")
    SELECT e.day, prev.announced_on, prev.area_id, e.kind, -COUNT(*)
    FROM (
        SELECT u.commitment_id, u.effective_on AS day, 'status_update' AS kind FROM "status_update" u WHERE u.commitment_id = ANY(ids)
        UNION ALL
        SELECT d.commitment_id, d.day, 'deadline_revision' FROM "deadline_changes_of"(ids, '{}') d
    ) e
    JOIN LATERAL (
        SELECT r.area_id, r.announced_on, r.removal_reason FROM "commitment_revision" r
        WHERE r.commitment_id = e.commitment_id AND r.id NOT IN (SELECT n.id FROM new_rows n) ORDER BY r.version DESC LIMIT 1
    ) prev ON prev.removal_reason IS NULL
    GROUP BY 1, 2, 3, 4
    ON CONFLICT ("day", "announced_on", "area_id", "kind") DO UPDATE SET "n" = "change_count_delta"."n" + EXCLUDED."n";
    -- Under the new key.
    PERFORM "add_change_count_steps"(array_agg(e.commitment_id), array_agg(e.day), array_agg(e.kind), array_agg(1))
    FROM (
        SELECT u.commitment_id, u.effective_on AS day, 'status_update' AS kind FROM "status_update" u WHERE u.commitment_id = ANY(ids)
        UNION ALL
        SELECT d.commitment_id, d.day, 'deadline_revision' FROM "deadline_changes_of"(ids, '{}') d
    ) e;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "status_update_change_count" AFTER INSERT ON "status_update"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_count_after_status_update"();
CREATE TRIGGER "deadline_revision_change_count" AFTER INSERT ON "deadline_revision"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_count_after_deadline_revision"();
CREATE TRIGGER "commitment_revision_change_count" AFTER INSERT ON "commitment_revision"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_count_after_commitment_revision"();

-- The changes already there, under each commitment's latest revision.
INSERT INTO "change_count_delta" ("day", "announced_on", "area_id", "kind", "n")
SELECT e.day, r.announced_on, r.area_id, e.kind, COUNT(*)
FROM (
    SELECT u.commitment_id, u.effective_on AS day, 'status_update' AS kind FROM "status_update" u
    UNION ALL
    SELECT d.commitment_id, d.effective_on, 'deadline_revision' FROM (
        SELECT d.commitment_id, d.effective_on, ROW_NUMBER() OVER (PARTITION BY d.commitment_id ORDER BY d.effective_on, d.id) AS k FROM "deadline_revision" d
    ) d WHERE d.k > 1
) e
JOIN (
    SELECT DISTINCT ON (r.commitment_id) r.commitment_id, r.announced_on, r.area_id, r.removal_reason FROM "commitment_revision" r ORDER BY r.commitment_id, r.version DESC
) r ON r.commitment_id = e.commitment_id AND r.removal_reason IS NULL
GROUP BY 1, 2, 3, 4;
