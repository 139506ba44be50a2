-- CreateEnum
CREATE TYPE "BlueprintStatus" AS ENUM ('draft', 'generating', 'ready', 'deployed');

-- CreateEnum
CREATE TYPE "PageBlueprintStatus" AS ENUM ('planned', 'generated', 'failed');

-- CreateTable
CREATE TABLE "site_blueprints" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "BlueprintStatus" NOT NULL DEFAULT 'draft',
    "businessType" TEXT NOT NULL DEFAULT '',
    "audience" TEXT NOT NULL DEFAULT '',
    "brandPersonality" TEXT NOT NULL DEFAULT '',
    "heroImagery" TEXT NOT NULL DEFAULT '',
    "deployedSnapshot" JSONB,
    "deployedVersion" INTEGER,
    "lastDeployedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "site_blueprints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "page_blueprints" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "blueprintId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "type" TEXT NOT NULL DEFAULT 'custom',
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sections" JSONB NOT NULL DEFAULT '[]',
    "status" "PageBlueprintStatus" NOT NULL DEFAULT 'planned',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "showInNav" BOOLEAN NOT NULL DEFAULT true,
    "clusterId" INTEGER,
    "taskId" INTEGER,
    "error" TEXT,
    "generatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "page_blueprints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site_blueprint_clusters" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "blueprintId" INTEGER NOT NULL,
    "clusterId" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'hub',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_blueprint_clusters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site_blueprint_taxonomies" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "blueprintId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT 'manual',
    "externalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_blueprint_taxonomies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site_builder_options" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "site_builder_options_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site_assets" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'image',
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "bytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_assets_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "site_blueprints_accountId_siteId_sectorId_createdAt_idx" ON "site_blueprints"("accountId", "siteId", "sectorId", "createdAt");

-- CreateIndex
CREATE INDEX "page_blueprints_accountId_siteId_sectorId_idx" ON "page_blueprints"("accountId", "siteId", "sectorId");

-- CreateIndex
CREATE UNIQUE INDEX "page_blueprints_blueprintId_slug_key" ON "page_blueprints"("blueprintId", "slug");

-- CreateIndex
CREATE INDEX "site_blueprint_clusters_clusterId_idx" ON "site_blueprint_clusters"("clusterId");

-- CreateIndex
CREATE UNIQUE INDEX "site_blueprint_clusters_blueprintId_clusterId_key" ON "site_blueprint_clusters"("blueprintId", "clusterId");

-- CreateIndex
CREATE UNIQUE INDEX "site_blueprint_taxonomies_blueprintId_kind_slug_key" ON "site_blueprint_taxonomies"("blueprintId", "kind", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "site_builder_options_kind_slug_key" ON "site_builder_options"("kind", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "site_assets_storageKey_key" ON "site_assets"("storageKey");

-- CreateIndex
CREATE INDEX "site_assets_accountId_siteId_idx" ON "site_assets"("accountId", "siteId");

-- AddForeignKey
ALTER TABLE "site_blueprints" ADD CONSTRAINT "site_blueprints_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_blueprints" ADD CONSTRAINT "site_blueprints_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "sectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "page_blueprints" ADD CONSTRAINT "page_blueprints_blueprintId_fkey" FOREIGN KEY ("blueprintId") REFERENCES "site_blueprints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "page_blueprints" ADD CONSTRAINT "page_blueprints_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "page_blueprints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_blueprint_clusters" ADD CONSTRAINT "site_blueprint_clusters_blueprintId_fkey" FOREIGN KEY ("blueprintId") REFERENCES "site_blueprints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_blueprint_clusters" ADD CONSTRAINT "site_blueprint_clusters_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_blueprint_taxonomies" ADD CONSTRAINT "site_blueprint_taxonomies_blueprintId_fkey" FOREIGN KEY ("blueprintId") REFERENCES "site_blueprints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_assets" ADD CONSTRAINT "site_assets_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;
