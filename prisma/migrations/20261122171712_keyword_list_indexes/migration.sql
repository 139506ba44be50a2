-- DropIndex
DROP INDEX "keywords_accountId_siteId_sectorId_createdAt_idx";

-- DropIndex
DROP INDEX "keywords_accountId_siteId_sectorId_difficulty_idx";

-- DropIndex
DROP INDEX "keywords_accountId_siteId_sectorId_volume_idx";

-- CreateIndex
CREATE INDEX "keywords_accountId_siteId_sectorId_idx" ON "keywords"("accountId", "siteId", "sectorId");

-- CreateIndex
CREATE INDEX "keywords_siteId_createdAt_idx" ON "keywords"("siteId", "createdAt");

-- CreateIndex
CREATE INDEX "keywords_siteId_volume_idx" ON "keywords"("siteId", "volume");

-- CreateIndex
CREATE INDEX "keywords_siteId_difficulty_idx" ON "keywords"("siteId", "difficulty");

-- CreateIndex
CREATE INDEX "keywords_sectorId_createdAt_idx" ON "keywords"("sectorId", "createdAt");

-- CreateIndex
CREATE INDEX "keywords_sectorId_volume_idx" ON "keywords"("sectorId", "volume");

-- CreateIndex
CREATE INDEX "keywords_sectorId_difficulty_idx" ON "keywords"("sectorId", "difficulty");
