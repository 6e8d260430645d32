-- A page costs the same at 100,000 commitments as at 1,000 (issue 18; docs/decisions/0014-flat-query-cost.md).
--
-- A list's first page is ordered by the deadline in effect and then by title, and the title lives
-- in commitment_revision, so finding the first 25 meant reading the state of every commitment on
-- the as-of date, joining every revision and sorting them all. Each state period now carries the
-- title of the revision it points at (sort_title, set by a trigger: a revision never changes, and
-- a period that points at a new revision is a new row or is repointed in the publishing
-- transaction), and one B-tree index holds the periods in page order, (due_date, sort_title,
-- commitment_id), with the columns that say whether a period holds on a date at a version. A first
-- page is then a walk along that index that stops after the page's rows: the due-date list, the
-- overdue list (most days overdue first is earliest due first) and /missed's 50 most overdue.

ALTER TABLE "commitment_state_period" ADD COLUMN "sort_title" TEXT;

CREATE FUNCTION "set_state_period_sort_title"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."sort_title" := (SELECT r."title" FROM "commitment_revision" r WHERE r."id" = NEW."revision_id");
    RETURN NEW;
END;
$$;
CREATE TRIGGER "commitment_state_period_sort_title" BEFORE INSERT OR UPDATE OF "revision_id" ON "commitment_state_period"
    FOR EACH ROW EXECUTE FUNCTION "set_state_period_sort_title"();

UPDATE "commitment_state_period" p SET "sort_title" = r."title" FROM "commitment_revision" r WHERE r."id" = p."revision_id";

CREATE INDEX "commitment_state_period_page_order_idx" ON "commitment_state_period" ("due_date", "sort_title", "commitment_id")
    INCLUDE ("valid_from", "valid_to", "from_version", "to_version", "status", "status_update_id", "revision_id");

-- The rows of a commitment's state periods have one more column (left empty: the trigger fills it).
-- The body is otherwise that of 20261202000000_citable_time.
CREATE OR REPLACE FUNCTION "commitment_state_rows"(p_ids INTEGER[]) RETURNS SETOF "commitment_state_period" LANGUAGE sql STABLE AS $$
WITH c AS (
    -- With the commitment's latest revision: each period points at the attributes on the record with it.
    SELECT k.id, k.announced_on,
           (SELECT r.id FROM "commitment_revision" r WHERE r.commitment_id = k.id ORDER BY r.version DESC LIMIT 1) AS revision_id
    FROM "commitment" k WHERE k.id = ANY(p_ids)
),
days AS (
    SELECT c.id AS cid, c.announced_on AS x FROM c
    UNION SELECT u.commitment_id, u.happened_from FROM "status_update" u JOIN c ON c.id = u.commitment_id WHERE u.commitment_id = ANY(p_ids) AND u.happened_from > c.announced_on
    UNION SELECT u.commitment_id, u.effective_on FROM "status_update" u JOIN c ON c.id = u.commitment_id WHERE u.commitment_id = ANY(p_ids) AND u.effective_on > c.announced_on
    UNION SELECT d.commitment_id, d.effective_on FROM "deadline_revision" d JOIN c ON c.id = d.commitment_id WHERE d.commitment_id = ANY(p_ids) AND d.effective_on > c.announced_on
    UNION SELECT d.commitment_id, d.due_date + 1 FROM "deadline_revision" d JOIN c ON c.id = d.commitment_id WHERE d.commitment_id = ANY(p_ids) AND d.due_date + 1 > c.announced_on
),
periods AS (
    SELECT cid, x AS valid_from, COALESCE(LEAD(x) OVER (PARTITION BY cid ORDER BY x), 'infinity'::DATE) AS valid_to FROM days
),
base AS (
    SELECT p.cid, p.valid_from, p.valid_to,
           COALESCE(st.status, 'not_started'::"StatusCode") AS status, st.id AS status_update_id,
           st.confirmed_on AS status_confirmed_on, st.effective_on AS status_effective_on,
           pend.id AS pending_update_id, (pc.closes IS NOT NULL) AS pending_closes,
           dl.id AS deadline_id, dl.label AS deadline_label, dl.precision AS deadline_precision, dl.due_date,
           GREATEST(rc.n - 1, 0)::INTEGER AS revisions_count,
           dv.id AS delivery_update_id, dv.happened_from AS delivered_from, dv.effective_on AS delivered_to, dv.due_then,
           dr.since AS dropped_since
    FROM periods p
    LEFT JOIN LATERAL (
        SELECT u.id, u.status, u.confirmed_on, u.effective_on FROM "status_update" u
        WHERE u.commitment_id = p.cid AND u.effective_on <= p.valid_from
        ORDER BY u.effective_on DESC, u.id DESC LIMIT 1
    ) st ON TRUE
    LEFT JOIN LATERAL (
        SELECT u.id FROM "status_update" u
        WHERE u.commitment_id = p.cid AND u.effective_on > p.valid_from AND u.happened_from <= p.valid_from
        ORDER BY u.effective_on, u.id LIMIT 1
    ) pend ON TRUE
    LEFT JOIN LATERAL (
        SELECT 1 AS closes FROM "status_update" u
        WHERE u.commitment_id = p.cid AND u.effective_on > p.valid_from AND u.happened_from <= p.valid_from
          AND u.status IN ('delivered', 'delivered_differently', 'dropped')
        LIMIT 1
    ) pc ON TRUE
    LEFT JOIN LATERAL (
        SELECT d.id, d.label, d.precision, d.due_date FROM "deadline_revision" d
        WHERE d.commitment_id = p.cid
        ORDER BY (d.effective_on <= p.valid_from) DESC,
                 CASE WHEN d.effective_on <= p.valid_from THEN d.effective_on END DESC,
                 CASE WHEN d.effective_on <= p.valid_from THEN d.id END DESC,
                 d.effective_on ASC, d.id ASC
        LIMIT 1
    ) dl ON TRUE
    CROSS JOIN LATERAL (
        SELECT COUNT(*)::INTEGER AS n FROM "deadline_revision" d WHERE d.commitment_id = p.cid AND d.effective_on <= p.valid_from
    ) rc
    LEFT JOIN LATERAL (
        -- The delivery: the first update of the current unbroken run of delivered updates, and the
        -- due date of the deadline in effect when it took effect.
        SELECT first_delivery.id, first_delivery.happened_from, first_delivery.effective_on, due.due_date AS due_then
        FROM LATERAL (
            SELECT u.id, u.happened_from, u.effective_on FROM "status_update" u
            WHERE u.commitment_id = p.cid AND u.effective_on <= p.valid_from
              AND (u.effective_on, u.id) > COALESCE((
                  SELECT (x.effective_on, x.id) FROM "status_update" x
                  WHERE x.commitment_id = p.cid AND x.effective_on <= p.valid_from
                    AND x.status NOT IN ('delivered', 'delivered_differently')
                  ORDER BY x.effective_on DESC, x.id DESC LIMIT 1
              ), ('-infinity'::DATE, 0))
            ORDER BY u.effective_on ASC, u.id ASC LIMIT 1
        ) first_delivery
        CROSS JOIN LATERAL (
            SELECT d.due_date FROM "deadline_revision" d
            WHERE d.commitment_id = p.cid
            ORDER BY (d.effective_on <= first_delivery.effective_on) DESC,
                     CASE WHEN d.effective_on <= first_delivery.effective_on THEN d.effective_on END DESC,
                     CASE WHEN d.effective_on <= first_delivery.effective_on THEN d.id END DESC,
                     d.effective_on ASC, d.id ASC
            LIMIT 1
        ) due
        WHERE st.status IN ('delivered', 'delivered_differently')
    ) dv ON TRUE
    LEFT JOIN LATERAL (
        -- Dropped since: the first update of the current unbroken run of dropped updates.
        SELECT u.effective_on AS since FROM "status_update" u
        WHERE st.status = 'dropped' AND u.commitment_id = p.cid AND u.effective_on <= p.valid_from
          AND (u.effective_on, u.id) > COALESCE((
              SELECT (x.effective_on, x.id) FROM "status_update" x
              WHERE x.commitment_id = p.cid AND x.effective_on <= p.valid_from AND x.status <> 'dropped'
              ORDER BY x.effective_on DESC, x.id DESC LIMIT 1
          ), ('-infinity'::DATE, 0))
        ORDER BY u.effective_on ASC, u.id ASC LIMIT 1
    ) dr ON TRUE
),
flags AS (
    SELECT b.*,
           (b.due_date IS NOT NULL AND b.valid_from > b.due_date
            AND b.status NOT IN ('delivered', 'delivered_differently', 'dropped') AND NOT b.pending_closes) AS certainly_overdue
    FROM base b
),
-- The first day each deadline was certainly missed.
missed_on AS (
    SELECT cid, deadline_id, MIN(valid_from) AS missed_on FROM flags WHERE certainly_overdue GROUP BY cid, deadline_id
),
-- The deadline that replaced each one, and when.
next_deadline AS (
    SELECT d.id, d.label, d.precision, d.due_date, d.effective_on,
           LEAD(d.id) OVER w AS next_id, LEAD(d.label) OVER w AS next_label, LEAD(d.precision) OVER w AS next_precision,
           LEAD(d.due_date) OVER w AS next_due, LEAD(d.effective_on) OVER w AS next_on
    FROM "deadline_revision" d WHERE d.commitment_id = ANY(p_ids)
    WINDOW w AS (PARTITION BY d.commitment_id ORDER BY d.effective_on, d.id)
),
-- For each period, every deadline missed by its first day, judged on the last day it was in
-- effect (the day before it was moved) or, if still in effect, in this period.
entries AS (
    SELECT f.cid, f.valid_from, nd.effective_on AS deadline_effective_on, nd.id AS deadline_id,
           jsonb_build_object(
               'deadlineId', nd.id, 'label', nd.label, 'precision', nd.precision, 'dueDate', nd.due_date, 'effectiveOn', nd.effective_on,
               'missedOn', m.missed_on,
               'outcome', CASE WHEN q.delivery_update_id IS NOT NULL THEN 'delivered_late'
                               WHEN q.dropped_since IS NOT NULL THEN 'dropped'
                               WHEN mv.moved THEN 'moved' ELSE 'overdue' END,
               'outcomeOn', CASE WHEN q.delivery_update_id IS NOT NULL THEN q.delivered_to
                                 WHEN q.dropped_since IS NOT NULL THEN q.dropped_since
                                 WHEN mv.moved THEN nd.next_on END,
               'movedTo', CASE WHEN q.delivery_update_id IS NULL AND q.dropped_since IS NULL AND mv.moved
                               THEN jsonb_build_object('deadlineId', nd.next_id, 'label', nd.next_label, 'precision', nd.next_precision,
                                                       'dueDate', nd.next_due, 'effectiveOn', nd.next_on) END,
               'delivery', CASE WHEN q.delivery_update_id IS NOT NULL THEN jsonb_build_object('from', q.delivered_from, 'to', q.delivered_to) END,
               'daysMissedBy', CASE WHEN q.delivery_update_id IS NOT NULL THEN q.delivered_from - nd.due_date
                                    WHEN q.dropped_since IS NOT NULL THEN (q.dropped_since - 1) - nd.due_date
                                    WHEN mv.moved THEN (nd.next_on - 1) - nd.due_date END,
               'daysMissedByMax', CASE WHEN q.delivery_update_id IS NOT NULL THEN q.delivered_to - nd.due_date
                                       WHEN q.dropped_since IS NOT NULL THEN (q.dropped_since - 1) - nd.due_date
                                       WHEN mv.moved THEN (nd.next_on - 1) - nd.due_date END
           ) AS entry
    FROM flags f
    JOIN missed_on m ON m.cid = f.cid AND m.missed_on <= f.valid_from
    JOIN next_deadline nd ON nd.id = m.deadline_id
    CROSS JOIN LATERAL (SELECT (nd.next_on IS NOT NULL AND nd.next_on <= f.valid_from) AS moved) mv
    JOIN flags q ON q.cid = f.cid
        AND q.valid_from <= CASE WHEN mv.moved THEN nd.next_on - 1 ELSE f.valid_from END
        AND CASE WHEN mv.moved THEN nd.next_on - 1 ELSE f.valid_from END < q.valid_to
),
missed AS (
    SELECT cid, valid_from, jsonb_agg(entry ORDER BY deadline_effective_on, deadline_id) AS missed, COUNT(*)::INTEGER AS n
    FROM entries GROUP BY cid, valid_from
)
SELECT f.cid, f.valid_from, f.valid_to, NULL::INTEGER, NULL::INTEGER,
       f.status, f.status_update_id, f.status_confirmed_on, f.status_effective_on, f.pending_update_id, f.pending_closes,
       f.deadline_id, f.deadline_label, f.deadline_precision, f.due_date, f.revisions_count,
       f.delivery_update_id, f.delivered_from, f.delivered_to, f.due_then,
       COALESCE(m.missed, '[]'::JSONB), COALESCE(m.n, 0), c.revision_id,
       NULL::TEXT -- sort_title: set from the revision by the table's trigger
FROM flags f
JOIN c ON c.id = f.cid
LEFT JOIN missed m ON m.cid = f.cid AND m.valid_from = f.valid_from
$$;

-- Each commitment's state on a date at a version, now with the title its order uses. The body is
-- otherwise that of 20261202000000_citable_time; commitment_state_as_of() reads it by column name.
DROP FUNCTION "commitment_state_at"(DATE, INTEGER);
CREATE FUNCTION "commitment_state_at"(p_as_of DATE, p_version INTEGER)
RETURNS TABLE (
    "commitment_id" INTEGER,
    "status" "StatusCode",
    "status_confirmed_on" DATE,
    "status_update_id" INTEGER,
    "status_effective_on" DATE,
    "pending_update_id" INTEGER,
    "deadline_id" INTEGER,
    "deadline_label" TEXT,
    "deadline_precision" "Precision",
    "due_date" DATE,
    "revisions_count" INTEGER,
    "overdue" BOOLEAN,
    "days_overdue" INTEGER,
    "days_until_due" INTEGER,
    "delivery_update_id" INTEGER,
    "delivered_from" DATE,
    "delivered_to" DATE,
    "due_then" DATE,
    "lateness" TEXT,
    "late_min" INTEGER,
    "late_max" INTEGER,
    "delivered_late" BOOLEAN,
    "days_late" INTEGER,
    "missed" JSONB,
    "missed_count" INTEGER,
    "revision_id" INTEGER,
    "sort_title" TEXT
)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT p.commitment_id, p.status, p.status_confirmed_on, p.status_update_id, p.status_effective_on, p.pending_update_id,
           p.deadline_id, p.deadline_label, p.deadline_precision, p.due_date, p.revisions_count,
           (p.due_date IS NOT NULL AND p_as_of > p.due_date AND p.status NOT IN ('delivered', 'delivered_differently', 'dropped')),
           CASE WHEN p.due_date IS NOT NULL AND p_as_of > p.due_date AND p.status NOT IN ('delivered', 'delivered_differently', 'dropped')
                THEN p_as_of - p.due_date ELSE 0 END,
           CASE WHEN p.status NOT IN ('delivered', 'delivered_differently', 'dropped') AND p.due_date IS NOT NULL AND p.due_date >= p_as_of
                THEN p.due_date - p_as_of END,
           p.delivery_update_id, p.delivered_from, p.delivered_to, p.due_then,
           CASE WHEN p.delivered_to IS NULL OR p.due_then IS NULL THEN NULL
                WHEN p.delivered_to <= p.due_then THEN 'on_time'
                WHEN p.delivered_from > p.due_then THEN 'late' ELSE 'possibly_late' END,
           CASE WHEN p.delivered_from > p.due_then THEN p.delivered_from - p.due_then ELSE 0 END,
           CASE WHEN p.delivered_to > p.due_then THEN p.delivered_to - p.due_then ELSE 0 END,
           COALESCE(p.delivered_from > p.due_then, FALSE),
           CASE WHEN p.delivered_from > p.due_then THEN p.delivered_from - p.due_then ELSE 0 END,
           p.missed, p.missed_count, p.revision_id, p.sort_title
    FROM "commitment_state_period" p
    WHERE daterange(p.valid_from, p.valid_to) @> p_as_of AND int4range(p.from_version, p.to_version) @> p_version
$$;
