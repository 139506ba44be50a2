-- CreateEnum
CREATE TYPE "ContentLinkStatus" AS ENUM ('applied', 'removed');

-- CreateEnum
CREATE TYPE "OptimizationStatus" AS ENUM ('proposed', 'applied', 'dismissed');

-- CreateTable
CREATE TABLE "content_links" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "sourceContentId" INTEGER NOT NULL,
    "targetContentId" INTEGER,
    "anchorText" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "occurrence" INTEGER NOT NULL DEFAULT 0,
    "score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL DEFAULT '',
    "origin" TEXT NOT NULL DEFAULT 'outgoing',
    "status" "ContentLinkStatus" NOT NULL DEFAULT 'applied',
    "runId" UUID,
    "createdById" INTEGER,
    "removedById" INTEGER,
    "removedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "content_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "content_optimizations" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "contentId" INTEGER NOT NULL,
    "contentVersion" INTEGER NOT NULL,
    "status" "OptimizationStatus" NOT NULL DEFAULT 'proposed',
    "scoreBefore" INTEGER NOT NULL,
    "projectedScore" INTEGER NOT NULL,
    "scoreAfter" INTEGER,
    "checks" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "edits" JSONB NOT NULL DEFAULT '[]',
    "appliedEditIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "runId" UUID,
    "createdById" INTEGER,
    "appliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "content_optimizations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "content_links_accountId_siteId_targetContentId_status_idx" ON "content_links"("accountId", "siteId", "targetContentId", "status");

-- CreateIndex
CREATE INDEX "content_links_runId_idx" ON "content_links"("runId");

-- CreateIndex
CREATE UNIQUE INDEX "content_links_sourceContentId_linkId_key" ON "content_links"("sourceContentId", "linkId");

-- CreateIndex
CREATE INDEX "content_optimizations_accountId_siteId_contentId_createdAt_idx" ON "content_optimizations"("accountId", "siteId", "contentId", "createdAt");

-- CreateIndex
CREATE INDEX "content_optimizations_runId_idx" ON "content_optimizations"("runId");

-- AddForeignKey
ALTER TABLE "content_links" ADD CONSTRAINT "content_links_sourceContentId_fkey" FOREIGN KEY ("sourceContentId") REFERENCES "content"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_links" ADD CONSTRAINT "content_links_targetContentId_fkey" FOREIGN KEY ("targetContentId") REFERENCES "content"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_optimizations" ADD CONSTRAINT "content_optimizations_contentId_fkey" FOREIGN KEY ("contentId") REFERENCES "content"("id") ON DELETE CASCADE ON UPDATE CASCADE;
