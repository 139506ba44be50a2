-- CreateEnum
CREATE TYPE "IntegrationPlatform" AS ENUM ('wordpress', 'shopify', 'custom');

-- CreateEnum
CREATE TYPE "SyncStatus" AS ENUM ('never', 'syncing', 'success', 'failed');

-- CreateEnum
CREATE TYPE "PublishingStatus" AS ENUM ('pending', 'scheduled', 'publishing', 'published', 'failed', 'unpublished');

-- CreateEnum
CREATE TYPE "DeploymentStatus" AS ENUM ('pending', 'deployed', 'failed');

-- CreateEnum
CREATE TYPE "SitePageTemplate" AS ENUM ('default', 'wide', 'landing');

-- CreateTable
CREATE TABLE "site_integrations" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "platform" "IntegrationPlatform" NOT NULL,
    "platformType" TEXT NOT NULL DEFAULT 'cms',
    "name" TEXT NOT NULL DEFAULT '',
    "config" JSONB NOT NULL DEFAULT '{}',
    "credentials" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "syncEnabled" BOOLEAN NOT NULL DEFAULT false,
    "lastSyncAt" TIMESTAMP(3),
    "syncStatus" "SyncStatus" NOT NULL DEFAULT 'never',
    "syncError" TEXT,
    "syncStats" JSONB NOT NULL DEFAULT '{}',
    "lastTestAt" TIMESTAMP(3),
    "lastTestOk" BOOLEAN,
    "lastTest" JSONB,
    "bridgeSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "site_integrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "publishing_records" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "contentId" INTEGER NOT NULL,
    "destination" TEXT NOT NULL,
    "integrationId" INTEGER,
    "destinationKey" TEXT NOT NULL,
    "status" "PublishingStatus" NOT NULL DEFAULT 'pending',
    "remoteStatus" TEXT NOT NULL DEFAULT 'publish',
    "scheduledAt" TIMESTAMP(3),
    "remoteId" TEXT,
    "remoteUrl" TEXT,
    "remoteModifiedAt" TIMESTAMP(3),
    "remoteChangedAt" TIMESTAMP(3),
    "media" JSONB NOT NULL DEFAULT '{}',
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runId" TEXT,
    "lastAttemptAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "unpublishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "publishing_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hosted_posts" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "contentId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "excerpt" TEXT NOT NULL DEFAULT '',
    "metaTitle" TEXT NOT NULL DEFAULT '',
    "metaDescription" TEXT NOT NULL DEFAULT '',
    "featuredImage" JSONB,
    "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "author" TEXT NOT NULL DEFAULT '',
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hosted_posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site_pages" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "html" TEXT NOT NULL DEFAULT '',
    "template" "SitePageTemplate" NOT NULL DEFAULT 'default',
    "metaDescription" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "isPublished" BOOLEAN NOT NULL DEFAULT true,
    "showInNav" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "site_pages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deployment_records" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "DeploymentStatus" NOT NULL DEFAULT 'pending',
    "readiness" JSONB NOT NULL DEFAULT '[]',
    "pages" INTEGER NOT NULL DEFAULT 0,
    "posts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "deployedBy" INTEGER,
    "deployedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deployment_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "publishing_settings" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "defaultDestinations" TEXT[] DEFAULT ARRAY['hosted']::TEXT[],
    "defaultStatus" TEXT NOT NULL DEFAULT 'publish',
    "categoryMapping" JSONB NOT NULL DEFAULT '{}',
    "defaultCategory" TEXT NOT NULL DEFAULT '',
    "autoPublishOn" TEXT NOT NULL DEFAULT 'none',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "publishing_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "remote_items" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "integrationId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "remoteId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "slug" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT '',
    "modifiedAt" TIMESTAMP(3),
    "contentId" INTEGER,
    "data" JSONB NOT NULL DEFAULT '{}',
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "remote_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "site_integrations_accountId_siteId_idx" ON "site_integrations"("accountId", "siteId");

-- CreateIndex
CREATE INDEX "publishing_records_accountId_siteId_status_idx" ON "publishing_records"("accountId", "siteId", "status");

-- CreateIndex
CREATE INDEX "publishing_records_status_scheduledAt_idx" ON "publishing_records"("status", "scheduledAt");

-- CreateIndex
CREATE UNIQUE INDEX "publishing_records_contentId_destinationKey_key" ON "publishing_records"("contentId", "destinationKey");

-- CreateIndex
CREATE UNIQUE INDEX "hosted_posts_contentId_key" ON "hosted_posts"("contentId");

-- CreateIndex
CREATE INDEX "hosted_posts_siteId_publishedAt_idx" ON "hosted_posts"("siteId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "hosted_posts_siteId_slug_key" ON "hosted_posts"("siteId", "slug");

-- CreateIndex
CREATE INDEX "site_pages_siteId_sortOrder_idx" ON "site_pages"("siteId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "site_pages_siteId_slug_key" ON "site_pages"("siteId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "deployment_records_siteId_version_key" ON "deployment_records"("siteId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "publishing_settings_siteId_key" ON "publishing_settings"("siteId");

-- CreateIndex
CREATE INDEX "remote_items_accountId_siteId_kind_idx" ON "remote_items"("accountId", "siteId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "remote_items_integrationId_kind_remoteId_key" ON "remote_items"("integrationId", "kind", "remoteId");

-- AddForeignKey
ALTER TABLE "site_integrations" ADD CONSTRAINT "site_integrations_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publishing_records" ADD CONSTRAINT "publishing_records_contentId_fkey" FOREIGN KEY ("contentId") REFERENCES "content"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publishing_records" ADD CONSTRAINT "publishing_records_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "site_integrations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publishing_records" ADD CONSTRAINT "publishing_records_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hosted_posts" ADD CONSTRAINT "hosted_posts_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hosted_posts" ADD CONSTRAINT "hosted_posts_contentId_fkey" FOREIGN KEY ("contentId") REFERENCES "content"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_pages" ADD CONSTRAINT "site_pages_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployment_records" ADD CONSTRAINT "deployment_records_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publishing_settings" ADD CONSTRAINT "publishing_settings_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "remote_items" ADD CONSTRAINT "remote_items_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "site_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "remote_items" ADD CONSTRAINT "remote_items_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;
