-- CreateTable
CREATE TABLE "request_metrics" (
    "id" BIGSERIAL NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'api',
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "durationMs" DOUBLE PRECISION NOT NULL,
    "cpuUserMs" DOUBLE PRECISION NOT NULL,
    "cpuSystemMs" DOUBLE PRECISION NOT NULL,
    "rssMb" DOUBLE PRECISION NOT NULL,
    "heapUsedMb" DOUBLE PRECISION NOT NULL,
    "accountId" INTEGER,
    "userId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_metrics_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "request_metrics_createdAt_idx" ON "request_metrics"("createdAt");

-- CreateIndex
CREATE INDEX "request_metrics_path_createdAt_idx" ON "request_metrics"("path", "createdAt");
