-- AlterEnum
ALTER TYPE "RunStatus" ADD VALUE 'completed_with_errors';

-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "failed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "haltedReason" TEXT,
ADD COLUMN     "leaseExpiresAt" TIMESTAMP(3),
ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "succeeded" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "run_steps" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "runId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "item" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "result" JSONB,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "run_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_slots" (
    "accountId" INTEGER NOT NULL,
    "slot" INTEGER NOT NULL,
    "holder" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),

    CONSTRAINT "job_slots_pkey" PRIMARY KEY ("accountId","slot")
);

-- CreateTable
CREATE TABLE "job_schedules" (
    "name" TEXT NOT NULL,
    "intervalMs" INTEGER NOT NULL,
    "nextRunAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastRunAt" TIMESTAMP(3),

    CONSTRAINT "job_schedules_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "run_steps_accountId_idx" ON "run_steps"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "run_steps_runId_name_key" ON "run_steps"("runId", "name");

-- CreateIndex
CREATE INDEX "runs_status_runAfter_idx" ON "runs"("status", "runAfter");

-- AddForeignKey
ALTER TABLE "run_steps" ADD CONSTRAINT "run_steps_runId_fkey" FOREIGN KEY ("runId") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
