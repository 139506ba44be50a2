-- CreateEnum
CREATE TYPE "TrashItemType" AS ENUM ('keyword', 'cluster', 'idea', 'task', 'content', 'image');

-- DropIndex
-- IF EXISTS: the planner list work may change this index in parallel (lib/trash/README.md).
DROP INDEX IF EXISTS "keywords_accountId_siteId_sectorId_idx";

-- AlterTable
ALTER TABLE "clusters" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "content" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "content_ideas" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "images" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "keywords" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "tasks" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "trash_entries" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "itemType" "TrashItemType" NOT NULL,
    "itemId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "deletedById" INTEGER,
    "deletedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trash_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site_content_types" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "defaultStructure" TEXT NOT NULL DEFAULT 'article',
    "defaultWordCount" INTEGER NOT NULL DEFAULT 1500,
    "destinations" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "site_content_types_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "trash_entries_accountId_siteId_deletedAt_idx" ON "trash_entries"("accountId", "siteId", "deletedAt");

-- CreateIndex
CREATE INDEX "trash_entries_deletedAt_idx" ON "trash_entries"("deletedAt");

-- CreateIndex
CREATE UNIQUE INDEX "trash_entries_itemType_itemId_key" ON "trash_entries"("itemType", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "site_content_types_siteId_type_key" ON "site_content_types"("siteId", "type");

-- CreateIndex
CREATE INDEX "keywords_accountId_siteId_sectorId_deletedAt_idx" ON "keywords"("accountId", "siteId", "sectorId", "deletedAt");

-- AddForeignKey
ALTER TABLE "trash_entries" ADD CONSTRAINT "trash_entries_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trash_entries" ADD CONSTRAINT "trash_entries_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "sectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_content_types" ADD CONSTRAINT "site_content_types_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;
