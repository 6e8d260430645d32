-- Speed: as-of reads no longer walk every commitment's history. For each commitment we keep
-- the periods during which its state (status, deadline, delivery) stayed the same; they are
-- rebuilt by statement-level triggers whenever history is appended, so an as-of read is one
-- range lookup per commitment. The rules are unchanged (src/domain/history.ts), and
-- tests/integration/state-as-of.test.ts still checks the results against them.

-- The rules applied directly to the history of the given commitments (the former body of
-- commitment_state_as_of), plus the delivery date and the due date it is judged against.
CREATE FUNCTION "commitment_state_from_history"(p_as_of DATE, p_ids INTEGER[])
RETURNS TABLE (
    "commitment_id" INTEGER,
    "status" "StatusCode",
    "status_confirmed_on" DATE,
    "status_update_id" INTEGER,
    "deadline_id" INTEGER,
    "deadline_label" TEXT,
    "deadline_precision" "Precision",
    "due_date" DATE,
    "revisions_count" INTEGER,
    "overdue" BOOLEAN,
    "days_overdue" INTEGER,
    "days_until_due" INTEGER,
    "delivered_late" BOOLEAN,
    "days_late" INTEGER,
    "delivered_on" DATE,
    "due_then" DATE
)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT
        c.id,
        COALESCE(su.status, 'not_started'::"StatusCode"),
        su.confirmed_on,
        su.id,
        dl.id,
        dl.label,
        dl.precision,
        dl.due_date,
        GREATEST(rc.effective_count - 1, 0)::INTEGER,
        (dl.due_date IS NOT NULL AND p_as_of > dl.due_date AND NOT closed.is_closed),
        CASE WHEN dl.due_date IS NOT NULL AND p_as_of > dl.due_date AND NOT closed.is_closed THEN p_as_of - dl.due_date ELSE 0 END,
        CASE WHEN NOT closed.is_closed AND dl.due_date IS NOT NULL AND dl.due_date >= p_as_of THEN dl.due_date - p_as_of END,
        COALESCE(late.delivered_on > late.due_then, FALSE),
        CASE WHEN late.delivered_on > late.due_then THEN late.delivered_on - late.due_then ELSE 0 END,
        late.delivered_on,
        late.due_then
    FROM "commitment" c
    LEFT JOIN LATERAL (
        SELECT u.id, u.status, u.confirmed_on FROM "status_update" u
        WHERE u.commitment_id = c.id AND u.confirmed_on <= p_as_of
        ORDER BY u.confirmed_on DESC, u.id DESC LIMIT 1
    ) su ON TRUE
    CROSS JOIN LATERAL (
        SELECT COALESCE(su.status IN ('delivered', 'delivered_differently', 'dropped'), FALSE) AS is_closed
    ) closed
    LEFT JOIN LATERAL (
        SELECT d.id, d.label, d.precision, d.due_date FROM "deadline_revision" d
        WHERE d.commitment_id = c.id
        ORDER BY (d.effective_on <= p_as_of) DESC,
                 CASE WHEN d.effective_on <= p_as_of THEN d.effective_on END DESC,
                 CASE WHEN d.effective_on <= p_as_of THEN d.id END DESC,
                 d.effective_on ASC, d.id ASC
        LIMIT 1
    ) dl ON TRUE
    CROSS JOIN LATERAL (
        SELECT COUNT(*)::INTEGER AS effective_count FROM "deadline_revision" d
        WHERE d.commitment_id = c.id AND d.effective_on <= p_as_of
    ) rc
    LEFT JOIN LATERAL (
        -- Delivery date: the first update of the current unbroken run of delivered updates.
        SELECT first_delivery.confirmed_on AS delivered_on, due.due_date AS due_then
        FROM LATERAL (
            SELECT u.confirmed_on FROM "status_update" u
            WHERE u.commitment_id = c.id AND u.confirmed_on <= p_as_of
              AND (u.confirmed_on, u.id) > COALESCE((
                  SELECT (x.confirmed_on, x.id) FROM "status_update" x
                  WHERE x.commitment_id = c.id AND x.confirmed_on <= p_as_of
                    AND x.status NOT IN ('delivered', 'delivered_differently')
                  ORDER BY x.confirmed_on DESC, x.id DESC LIMIT 1
              ), ('-infinity'::DATE, 0))
            ORDER BY u.confirmed_on ASC, u.id ASC LIMIT 1
        ) first_delivery
        CROSS JOIN LATERAL (
            SELECT d.due_date FROM "deadline_revision" d
            WHERE d.commitment_id = c.id
            ORDER BY (d.effective_on <= first_delivery.confirmed_on) DESC,
                     CASE WHEN d.effective_on <= first_delivery.confirmed_on THEN d.effective_on END DESC,
                     CASE WHEN d.effective_on <= first_delivery.confirmed_on THEN d.id END DESC,
                     d.effective_on ASC, d.id ASC
            LIMIT 1
        ) due
        WHERE su.status IN ('delivered', 'delivered_differently')
    ) late ON TRUE
    WHERE c.announced_on <= p_as_of AND c.id = ANY(p_ids)
$$;

CREATE TABLE "commitment_state_period" (
    "commitment_id" INTEGER NOT NULL REFERENCES "commitment"("id") ON DELETE CASCADE,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE NOT NULL,
    "status" "StatusCode" NOT NULL,
    "status_confirmed_on" DATE,
    "status_update_id" INTEGER,
    "deadline_id" INTEGER,
    "deadline_label" TEXT,
    "deadline_precision" "Precision",
    "due_date" DATE,
    "revisions_count" INTEGER NOT NULL,
    "delivered_on" DATE,
    "due_then" DATE,
    CONSTRAINT "commitment_state_period_pkey" PRIMARY KEY ("commitment_id", "valid_from")
);
CREATE INDEX "commitment_state_period_range_idx" ON "commitment_state_period" USING GIST (daterange("valid_from", "valid_to"));

CREATE FUNCTION "refresh_commitment_state_periods"(p_ids INTEGER[]) RETURNS VOID
LANGUAGE sql VOLATILE AS $$
    DELETE FROM "commitment_state_period" WHERE "commitment_id" = ANY(p_ids);
    WITH boundaries AS (
        SELECT c.id AS commitment_id, c.announced_on AS valid_from FROM "commitment" c WHERE c.id = ANY(p_ids)
        UNION
        SELECT u.commitment_id, u.confirmed_on FROM "status_update" u JOIN "commitment" c ON c.id = u.commitment_id
        WHERE u.commitment_id = ANY(p_ids) AND u.confirmed_on > c.announced_on
        UNION
        SELECT d.commitment_id, d.effective_on FROM "deadline_revision" d JOIN "commitment" c ON c.id = d.commitment_id
        WHERE d.commitment_id = ANY(p_ids) AND d.effective_on > c.announced_on
    ), periods AS (
        SELECT commitment_id, valid_from,
               COALESCE(LEAD(valid_from) OVER (PARTITION BY commitment_id ORDER BY valid_from), 'infinity'::DATE) AS valid_to
        FROM boundaries
    )
    INSERT INTO "commitment_state_period"
    SELECT p.commitment_id, p.valid_from, p.valid_to, s.status, s.status_confirmed_on, s.status_update_id,
           s.deadline_id, s.deadline_label, s.deadline_precision, s.due_date, s.revisions_count, s.delivered_on, s.due_then
    FROM periods p
    CROSS JOIN LATERAL "commitment_state_from_history"(p.valid_from, ARRAY[p.commitment_id]) s;
$$;

CREATE FUNCTION "refresh_state_periods_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_commitment_state_periods"(ARRAY(SELECT DISTINCT n.commitment_id FROM new_rows n));
    RETURN NULL;
END;
$$;

CREATE FUNCTION "refresh_state_periods_after_commitment_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_commitment_state_periods"(ARRAY(SELECT n.id FROM new_rows n));
    RETURN NULL;
END;
$$;

CREATE TRIGGER "status_update_refresh_state" AFTER INSERT ON "status_update"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "refresh_state_periods_after_insert"();
CREATE TRIGGER "deadline_revision_refresh_state" AFTER INSERT ON "deadline_revision"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "refresh_state_periods_after_insert"();
CREATE TRIGGER "commitment_insert_refresh_state" AFTER INSERT ON "commitment"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "refresh_state_periods_after_commitment_change"();
CREATE TRIGGER "commitment_update_refresh_state" AFTER UPDATE ON "commitment"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "refresh_state_periods_after_commitment_change"();

-- Same signature and results as before; now a range lookup per commitment.
CREATE OR REPLACE FUNCTION "commitment_state_as_of"(p_as_of DATE)
RETURNS TABLE (
    "commitment_id" INTEGER,
    "status" "StatusCode",
    "status_confirmed_on" DATE,
    "status_update_id" INTEGER,
    "deadline_id" INTEGER,
    "deadline_label" TEXT,
    "deadline_precision" "Precision",
    "due_date" DATE,
    "revisions_count" INTEGER,
    "overdue" BOOLEAN,
    "days_overdue" INTEGER,
    "days_until_due" INTEGER,
    "delivered_late" BOOLEAN,
    "days_late" INTEGER
)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT p.commitment_id, p.status, p.status_confirmed_on, p.status_update_id, p.deadline_id, p.deadline_label,
           p.deadline_precision, p.due_date, p.revisions_count,
           (p.due_date IS NOT NULL AND p_as_of > p.due_date AND p.status NOT IN ('delivered', 'delivered_differently', 'dropped')),
           CASE WHEN p.due_date IS NOT NULL AND p_as_of > p.due_date AND p.status NOT IN ('delivered', 'delivered_differently', 'dropped')
                THEN p_as_of - p.due_date ELSE 0 END,
           CASE WHEN p.status NOT IN ('delivered', 'delivered_differently', 'dropped') AND p.due_date IS NOT NULL AND p.due_date >= p_as_of
                THEN p.due_date - p_as_of END,
           COALESCE(p.delivered_on > p.due_then, FALSE),
           CASE WHEN p.delivered_on > p.due_then THEN p.delivered_on - p.due_then ELSE 0 END
    FROM "commitment_state_period" p
    WHERE daterange(p.valid_from, p.valid_to) @> p_as_of
$$;

SELECT "refresh_commitment_state_periods"(ARRAY(SELECT id FROM "commitment"));
