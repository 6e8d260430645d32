-- Counts that do not grow with the data (issue 18; docs/decisions/0014-flat-query-cost.md).
--
-- How many commitments, by area, public status, overdue and missed, stood on a date at the latest
-- version: counting the state of every commitment grows with the data. Within one state period
-- nothing a count uses changes (the day after each due date is a period boundary, so overdue holds
-- for the whole period or not at all), so a current period adds one to its counts from valid_from
-- and takes it away from valid_to. state_count_delta keeps those steps, summed per day and key,
-- maintained by triggers on commitment_state_period in the publishing transaction; a count on day
-- D is the sum of the steps up to D: a few rows per day on which anything changes, whatever the
-- number of commitments. Only current rows (to_version IS NULL) count: reads at an earlier
-- version count the periods themselves. Commitments taken off the tracker are not counted, as
-- summarySource() leaves them out.

CREATE TABLE "state_count_delta" (
    "day" DATE NOT NULL,
    "area_id" INTEGER NOT NULL,
    -- The public status (src/domain/status.ts publicStatus): no update in effect is no_progress_reported.
    "status" TEXT NOT NULL,
    "overdue" BOOLEAN NOT NULL,
    "missed" BOOLEAN NOT NULL,
    -- No published deadline in effect (the overview's "have no published deadline").
    "no_deadline" BOOLEAN NOT NULL,
    "n" BIGINT NOT NULL,
    CONSTRAINT "state_count_delta_pkey" PRIMARY KEY ("day", "area_id", "status", "overdue", "missed", "no_deadline")
);

-- The steps a set of period rows adds (sign 1) or takes away (sign -1), summed per day and key.
CREATE FUNCTION "add_state_count_steps"(p_rows "commitment_state_period"[], p_sign INTEGER) RETURNS VOID LANGUAGE sql VOLATILE AS $$
    INSERT INTO "state_count_delta" ("day", "area_id", "status", "overdue", "missed", "no_deadline", "n")
    SELECT x.day, r.area_id,
           CASE WHEN p.status_update_id IS NULL THEN 'no_progress_reported' ELSE p.status::TEXT END,
           (p.due_date IS NOT NULL AND p.due_date < p.valid_from AND p.status NOT IN ('delivered', 'delivered_differently', 'dropped')),
           p.missed_count > 0,
           p.due_date IS NULL,
           SUM(x.step * p_sign)
    FROM unnest(p_rows) p
    JOIN "commitment_revision" r ON r.id = p.revision_id AND r.removal_reason IS NULL
    CROSS JOIN LATERAL (VALUES (p.valid_from, 1), (p.valid_to, -1)) x(day, step)
    WHERE p.to_version IS NULL AND x.day <> 'infinity'::DATE
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING SUM(x.step * p_sign) <> 0
    ON CONFLICT ("day", "area_id", "status", "overdue", "missed", "no_deadline") DO UPDATE SET "n" = "state_count_delta"."n" + EXCLUDED."n";
$$;

CREATE FUNCTION "state_count_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "add_state_count_steps"(ARRAY(SELECT n::"commitment_state_period" FROM new_rows n), 1);
    RETURN NULL;
END;
$$;
CREATE FUNCTION "state_count_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "add_state_count_steps"(ARRAY(SELECT o::"commitment_state_period" FROM old_rows o), -1);
    PERFORM "add_state_count_steps"(ARRAY(SELECT n::"commitment_state_period" FROM new_rows n), 1);
    RETURN NULL;
END;
$$;
CREATE FUNCTION "state_count_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "add_state_count_steps"(ARRAY(SELECT o::"commitment_state_period" FROM old_rows o), -1);
    RETURN NULL;
END;
$$;
CREATE TRIGGER "commitment_state_period_count_insert" AFTER INSERT ON "commitment_state_period"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "state_count_after_insert"();
CREATE TRIGGER "commitment_state_period_count_update" AFTER UPDATE ON "commitment_state_period"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "state_count_after_update"();
CREATE TRIGGER "commitment_state_period_count_delete" AFTER DELETE ON "commitment_state_period"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "state_count_after_delete"();

-- The steps of the periods already there, a few thousand commitments at a time.
DO $$
DECLARE
    lo INTEGER;
BEGIN
    FOR lo IN SELECT generate_series(0, (SELECT COALESCE(MAX(commitment_id), 0) FROM "commitment_state_period"), 5000) LOOP
        PERFORM "add_state_count_steps"(ARRAY(
            SELECT p FROM "commitment_state_period" p WHERE p.to_version IS NULL AND p.commitment_id > lo AND p.commitment_id <= lo + 5000), 1);
    END LOOP;
END;
$$;

-- Search: the revisions a query matches (the GIN index on commitment_revision.search) lead to their
-- state periods by revision, instead of the state of every commitment being read to join them.
CREATE INDEX "commitment_state_period_revision_id_idx" ON "commitment_state_period" ("revision_id");

-- The overview's "last confirmed": the periods in order of their status's confirmation, read from the latest down.
CREATE INDEX "commitment_state_period_status_confirmed_on_idx" ON "commitment_state_period" ("status_confirmed_on")
    INCLUDE ("valid_from", "valid_to", "from_version", "to_version", "revision_id");
