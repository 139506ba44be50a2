-- List views sort by (column, id). Unknown volume/difficulty sorts as the lowest value (ASC NULLS
-- FIRST, DESC NULLS LAST) so one index serves both directions; Prisma cannot express NULLS FIRST,
-- so this file was edited by hand after generation (names and columns are the schema's).

-- DropIndex
DROP INDEX "keywords_sectorId_createdAt_idx";

-- DropIndex
DROP INDEX "keywords_sectorId_difficulty_idx";

-- DropIndex
DROP INDEX "keywords_sectorId_volume_idx";

-- DropIndex
DROP INDEX "keywords_siteId_createdAt_idx";

-- DropIndex
DROP INDEX "keywords_siteId_difficulty_idx";

-- DropIndex
DROP INDEX "keywords_siteId_volume_idx";

-- CreateIndex
CREATE INDEX "keywords_siteId_createdAt_id_idx" ON "keywords"("siteId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "keywords_siteId_volume_id_idx" ON "keywords"("siteId", "volume" ASC NULLS FIRST, "id");

-- CreateIndex
CREATE INDEX "keywords_siteId_difficulty_id_idx" ON "keywords"("siteId", "difficulty" ASC NULLS FIRST, "id");

-- CreateIndex
CREATE INDEX "keywords_sectorId_createdAt_id_idx" ON "keywords"("sectorId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "keywords_sectorId_volume_id_idx" ON "keywords"("sectorId", "volume" ASC NULLS FIRST, "id");

-- CreateIndex
CREATE INDEX "keywords_sectorId_difficulty_id_idx" ON "keywords"("sectorId", "difficulty" ASC NULLS FIRST, "id");
