-- Time you can cite (issue 11; docs/decisions/0008-record-versions.md).
--
-- 1. Record versions. Every publish (any public change) takes the next number of one
--    database-wide sequence of versions, in its own transaction: the publication table. Numbers
--    are taken under a transaction-level advisory lock, so they are gapless and in commit order,
--    and a reader who sees version N sees everything published at N or before. Every history row
--    records the version that published it; the database sets it, and the publication time.
-- 2. Three dates on a status update: when it happened (occurred_*, as the source words it, with
--    a precision and its window), when a source confirmed it (confirmed_on .. confirmed_to, with
--    a precision and label), and when the tracker published it (published_at). The update takes
--    effect on effective_on, the last day of the window in which it is known to have happened.
-- 3. Commitment attributes (title, summary, area, owners, announcement) are versioned: an
--    append-only commitment_revision row is written at creation and at every edit, at commit.
-- 4. commitment_state_period becomes bitemporal: each row holds a commitment's state for a range
--    of dates [valid_from, valid_to) AND a range of record versions [from_version, to_version).
--    A publish closes the rows it changes at its version and inserts their replacements, so a
--    read at (as_of D, version N) is one range lookup, and nothing published later changes what
--    version N shows. Rows also carry the deadlines missed by then (src/domain/history.ts).
-- 5. Existing data moves to the new model: versions start with a baseline version 1 holding
--    everything published before, and the seed's updates get the dates the articles give.

-- ---------------------------------------------------------------------------------------------
-- 1. Publications

CREATE TABLE "publication" (
    "version" INTEGER NOT NULL,
    "published_at" TIMESTAMPTZ(6) NOT NULL DEFAULT clock_timestamp(),
    "note" TEXT,
    CONSTRAINT "publication_pkey" PRIMARY KEY ("version"),
    CONSTRAINT "publication_version_positive" CHECK ("version" > 0)
);
CREATE INDEX "publication_published_at_idx" ON "publication"("published_at");

CREATE TRIGGER "publication_append_only" BEFORE UPDATE OR DELETE ON "publication"
    FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "publication_no_truncate" BEFORE TRUNCATE ON "publication"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();

-- The version this transaction publishes, taken the first time it is needed. The advisory lock
-- (held until the transaction ends) makes publishes take their numbers one at a time, in the
-- order they commit. The time is the moment the number is taken, so it grows with the version.
-- The application may describe the publish first: SELECT set_config('roadmap_tracker.publication_note', '…', true).
CREATE FUNCTION "current_publication"() RETURNS INTEGER LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v INTEGER := NULLIF(current_setting('roadmap_tracker.publication', true), '')::INTEGER;
BEGIN
    IF v IS NOT NULL THEN
        RETURN v;
    END IF;
    PERFORM pg_advisory_xact_lock(7270215002);
    SELECT COALESCE(MAX("version"), 0) + 1 INTO v FROM "publication";
    INSERT INTO "publication" ("version", "published_at", "note")
    VALUES (v, clock_timestamp(), NULLIF(current_setting('roadmap_tracker.publication_note', true), ''));
    PERFORM set_config('roadmap_tracker.publication', v::TEXT, true);
    RETURN v;
END;
$$;

-- The latest version, and the last version recorded by the end of a day in Europe/London.
CREATE FUNCTION "latest_publication"() RETURNS INTEGER LANGUAGE sql STABLE AS $$
    SELECT COALESCE(MAX("version"), 0) FROM "publication"
$$;
CREATE FUNCTION "publication_recorded_on"(p_day DATE) RETURNS INTEGER LANGUAGE sql STABLE AS $$
    SELECT MAX("version") FROM "publication" WHERE "published_at" < ((p_day + 1)::TIMESTAMP AT TIME ZONE 'Europe/London')
$$;

-- ---------------------------------------------------------------------------------------------
-- 2. Status updates: three dates, and the version

ALTER TABLE "status_update"
    ADD COLUMN "confirmed_to" DATE,
    ADD COLUMN "confirmed_precision" "Precision",
    ADD COLUMN "confirmed_label" TEXT,
    ADD COLUMN "occurred_label" TEXT,
    ADD COLUMN "occurred_precision" "Precision",
    ADD COLUMN "occurred_from" DATE,
    ADD COLUMN "occurred_to" DATE,
    ADD COLUMN "version" INTEGER;
ALTER TABLE "deadline_revision" ADD COLUMN "version" INTEGER;

-- When it is known to have happened: the occurrence, cut short at the end of the confirmation;
-- or, when no source says, the confirmation itself. The update takes effect on its last day.
ALTER TABLE "status_update"
    ADD COLUMN "happened_from" DATE GENERATED ALWAYS AS (COALESCE("occurred_from", "confirmed_on")) STORED,
    ADD COLUMN "effective_on" DATE GENERATED ALWAYS AS (LEAST(COALESCE("occurred_to", "confirmed_to"), "confirmed_to")) STORED;

-- Existing rows move to the new model; history is append-only, so the guard is lifted for this
-- one transaction and put back below.
ALTER TABLE "status_update" DISABLE TRIGGER "status_update_append_only";
ALTER TABLE "deadline_revision" DISABLE TRIGGER "deadline_revision_append_only";

-- Confirmed on a day unless we know better: the Civil Service World summer issue (the source of
-- every seeded update) is dated June 2026, a month, not 1 June 2026.
UPDATE "status_update" SET "confirmed_to" = "confirmed_on", "confirmed_precision" = 'day', "confirmed_label" = to_char("confirmed_on", 'FMDD FMMonth YYYY');
UPDATE "status_update" u SET "confirmed_to" = DATE '2026-06-30', "confirmed_precision" = 'month', "confirmed_label" = 'June 2026'
FROM "source" s
WHERE s."id" = u."source_id" AND s."url" = 'https://www.civilserviceworld.com/news/article/six-months-on-how-is-the-digital-roadmap-progressing'
  AND u."confirmed_on" = DATE '2026-06-01';

-- When it happened, where the article says (seeds/AUDIT.md): as the article words it, read back
-- from the end of June 2026.
UPDATE "status_update" u SET "occurred_label" = o.label, "occurred_precision" = o.precision::"Precision", "occurred_from" = o.from_day, "occurred_to" = o.to_day
FROM (VALUES
    ('gov-uk-app-local-services-pilot', 'delivered', 'in March', 'month', DATE '2026-03-01', DATE '2026-03-31'),
    ('local-government-architecture-model', 'in_progress', 'in April', 'month', DATE '2026-04-01', DATE '2026-04-30'),
    ('responsible-ai-advisory-panel', 'delivered', 'in March', 'month', DATE '2026-03-01', DATE '2026-03-31'),
    ('digital-assurance-measures', 'delivered', 'in April', 'month', DATE '2026-04-01', DATE '2026-04-30'),
    ('supplier-information-service', 'delivered', 'in March 2026', 'month', DATE '2026-03-01', DATE '2026-03-31'),
    ('returnship-programme', 'delivered', 'in March', 'month', DATE '2026-03-01', DATE '2026-03-31'),
    ('atrs-records-analysis', 'delivered', 'In March', 'month', DATE '2026-03-01', DATE '2026-03-31'),
    ('outcome-based-funding-models', 'in_progress', 'in September 2025', 'month', DATE '2025-09-01', DATE '2025-09-30'),
    ('simpler-spending-approvals', 'in_progress', 'January last year', 'month', DATE '2025-01-01', DATE '2025-01-31')
) AS o(slug, status, label, precision, from_day, to_day),
"commitment" c, "source" s
WHERE c."slug" = o.slug AND u."commitment_id" = c."id" AND u."status"::TEXT = o.status
  AND s."id" = u."source_id" AND s."url" = 'https://www.civilserviceworld.com/news/article/six-months-on-how-is-the-digital-roadmap-progressing';

-- Versions: everything published before versions existed is the baseline, version 1.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM "commitment") OR EXISTS (SELECT 1 FROM "status_update") OR EXISTS (SELECT 1 FROM "deadline_revision") THEN
        INSERT INTO "publication" ("version", "published_at", "note")
        VALUES (1, clock_timestamp(), 'Baseline: the record as it stood when the tracker began numbering versions');
        PERFORM set_config('roadmap_tracker.publication', '1', true);
    END IF;
END;
$$;
UPDATE "status_update" SET "version" = 1;
UPDATE "deadline_revision" SET "version" = 1;

ALTER TABLE "status_update" ENABLE TRIGGER "status_update_append_only";
ALTER TABLE "deadline_revision" ENABLE TRIGGER "deadline_revision_append_only";

ALTER TABLE "status_update"
    ALTER COLUMN "confirmed_to" SET NOT NULL,
    ALTER COLUMN "confirmed_precision" SET NOT NULL,
    ALTER COLUMN "confirmed_label" SET NOT NULL,
    ALTER COLUMN "version" SET NOT NULL,
    ALTER COLUMN "happened_from" SET NOT NULL,
    ALTER COLUMN "effective_on" SET NOT NULL,
    ADD CONSTRAINT "status_update_confirmed_window" CHECK ("confirmed_on" <= "confirmed_to" AND "confirmed_precision" <> 'open' AND length(btrim("confirmed_label")) > 0),
    ADD CONSTRAINT "status_update_occurred_all_or_none" CHECK (
        ("occurred_label" IS NULL AND "occurred_precision" IS NULL AND "occurred_from" IS NULL AND "occurred_to" IS NULL)
        OR ("occurred_label" IS NOT NULL AND length(btrim("occurred_label")) > 0 AND "occurred_precision" IS NOT NULL AND "occurred_precision" <> 'open'
            AND "occurred_from" IS NOT NULL AND "occurred_to" IS NOT NULL AND "occurred_from" <= "occurred_to")),
    ADD CONSTRAINT "status_update_occurred_by_confirmation" CHECK ("occurred_from" IS NULL OR "occurred_from" <= "confirmed_to");
ALTER TABLE "deadline_revision" ALTER COLUMN "version" SET NOT NULL;

ALTER TABLE "status_update" ADD CONSTRAINT "status_update_version_fkey" FOREIGN KEY ("version") REFERENCES "publication"("version") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "deadline_revision" ADD CONSTRAINT "deadline_revision_version_fkey" FOREIGN KEY ("version") REFERENCES "publication"("version") ON DELETE RESTRICT ON UPDATE RESTRICT;

CREATE INDEX "status_update_commitment_id_effective_on_id_idx" ON "status_update"("commitment_id", "effective_on", "id");
CREATE INDEX "status_update_effective_on_published_at_id_idx" ON "status_update"("effective_on", "published_at", "id");
CREATE INDEX "status_update_version_idx" ON "status_update"("version");
CREATE INDEX "deadline_revision_version_idx" ON "deadline_revision"("version");

-- The database stamps every history row with the version publishing it and that version's time,
-- whatever the inserting code says. A status update given only a day (confirmed_on) is confirmed
-- on that day.
CREATE FUNCTION "stamp_publication"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."version" := "current_publication"();
    SELECT p."published_at" INTO NEW."published_at" FROM "publication" p WHERE p."version" = NEW."version";
    IF TG_TABLE_NAME = 'status_update' THEN
        IF NEW."confirmed_to" IS NULL THEN
            NEW."confirmed_to" := NEW."confirmed_on";
            NEW."confirmed_precision" := 'day';
            NEW."confirmed_label" := to_char(NEW."confirmed_on", 'FMDD FMMonth YYYY');
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "status_update_stamp_publication" BEFORE INSERT ON "status_update"
    FOR EACH ROW EXECUTE FUNCTION "stamp_publication"();
CREATE TRIGGER "deadline_revision_stamp_publication" BEFORE INSERT ON "deadline_revision"
    FOR EACH ROW EXECUTE FUNCTION "stamp_publication"();

-- ---------------------------------------------------------------------------------------------
-- 3. Versioned commitment attributes

CREATE TABLE "commitment_revision" (
    "id" SERIAL NOT NULL,
    "commitment_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "area_id" INTEGER NOT NULL,
    "lead_organisation_id" INTEGER NOT NULL,
    "supporting_organisation_ids" INTEGER[] NOT NULL,
    "announced_on" DATE NOT NULL,
    "announced_in_id" INTEGER,
    "search" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
        setweight(to_tsvector('english', coalesce("summary", '')), 'B')
    ) STORED,
    CONSTRAINT "commitment_revision_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "commitment_revision_commitment_id_version_key" ON "commitment_revision"("commitment_id", "version");
CREATE INDEX "commitment_revision_version_idx" ON "commitment_revision"("version");
CREATE INDEX "commitment_revision_search_idx" ON "commitment_revision" USING GIN ("search");
ALTER TABLE "commitment_revision" ADD CONSTRAINT "commitment_revision_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "commitment_revision" ADD CONSTRAINT "commitment_revision_version_fkey" FOREIGN KEY ("version") REFERENCES "publication"("version") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "commitment_revision" ADD CONSTRAINT "commitment_revision_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "commitment_revision" ADD CONSTRAINT "commitment_revision_lead_organisation_id_fkey" FOREIGN KEY ("lead_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "commitment_revision" ADD CONSTRAINT "commitment_revision_announced_in_id_fkey" FOREIGN KEY ("announced_in_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TRIGGER "commitment_revision_append_only" BEFORE UPDATE OR DELETE ON "commitment_revision"
    FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "commitment_revision_no_truncate" BEFORE TRUNCATE ON "commitment_revision"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();

-- A commitment's public attributes as they are now, recorded at this transaction's version when
-- they differ from its latest revision.
CREATE FUNCTION "record_commitment_revision"(p_id INTEGER) RETURNS VOID LANGUAGE plpgsql VOLATILE AS $$
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
                                       "supporting_organisation_ids", "announced_on", "announced_in_id")
    SELECT c.id, "current_publication"(), c.slug, c.title, c.summary, c.area_id, c.lead_organisation_id, supporting, c.announced_on, c.announced_in_id
    FROM "commitment" c WHERE c.id = p_id;
END;
$$;

-- At commit, once every statement of the transaction has run: one revision with the final values.
CREATE FUNCTION "commitment_revision_at_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'commitment' THEN
        PERFORM "record_commitment_revision"(NEW."id");
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM "record_commitment_revision"(OLD."commitment_id");
    ELSE
        PERFORM "record_commitment_revision"(NEW."commitment_id");
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER "commitment_revision_on_commitment" AFTER INSERT OR UPDATE ON "commitment"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "commitment_revision_at_commit"();
CREATE CONSTRAINT TRIGGER "commitment_revision_on_owner" AFTER INSERT OR UPDATE OR DELETE ON "commitment_owner"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "commitment_revision_at_commit"();

INSERT INTO "commitment_revision" ("commitment_id", "version", "slug", "title", "summary", "area_id", "lead_organisation_id",
                                   "supporting_organisation_ids", "announced_on", "announced_in_id")
SELECT c.id, 1, c.slug, c.title, c.summary, c.area_id, c.lead_organisation_id,
       ARRAY(SELECT o.organisation_id FROM "commitment_owner" o WHERE o.commitment_id = c.id ORDER BY 1), c.announced_on, c.announced_in_id
FROM "commitment" c;

-- ---------------------------------------------------------------------------------------------
-- 4. Bitemporal state periods

DROP TRIGGER "status_update_refresh_state" ON "status_update";
DROP TRIGGER "deadline_revision_refresh_state" ON "deadline_revision";
DROP TRIGGER "commitment_insert_refresh_state" ON "commitment";
DROP TRIGGER "commitment_update_refresh_state" ON "commitment";
DROP FUNCTION "refresh_state_periods_after_insert"();
DROP FUNCTION "refresh_state_periods_after_commitment_change"();
DROP FUNCTION "refresh_commitment_state_periods"(INTEGER[]);
DROP FUNCTION "commitment_state_from_history"(DATE, INTEGER[]);
DROP TABLE "commitment_state_period";

CREATE TABLE "commitment_state_period" (
    "commitment_id" INTEGER NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE NOT NULL,
    "from_version" INTEGER NOT NULL,
    "to_version" INTEGER,
    "status" "StatusCode" NOT NULL,
    "status_update_id" INTEGER,
    "status_confirmed_on" DATE,
    "status_effective_on" DATE,
    "pending_update_id" INTEGER,
    "pending_closes" BOOLEAN NOT NULL,
    "deadline_id" INTEGER,
    "deadline_label" TEXT,
    "deadline_precision" "Precision",
    "due_date" DATE,
    "revisions_count" INTEGER NOT NULL,
    "delivery_update_id" INTEGER,
    "delivered_from" DATE,
    "delivered_to" DATE,
    "due_then" DATE,
    "missed" JSONB NOT NULL,
    "missed_count" INTEGER NOT NULL,
    "revision_id" INTEGER,
    CONSTRAINT "commitment_state_period_pkey" PRIMARY KEY ("commitment_id", "valid_from", "from_version")
);
ALTER TABLE "commitment_state_period" ADD CONSTRAINT "commitment_state_period_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "commitment_state_period_lookup_idx" ON "commitment_state_period" USING GIST (daterange("valid_from", "valid_to"), int4range("from_version", "to_version"));
-- /missed and missed=true read only the periods with a missed deadline.
CREATE INDEX "commitment_state_period_missed_idx" ON "commitment_state_period" USING GIST (daterange("valid_from", "valid_to"), int4range("from_version", "to_version")) WHERE "missed_count" > 0;

-- The state periods of the given commitments computed from all their history (the rules of
-- src/domain/history.ts): one row per day on which anything can change — the announcement, the
-- first and last day of each update's known window, each deadline's first day in effect and the
-- day after each due date. Version columns are left empty for the caller.
CREATE FUNCTION "commitment_state_rows"(p_ids INTEGER[]) RETURNS SETOF "commitment_state_period" LANGUAGE sql STABLE AS $$
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
       COALESCE(m.missed, '[]'::JSONB), COALESCE(m.n, 0), c.revision_id
FROM flags f
JOIN c ON c.id = f.cid
LEFT JOIN missed m ON m.cid = f.cid AND m.valid_from = f.valid_from
$$;

-- Brings the current rows (to_version IS NULL) of the given commitments up to date with their
-- history. Rows that still hold are kept; rows that changed are closed at this transaction's
-- version (or, if this transaction opened them, deleted: no reader ever saw them) and their
-- replacements opened at it. Nothing changed, nothing written, no version taken.
-- Hash joins for the comparisons: a nested loop over the fresh rows would be quadratic in a bulk
-- refresh (an import or the seed); the lateral lookups of commitment_state_rows still use indexes.
CREATE FUNCTION "refresh_commitment_state_periods"(p_ids INTEGER[]) RETURNS VOID LANGUAGE plpgsql VOLATILE
SET enable_nestloop = off AS $$
DECLARE
    fresh "commitment_state_period"[];
    v INTEGER;
BEGIN
    IF p_ids IS NULL OR cardinality(p_ids) = 0 THEN
        RETURN;
    END IF;
    -- One refresh at a time, with the publish lock, so each works from what the last one wrote.
    PERFORM pg_advisory_xact_lock(7270215002);
    SELECT COALESCE(array_agg(r), '{}') INTO fresh FROM "commitment_state_rows"(p_ids) r;
    IF NOT EXISTS (
        SELECT 1 FROM "commitment_state_period" c
        WHERE c.commitment_id = ANY(p_ids) AND c.to_version IS NULL
          AND NOT EXISTS (SELECT 1 FROM unnest(fresh) f WHERE f.commitment_id = c.commitment_id AND f.valid_from = c.valid_from AND "same_state"(f, c))
    ) AND NOT EXISTS (
        SELECT 1 FROM unnest(fresh) f
        WHERE NOT EXISTS (
            SELECT 1 FROM "commitment_state_period" c
            WHERE c.commitment_id = f.commitment_id AND c.valid_from = f.valid_from AND c.to_version IS NULL AND "same_state"(f, c))
    ) THEN
        RETURN;
    END IF;
    v := "current_publication"();
    DELETE FROM "commitment_state_period" c
    WHERE c.commitment_id = ANY(p_ids) AND c.to_version IS NULL AND c.from_version = v
      AND NOT EXISTS (SELECT 1 FROM unnest(fresh) f WHERE f.commitment_id = c.commitment_id AND f.valid_from = c.valid_from AND "same_state"(f, c));
    UPDATE "commitment_state_period" c SET to_version = v
    WHERE c.commitment_id = ANY(p_ids) AND c.to_version IS NULL AND c.from_version < v
      AND NOT EXISTS (SELECT 1 FROM unnest(fresh) f WHERE f.commitment_id = c.commitment_id AND f.valid_from = c.valid_from AND "same_state"(f, c));
    INSERT INTO "commitment_state_period"
    SELECT f.commitment_id, f.valid_from, f.valid_to, v, NULL, f.status, f.status_update_id, f.status_confirmed_on, f.status_effective_on,
           f.pending_update_id, f.pending_closes, f.deadline_id, f.deadline_label, f.deadline_precision, f.due_date, f.revisions_count,
           f.delivery_update_id, f.delivered_from, f.delivered_to, f.due_then, f.missed, f.missed_count, f.revision_id
    FROM unnest(fresh) f
    WHERE NOT EXISTS (
        SELECT 1 FROM "commitment_state_period" c
        WHERE c.commitment_id = f.commitment_id AND c.valid_from = f.valid_from AND c.to_version IS NULL AND "same_state"(f, c));
END;
$$;

-- Two period rows hold the same state for the same dates (their versions aside).
CREATE FUNCTION "same_state"(a "commitment_state_period", b "commitment_state_period") RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$
    SELECT (a.commitment_id, a.valid_from, a.valid_to, a.status, a.status_update_id, a.status_confirmed_on, a.status_effective_on,
            a.pending_update_id, a.pending_closes, a.deadline_id, a.deadline_label, a.deadline_precision, a.due_date, a.revisions_count,
            a.delivery_update_id, a.delivered_from, a.delivered_to, a.due_then, a.missed, a.missed_count, a.revision_id)
           IS NOT DISTINCT FROM
           (b.commitment_id, b.valid_from, b.valid_to, b.status, b.status_update_id, b.status_confirmed_on, b.status_effective_on,
            b.pending_update_id, b.pending_closes, b.deadline_id, b.deadline_label, b.deadline_precision, b.due_date, b.revisions_count,
            b.delivery_update_id, b.delivered_from, b.delivered_to, b.due_then, b.missed, b.missed_count, b.revision_id)
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
-- A new revision of a commitment's attributes: its current periods point at it from this version
-- on (nothing else about them changes, so they are copied, not recomputed).
CREATE FUNCTION "point_state_periods_at_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v INTEGER := "current_publication"();
BEGIN
    PERFORM pg_advisory_xact_lock(7270215002);
    -- Rows this transaction opened: no reader has seen them.
    UPDATE "commitment_state_period" p SET revision_id = n.id
    FROM new_rows n
    WHERE p.commitment_id = n.commitment_id AND p.to_version IS NULL AND p.from_version = v AND p.revision_id IS DISTINCT FROM n.id;
    -- Rows of earlier versions: closed at this one, and copied pointing at the new revision.
    WITH closed AS (
        UPDATE "commitment_state_period" p SET to_version = v
        FROM new_rows n
        WHERE p.commitment_id = n.commitment_id AND p.to_version IS NULL AND p.from_version < v AND p.revision_id IS DISTINCT FROM n.id
        RETURNING p.*, n.id AS new_revision_id
    )
    INSERT INTO "commitment_state_period"
    SELECT commitment_id, valid_from, valid_to, v, NULL, status, status_update_id, status_confirmed_on, status_effective_on, pending_update_id,
           pending_closes, deadline_id, deadline_label, deadline_precision, due_date, revisions_count, delivery_update_id, delivered_from,
           delivered_to, due_then, missed, missed_count, new_revision_id
    FROM closed;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "commitment_revision_refresh_state" AFTER INSERT ON "commitment_revision"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "point_state_periods_at_revision"();

-- Each commitment's state on a date, as the record stood at a version: one range lookup per
-- commitment. Overdue, days and lateness follow from the date (src/domain/history.ts, lateness.ts).
-- Missed deadlines still overdue carry no day count here; it is the days overdue on the date.
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
    "revision_id" INTEGER
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
           p.missed, p.missed_count, p.revision_id
    FROM "commitment_state_period" p
    WHERE daterange(p.valid_from, p.valid_to) @> p_as_of AND int4range(p.from_version, p.to_version) @> p_version
$$;

-- Same signature and results as before, at the latest version.
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
    SELECT s.commitment_id, s.status, s.status_confirmed_on, s.status_update_id, s.deadline_id, s.deadline_label, s.deadline_precision,
           s.due_date, s.revisions_count, s.overdue, s.days_overdue, s.days_until_due, s.delivered_late, s.days_late
    FROM "commitment_state_at"(p_as_of, "latest_publication"()) s
$$;

SELECT "refresh_commitment_state_periods"(ARRAY(SELECT id FROM "commitment"));
