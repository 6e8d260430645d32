-- A publish costs the same at 100,000 commitments as at 1,000 (issue 18; docs/decisions/0014-flat-query-cost.md).
--
-- refresh_commitment_state_periods() ran with enable_nestloop = off, so that a bulk refresh (an
-- import, the seed) compares its fresh rows with the current ones by hash joins rather than a
-- nested loop over an unindexed array, which would be quadratic. For the usual publish (one
-- commitment) the hash joins read the whole period table: 1.25 s at 100,000 commitments, 47 ms
-- with nested loops along the primary key. The triggers now choose by the number of commitments
-- refreshed, and the function plans each statement afresh (force_custom_plan), so a plan made for
-- one setting is never reused under the other.
ALTER FUNCTION "refresh_commitment_state_periods"(INTEGER[]) RESET enable_nestloop;
ALTER FUNCTION "refresh_commitment_state_periods"(INTEGER[]) SET plan_cache_mode = force_custom_plan;

CREATE FUNCTION "refresh_commitment_state_periods_sized"(p_ids INTEGER[]) RETURNS VOID LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    was TEXT := current_setting('enable_nestloop');
BEGIN
    IF cardinality(p_ids) > 5 THEN
        PERFORM set_config('enable_nestloop', 'off', true);
    END IF;
    PERFORM "refresh_commitment_state_periods"(p_ids);
    PERFORM set_config('enable_nestloop', was, true);
END;
$$;

CREATE OR REPLACE FUNCTION "refresh_state_periods_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_commitment_state_periods_sized"(ARRAY(SELECT DISTINCT n.commitment_id FROM new_rows n));
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "refresh_state_periods_after_commitment_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_commitment_state_periods_sized"(ARRAY(SELECT n.id FROM new_rows n));
    RETURN NULL;
END;
$$;
