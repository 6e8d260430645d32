-- One commitment by its address (issue 18; docs/decisions/0014-flat-query-cost.md). A commitment
-- page, its history and its API record find the commitment by slug in the revisions on the record
-- (summarySource, commitmentsAt), which had no index on slug: each read scanned every revision
-- (about 185 ms for the summary and 400 ms for the history at 100,000 commitments). A slug can
-- change between revisions, so it is the revisions' slug that is indexed.
CREATE INDEX "commitment_revision_slug_idx" ON "commitment_revision" ("slug");
