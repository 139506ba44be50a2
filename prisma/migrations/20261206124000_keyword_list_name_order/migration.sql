-- Sorting the keyword list by name on a site (or sector) with a million keywords: the list orders by
-- (keyword, id) (lib/planner/keyword-list.ts), which no index matched, so every page sorted the whole
-- site. Like the other ordering indexes, these carry the columns the list filters on, so a page and its
-- filters are read from the index alone (Prisma cannot express INCLUDE, so this file is written by hand).

CREATE INDEX "keywords_siteId_keyword_id_idx" ON "keywords"("siteId", "keyword", "id")
  INCLUDE ("accountId", "deletedAt", "sectorId", "volume", "difficulty", "intent", "status");

CREATE INDEX "keywords_sectorId_keyword_id_idx" ON "keywords"("sectorId", "keyword", "id");
