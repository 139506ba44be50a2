-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "integrationId" INTEGER NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "contentId" INTEGER,
    "ok" BOOLEAN NOT NULL,
    "statusCode" INTEGER,
    "durationMs" INTEGER NOT NULL,
    "error" TEXT,
    "requestExcerpt" TEXT NOT NULL DEFAULT '',
    "responseExcerpt" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_deliveries_integrationId_createdAt_idx" ON "webhook_deliveries"("integrationId", "createdAt");

-- CreateIndex
CREATE INDEX "webhook_deliveries_accountId_siteId_idx" ON "webhook_deliveries"("accountId", "siteId");

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "site_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
