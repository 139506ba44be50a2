-- CreateTable
CREATE TABLE "resource_trackings" (
    "id" UUID NOT NULL,
    "accountId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "requestId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "durationMs" DOUBLE PRECISION NOT NULL,
    "queries" INTEGER NOT NULL,
    "queryMs" DOUBLE PRECISION NOT NULL,
    "heapUsedMb" DOUBLE PRECISION NOT NULL,
    "heapDeltaMb" DOUBLE PRECISION NOT NULL,
    "rssMb" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "resource_trackings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "resource_trackings_createdAt_idx" ON "resource_trackings"("createdAt");
