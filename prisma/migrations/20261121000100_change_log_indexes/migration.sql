-- The public change log, the API's /changes and the feed read history newest first across all
-- commitments; these indexes let each page be read from the top without sorting everything.
CREATE INDEX "status_update_confirmed_on_published_at_id_idx" ON "status_update"("confirmed_on", "published_at", "id");
CREATE INDEX "deadline_revision_effective_on_published_at_id_idx" ON "deadline_revision"("effective_on", "published_at", "id");
