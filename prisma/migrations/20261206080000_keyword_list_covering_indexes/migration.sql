-- The keyword list at one-site scale (a million keywords): the site's ordering indexes carry the
-- columns the list filters on (tenant, trash, sector, volume, difficulty, intent, status), so a page
-- and its filters are read from the index alone (index-only scans, no heap visit per skipped row);
-- only the page's own rows are then read from the table. Names and key columns are the schema's
-- (Prisma cannot express INCLUDE, so this file is written by hand).

DROP INDEX IF EXISTS "keywords_siteId_createdAt_id_idx";
CREATE INDEX "keywords_siteId_createdAt_id_idx" ON "keywords"("siteId", "createdAt", "id")
  INCLUDE ("accountId", "deletedAt", "sectorId", "volume", "difficulty", "intent", "status");

DROP INDEX IF EXISTS "keywords_siteId_volume_id_idx";
CREATE INDEX "keywords_siteId_volume_id_idx" ON "keywords"("siteId", "volume" ASC NULLS FIRST, "id")
  INCLUDE ("accountId", "deletedAt", "sectorId", "difficulty", "intent", "status");

DROP INDEX IF EXISTS "keywords_siteId_difficulty_id_idx";
CREATE INDEX "keywords_siteId_difficulty_id_idx" ON "keywords"("siteId", "difficulty" ASC NULLS FIRST, "id")
  INCLUDE ("accountId", "deletedAt", "sectorId", "volume", "intent", "status");
