-- CreateEnum
CREATE TYPE "GenerationKind" AS ENUM ('words', 'images');

-- CreateTable
CREATE TABLE "generation_usage" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "kind" "GenerationKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "contentId" INTEGER,
    "imageId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "generation_usage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "generation_usage_accountId_kind_createdAt_idx" ON "generation_usage"("accountId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "content_siteId_slug_idx" ON "content"("siteId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "images_storageKey_key" ON "images"("storageKey");

-- AddForeignKey
ALTER TABLE "generation_usage" ADD CONSTRAINT "generation_usage_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
