-- Trigram index support for keyword search
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "KeywordStatus" AS ENUM ('pending', 'active', 'archived');

-- CreateEnum
CREATE TYPE "KeywordSource" AS ENUM ('manual', 'csv_import', 'seed', 'api');

-- CreateEnum
CREATE TYPE "ClusterStatus" AS ENUM ('active', 'archived');

-- CreateEnum
CREATE TYPE "ClusterSource" AS ENUM ('manual', 'local', 'ai');

-- CreateEnum
CREATE TYPE "IdeaStatus" AS ENUM ('new', 'queued', 'completed', 'archived');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('queued', 'in_progress', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "ContentStatus" AS ENUM ('draft', 'review', 'published');

-- CreateEnum
CREATE TYPE "ImageType" AS ENUM ('featured', 'in_article', 'desktop', 'mobile');

-- CreateEnum
CREATE TYPE "ImageStatus" AS ENUM ('pending', 'generating', 'generated', 'failed');

-- CreateTable
CREATE TABLE "keywords" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "keyword" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "volume" INTEGER,
    "difficulty" INTEGER,
    "intent" "KeywordIntent",
    "cpc" DECIMAL(10,2),
    "status" "KeywordStatus" NOT NULL DEFAULT 'pending',
    "source" "KeywordSource" NOT NULL DEFAULT 'manual',
    "seedKeywordId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "keywords_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clusters" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "ClusterStatus" NOT NULL DEFAULT 'active',
    "source" "ClusterSource" NOT NULL DEFAULT 'manual',
    "confidence" DOUBLE PRECISION,
    "keywordsCount" INTEGER NOT NULL DEFAULT 0,
    "volume" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "clusters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "keyword_clusters" (
    "keywordId" INTEGER NOT NULL,
    "clusterId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "keyword_clusters_pkey" PRIMARY KEY ("keywordId","clusterId")
);

-- CreateTable
CREATE TABLE "content_ideas" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "contentType" TEXT NOT NULL DEFAULT 'post',
    "contentStructure" TEXT NOT NULL DEFAULT 'article',
    "targetKeywords" TEXT NOT NULL DEFAULT '',
    "clusterId" INTEGER,
    "estimatedWordCount" INTEGER NOT NULL DEFAULT 1500,
    "status" "IdeaStatus" NOT NULL DEFAULT 'new',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "content_ideas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "author_profiles" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "tone" TEXT NOT NULL DEFAULT 'professional',
    "language" TEXT NOT NULL DEFAULT 'en',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "author_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "strategies" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "sectorId" INTEGER,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "promptTypes" JSONB NOT NULL DEFAULT '{}',
    "sectionLogic" JSONB NOT NULL DEFAULT '{}',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "strategies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "clusterId" INTEGER,
    "ideaId" INTEGER,
    "keywords" TEXT NOT NULL DEFAULT '',
    "contentType" TEXT NOT NULL DEFAULT 'post',
    "contentStructure" TEXT NOT NULL DEFAULT 'article',
    "targetWordCount" INTEGER NOT NULL DEFAULT 1500,
    "authorProfileId" INTEGER,
    "strategyId" INTEGER,
    "status" "TaskStatus" NOT NULL DEFAULT 'queued',
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "content" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "taskId" INTEGER,
    "title" TEXT NOT NULL,
    "html" TEXT NOT NULL DEFAULT '',
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "status" "ContentStatus" NOT NULL DEFAULT 'draft',
    "metaTitle" TEXT NOT NULL DEFAULT '',
    "metaDescription" TEXT NOT NULL DEFAULT '',
    "primaryKeyword" TEXT NOT NULL DEFAULT '',
    "secondaryKeywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "slug" TEXT NOT NULL DEFAULT '',
    "externalIds" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "content_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "images" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "taskId" INTEGER,
    "contentId" INTEGER,
    "type" "ImageType" NOT NULL DEFAULT 'featured',
    "prompt" TEXT NOT NULL DEFAULT '',
    "storageKey" TEXT,
    "mimeType" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "bytes" INTEGER,
    "altText" TEXT NOT NULL DEFAULT '',
    "caption" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "status" "ImageStatus" NOT NULL DEFAULT 'pending',
    "error" TEXT,
    "provider" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "images_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "content_cluster_map" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "contentId" INTEGER NOT NULL,
    "clusterId" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'primary',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "content_cluster_map_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "content_taxonomy_map" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "contentId" INTEGER NOT NULL,
    "taxonomyType" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "content_taxonomy_map_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "content_attribute_map" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "contentId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "content_attribute_map_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "keywords_accountId_siteId_sectorId_createdAt_idx" ON "keywords"("accountId", "siteId", "sectorId", "createdAt");

-- CreateIndex
CREATE INDEX "keywords_accountId_siteId_sectorId_volume_idx" ON "keywords"("accountId", "siteId", "sectorId", "volume");

-- CreateIndex
CREATE INDEX "keywords_accountId_siteId_sectorId_difficulty_idx" ON "keywords"("accountId", "siteId", "sectorId", "difficulty");

-- CreateIndex
CREATE INDEX "keywords_normalized_trgm_idx" ON "keywords" USING GIN ("normalized" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "keywords_siteId_sectorId_normalized_key" ON "keywords"("siteId", "sectorId", "normalized");

-- CreateIndex
CREATE INDEX "clusters_accountId_siteId_sectorId_volume_idx" ON "clusters"("accountId", "siteId", "sectorId", "volume");

-- CreateIndex
CREATE INDEX "clusters_accountId_siteId_sectorId_name_idx" ON "clusters"("accountId", "siteId", "sectorId", "name");

-- CreateIndex
CREATE INDEX "keyword_clusters_clusterId_idx" ON "keyword_clusters"("clusterId");

-- CreateIndex
CREATE INDEX "keyword_clusters_accountId_idx" ON "keyword_clusters"("accountId");

-- CreateIndex
CREATE INDEX "content_ideas_accountId_siteId_sectorId_status_idx" ON "content_ideas"("accountId", "siteId", "sectorId", "status");

-- CreateIndex
CREATE INDEX "content_ideas_clusterId_idx" ON "content_ideas"("clusterId");

-- CreateIndex
CREATE INDEX "author_profiles_accountId_idx" ON "author_profiles"("accountId");

-- CreateIndex
CREATE INDEX "strategies_accountId_sectorId_idx" ON "strategies"("accountId", "sectorId");

-- CreateIndex
CREATE UNIQUE INDEX "tasks_ideaId_key" ON "tasks"("ideaId");

-- CreateIndex
CREATE INDEX "tasks_accountId_siteId_sectorId_status_idx" ON "tasks"("accountId", "siteId", "sectorId", "status");

-- CreateIndex
CREATE INDEX "tasks_accountId_siteId_sectorId_createdAt_idx" ON "tasks"("accountId", "siteId", "sectorId", "createdAt");

-- CreateIndex
CREATE INDEX "tasks_clusterId_idx" ON "tasks"("clusterId");

-- CreateIndex
CREATE UNIQUE INDEX "content_taskId_key" ON "content"("taskId");

-- CreateIndex
CREATE INDEX "content_accountId_siteId_sectorId_status_updatedAt_idx" ON "content"("accountId", "siteId", "sectorId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "content_accountId_siteId_sectorId_createdAt_idx" ON "content"("accountId", "siteId", "sectorId", "createdAt");

-- CreateIndex
CREATE INDEX "images_accountId_siteId_sectorId_status_idx" ON "images"("accountId", "siteId", "sectorId", "status");

-- CreateIndex
CREATE INDEX "images_contentId_idx" ON "images"("contentId");

-- CreateIndex
CREATE INDEX "images_taskId_idx" ON "images"("taskId");

-- CreateIndex
CREATE INDEX "content_cluster_map_clusterId_idx" ON "content_cluster_map"("clusterId");

-- CreateIndex
CREATE UNIQUE INDEX "content_cluster_map_contentId_clusterId_key" ON "content_cluster_map"("contentId", "clusterId");

-- CreateIndex
CREATE UNIQUE INDEX "content_taxonomy_map_contentId_taxonomyType_slug_key" ON "content_taxonomy_map"("contentId", "taxonomyType", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "content_attribute_map_contentId_name_key" ON "content_attribute_map"("contentId", "name");

-- AddForeignKey
ALTER TABLE "keywords" ADD CONSTRAINT "keywords_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "keywords" ADD CONSTRAINT "keywords_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "sectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "sectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "keyword_clusters" ADD CONSTRAINT "keyword_clusters_keywordId_fkey" FOREIGN KEY ("keywordId") REFERENCES "keywords"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "keyword_clusters" ADD CONSTRAINT "keyword_clusters_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "keyword_clusters" ADD CONSTRAINT "keyword_clusters_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_ideas" ADD CONSTRAINT "content_ideas_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "clusters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_ideas" ADD CONSTRAINT "content_ideas_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_ideas" ADD CONSTRAINT "content_ideas_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "sectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "author_profiles" ADD CONSTRAINT "author_profiles_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "sectors"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "content_ideas"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_authorProfileId_fkey" FOREIGN KEY ("authorProfileId") REFERENCES "author_profiles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "strategies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "sectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content" ADD CONSTRAINT "content_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "tasks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content" ADD CONSTRAINT "content_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content" ADD CONSTRAINT "content_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "sectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "images" ADD CONSTRAINT "images_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "tasks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "images" ADD CONSTRAINT "images_contentId_fkey" FOREIGN KEY ("contentId") REFERENCES "content"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "images" ADD CONSTRAINT "images_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "images" ADD CONSTRAINT "images_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "sectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_cluster_map" ADD CONSTRAINT "content_cluster_map_contentId_fkey" FOREIGN KEY ("contentId") REFERENCES "content"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_cluster_map" ADD CONSTRAINT "content_cluster_map_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_cluster_map" ADD CONSTRAINT "content_cluster_map_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "sectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_taxonomy_map" ADD CONSTRAINT "content_taxonomy_map_contentId_fkey" FOREIGN KEY ("contentId") REFERENCES "content"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_taxonomy_map" ADD CONSTRAINT "content_taxonomy_map_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_taxonomy_map" ADD CONSTRAINT "content_taxonomy_map_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "sectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_attribute_map" ADD CONSTRAINT "content_attribute_map_contentId_fkey" FOREIGN KEY ("contentId") REFERENCES "content"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_attribute_map" ADD CONSTRAINT "content_attribute_map_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_attribute_map" ADD CONSTRAINT "content_attribute_map_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "sectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;
