-- The cluster, idea, task and content lists of a big site ordered by each of their keyset orderings
-- (lib/http/keyset.ts): without these, a page of a site with 100,000+ rows read and sorted the whole
-- site (about 100 ms a page); with them a page is read in index order. A sector's list walks the same
-- index and filters, as a site has at most five sectors. (Written by hand: see
-- 20261206124000_keyword_list_name_order.)

CREATE INDEX "clusters_siteId_name_id_idx" ON "clusters"("siteId", "name", "id");
CREATE INDEX "clusters_siteId_volume_id_idx" ON "clusters"("siteId", "volume", "id");
CREATE INDEX "clusters_siteId_keywordsCount_id_idx" ON "clusters"("siteId", "keywordsCount", "id");
CREATE INDEX "clusters_siteId_createdAt_id_idx" ON "clusters"("siteId", "createdAt", "id");

CREATE INDEX "content_ideas_siteId_title_id_idx" ON "content_ideas"("siteId", "title", "id");
CREATE INDEX "content_ideas_siteId_createdAt_id_idx" ON "content_ideas"("siteId", "createdAt", "id");
CREATE INDEX "content_ideas_siteId_estimatedWordCount_id_idx" ON "content_ideas"("siteId", "estimatedWordCount", "id");

CREATE INDEX "tasks_siteId_title_id_idx" ON "tasks"("siteId", "title", "id");
CREATE INDEX "tasks_siteId_createdAt_id_idx" ON "tasks"("siteId", "createdAt", "id");

CREATE INDEX "content_siteId_title_id_idx" ON "content"("siteId", "title", "id");
CREATE INDEX "content_siteId_createdAt_id_idx" ON "content"("siteId", "createdAt", "id");
CREATE INDEX "content_siteId_updatedAt_id_idx" ON "content"("siteId", "updatedAt", "id");
-- Newest published first, drafts (no date) last: the order the list asks for with -published_at.
CREATE INDEX "content_siteId_publishedAt_id_idx" ON "content"("siteId", "publishedAt" DESC NULLS LAST, "id" DESC);
CREATE INDEX "content_siteId_wordCount_id_idx" ON "content"("siteId", "wordCount", "id");

-- List counts above 2,000 rows are the planner's estimate (lib/http/list-estimate.ts). A site
-- belongs to one account and a sector to one site; without these statistics the planner multiplies
-- the selectivities of "accountId", "siteId" and "sectorId" as if independent and estimates a
-- fraction of the real rows whenever several accounts share the table.
CREATE STATISTICS "keywords_placement_stats" (dependencies) ON "accountId", "siteId", "sectorId" FROM "keywords";
CREATE STATISTICS "clusters_placement_stats" (dependencies) ON "accountId", "siteId", "sectorId" FROM "clusters";
CREATE STATISTICS "content_ideas_placement_stats" (dependencies) ON "accountId", "siteId", "sectorId" FROM "content_ideas";
CREATE STATISTICS "tasks_placement_stats" (dependencies) ON "accountId", "siteId", "sectorId" FROM "tasks";
CREATE STATISTICS "content_placement_stats" (dependencies) ON "accountId", "siteId", "sectorId" FROM "content";

-- Substring search of these lists (ILIKE '%term%'): trigram indexes, so a rare term is found without
-- reading the site, and the capped count of a search (lib/http/list-count.ts) stays cheap.
CREATE INDEX "clusters_name_trgm_idx" ON "clusters" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "content_ideas_title_trgm_idx" ON "content_ideas" USING GIN ("title" gin_trgm_ops);
CREATE INDEX "content_ideas_targetKeywords_trgm_idx" ON "content_ideas" USING GIN ("targetKeywords" gin_trgm_ops);
CREATE INDEX "tasks_title_trgm_idx" ON "tasks" USING GIN ("title" gin_trgm_ops);
CREATE INDEX "tasks_keywords_trgm_idx" ON "tasks" USING GIN ("keywords" gin_trgm_ops);
CREATE INDEX "content_title_trgm_idx" ON "content" USING GIN ("title" gin_trgm_ops);
CREATE INDEX "content_primaryKeyword_trgm_idx" ON "content" USING GIN ("primaryKeyword" gin_trgm_ops);
