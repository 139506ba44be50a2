-- DropIndex
DROP INDEX "sites_accountId_slug_key";

-- DropIndex
DROP INDEX "sites_slug_isActive_idx";

-- CreateIndex
CREATE INDEX "sites_accountId_idx" ON "sites"("accountId");

-- Slugs become hosted sites' public addresses: the oldest site keeps a shared slug, later ones get their id appended.
UPDATE "sites" s SET "slug" = left(s."slug", 48) || '-' || s."id"
WHERE EXISTS (SELECT 1 FROM "sites" o WHERE o."slug" = s."slug" AND o."id" < s."id");

-- CreateIndex
CREATE UNIQUE INDEX "sites_slug_key" ON "sites"("slug");
