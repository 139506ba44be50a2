-- CreateEnum
CREATE TYPE "AutomationTrigger" AS ENUM ('schedule', 'event', 'manual');

-- CreateEnum
CREATE TYPE "AutomationExecutionStatus" AS ENUM ('pending', 'running', 'succeeded', 'completed_with_errors', 'failed', 'stopped');

-- CreateEnum
CREATE TYPE "ScheduledTaskStatus" AS ENUM ('scheduled', 'started', 'skipped', 'failed');

-- CreateTable
CREATE TABLE "automation_rules" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "trigger" "AutomationTrigger" NOT NULL DEFAULT 'manual',
    "cron" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "eventType" TEXT,
    "conditions" JSONB NOT NULL DEFAULT '{}',
    "actions" JSONB NOT NULL DEFAULT '[]',
    "limits" JSONB NOT NULL DEFAULT '{}',
    "qualityGate" JSONB NOT NULL DEFAULT '{}',
    "nextRunAt" TIMESTAMP(3),
    "lastRunAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "automation_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "automation_executions" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "ruleId" INTEGER NOT NULL,
    "runId" TEXT,
    "trigger" TEXT NOT NULL,
    "triggerKey" TEXT NOT NULL,
    "status" "AutomationExecutionStatus" NOT NULL DEFAULT 'pending',
    "steps" JSONB NOT NULL DEFAULT '[]',
    "itemsProcessed" INTEGER NOT NULL DEFAULT 0,
    "creditsEstimated" INTEGER NOT NULL DEFAULT 0,
    "creditsSpent" INTEGER NOT NULL DEFAULT 0,
    "stoppedReason" TEXT,
    "message" TEXT NOT NULL DEFAULT '',
    "startedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "automation_executions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "automation_items" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "ruleId" INTEGER NOT NULL,
    "executionId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "itemId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'reserved',
    "credits" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "automation_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scheduled_tasks" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "ruleId" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "ScheduledTaskStatus" NOT NULL DEFAULT 'scheduled',
    "runId" TEXT,
    "executionId" INTEGER,
    "message" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "scheduled_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "automation_rules_accountId_siteId_sectorId_idx" ON "automation_rules"("accountId", "siteId", "sectorId");

-- CreateIndex
CREATE INDEX "automation_rules_trigger_isActive_nextRunAt_idx" ON "automation_rules"("trigger", "isActive", "nextRunAt");

-- CreateIndex
CREATE UNIQUE INDEX "automation_executions_runId_key" ON "automation_executions"("runId");

-- CreateIndex
CREATE INDEX "automation_executions_accountId_ruleId_createdAt_idx" ON "automation_executions"("accountId", "ruleId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "automation_executions_ruleId_triggerKey_key" ON "automation_executions"("ruleId", "triggerKey");

-- CreateIndex
CREATE INDEX "automation_items_accountId_siteId_createdAt_idx" ON "automation_items"("accountId", "siteId", "createdAt");

-- CreateIndex
CREATE INDEX "automation_items_executionId_idx" ON "automation_items"("executionId");

-- CreateIndex
CREATE UNIQUE INDEX "automation_items_ruleId_action_itemId_key" ON "automation_items"("ruleId", "action", "itemId");

-- CreateIndex
CREATE INDEX "scheduled_tasks_accountId_dueAt_idx" ON "scheduled_tasks"("accountId", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "scheduled_tasks_ruleId_dueAt_key" ON "scheduled_tasks"("ruleId", "dueAt");

-- AddForeignKey
ALTER TABLE "automation_rules" ADD CONSTRAINT "automation_rules_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "automation_rules" ADD CONSTRAINT "automation_rules_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "sectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;
