// The automation tick (a schedule of the job layer: every minute locally, an Inngest cron
// otherwise). A due scheduled task is claimed once (UPDATE … RETURNING over FOR UPDATE SKIP
// LOCKED: two processes or a doubled tick never claim the same row), its execution is keyed by
// the task (`task:<id>`, unique per rule), and the rule's next task is recorded.
// A named place of the unscoped client: the claim spans every account (see lib/db/README.md).
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { describeFailure } from "@/lib/failures";
import { log } from "@/lib/log";
import { nextRunTimes } from "./schemas";
import { startExecution } from "./service";

type Claimed = { id: number; accountId: number; ruleId: number; dueAt: Date };

/** Every due scheduled rule has its task row (e.g. after a rule was saved with a time already past). */
async function recordDueTasks() {
  await rootDb().$executeRaw`
    INSERT INTO scheduled_tasks ("accountId", "ruleId", "dueAt", status, message, "createdAt", "updatedAt")
    SELECT "accountId", id, "nextRunAt", 'scheduled', '', now(), now() FROM automation_rules
    WHERE trigger = 'schedule' AND "isActive" AND "nextRunAt" <= now()
    ON CONFLICT ("ruleId", "dueAt") DO NOTHING`;
}

export async function runDueAutomation(now = new Date(), limit = 100): Promise<{ started: number; skipped: number; failed: number }> {
  await recordDueTasks();
  const claimed = await rootDb().$queryRaw<Claimed[]>`
    UPDATE scheduled_tasks SET status = 'started', "updatedAt" = now()
    WHERE id IN (SELECT id FROM scheduled_tasks WHERE status = 'scheduled' AND "dueAt" <= ${now} ORDER BY "dueAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, "accountId", "ruleId", "dueAt"`;
  const counts = { started: 0, skipped: 0, failed: 0 };
  for (const task of claimed) {
    // The scheduler acts for the account (no user), on every site of it, like scheduled publishing.
    const ctx: TenantContext = { userId: null, accountId: task.accountId, role: "system_bot", crossAccount: false, siteAccess: "account" };
    const db = scoped(ctx);
    try {
      const rule = await db.automationRule.findFirst({ where: { id: task.ruleId } });
      if (rule?.trigger === "schedule" && rule.cron && rule.nextRunAt && rule.nextRunAt <= task.dueAt) {
        // Compare-and-set: only the claimer of this due time moves the rule on.
        const next = nextRunTimes(rule.cron, rule.timeZone, new Date(Math.max(task.dueAt.getTime(), now.getTime())), 1)[0];
        const moved = await db.automationRule.updateMany({ where: { id: rule.id, nextRunAt: rule.nextRunAt }, data: { nextRunAt: next } });
        if (moved.count && rule.isActive) await db.scheduledTask.upsert({ where: { ruleId_dueAt: { ruleId: rule.id, dueAt: next } }, create: { accountId: rule.accountId, ruleId: rule.id, dueAt: next }, update: {} });
      }
      if (!rule || !rule.isActive) {
        await db.scheduledTask.update({ where: { id: task.id }, data: { status: "skipped", message: rule ? "The rule is paused." : "The rule was deleted." } });
        counts.skipped++;
        continue;
      }
      const started = await startExecution(db, ctx, rule, "schedule", `task:${task.id}`);
      if (!started) {
        counts.skipped++;
        continue;
      }
      await db.scheduledTask.update({ where: { id: task.id }, data: { runId: started.run.id, executionId: started.execution.id, message: `Estimated up to ${started.execution.creditsEstimated} credits.` } });
      counts.started++;
    } catch (error) {
      log.error("scheduled automation did not start", { taskId: task.id, ruleId: task.ruleId, error: (error as Error).message });
      await db.scheduledTask.update({ where: { id: task.id }, data: { status: "failed", message: describeFailure(error).message } }).catch(() => undefined);
      counts.failed++;
    }
  }
  if (claimed.length) log.info("automation tick", counts);
  return counts;
}
