-- The overview's "last confirmed" label (issue 18; docs/decisions/0014-flat-query-cost.md): the
-- status update confirmed last among those in effect on a date at a version. It sorted every
-- update in effect (2.9 s at 100,000 commitments); it now walks the updates latest confirmed first
-- and stops at the first one a state period on that date names.
CREATE INDEX "status_update_confirmed_order_idx" ON "status_update" ("confirmed_to" DESC, "confirmed_on" DESC, "id" DESC);
CREATE INDEX "commitment_state_period_status_update_id_idx" ON "commitment_state_period" ("status_update_id");
