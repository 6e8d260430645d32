-- Each commitment's state on any date, computed from its append-only history in the database
-- (so list pages, the API and exports never load whole histories into memory). It implements
-- the rules of src/domain/history.ts; tests/integration/state-as-of.test.ts checks they agree.
CREATE FUNCTION "commitment_state_as_of"(p_as_of DATE)
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
        CASE WHEN late.delivered_on > late.due_then THEN late.delivered_on - late.due_then ELSE 0 END
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
    WHERE c.announced_on <= p_as_of
$$;
