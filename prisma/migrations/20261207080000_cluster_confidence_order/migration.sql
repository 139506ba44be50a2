-- The clusters list by confidence, loosest first (the clusters to check): read in index order like the
-- list's other orderings (20261206170000_list_orderings). NULLs (clusters made by hand) sort last.
CREATE INDEX "clusters_siteId_confidence_id_idx" ON "clusters"("siteId", "confidence", "id");
