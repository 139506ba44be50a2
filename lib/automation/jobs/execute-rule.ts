// One execution of a rule: pick, then each action of the chain in order, each item reserved
// against the budgets before any money is spent (budget.ts), keyed so a retried run neither
// repeats nor re-charges it. A budget that runs out halts the run: nothing after it starts.
import { aiItemWork } from "@/lib/ai/engine";
import { defineHandler, ItemFailedError, type ItemOutcome, type JobIO } from "@/lib/jobs/define";
import type { AutomationExecutePayload } from "@/lib/jobs/table";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { linkContentItem, type SiteIndexCache } from "@/lib/linker/batch";
import { applyOptimization, articlesToOptimize, getOptimization } from "@/lib/optimizer/service";
import { requestPublish } from "@/lib/publishing/service";
import { updateContentsStatus } from "@/lib/writer/content";
import { queueIdeasToWriter } from "@/lib/writer/tasks";
import { calculateCredits } from "@/lib/billing/prices";
import { reserveItem, settleItem, type BudgetRule } from "../budget";
import { pickItems, qualityProblems } from "../picks";
import { publishSlots } from "../publish-slots";
import { ACTION_LABELS, type RuleAction } from "../schemas";
import { toRuleConfig, type RuleConfig } from "../service";

export type StepSummary = { action: string; label: string; picked: number; done: number; failed: number; skipped: number; credits: number; produced: number[]; notes: string[] };

type Ctx = { ctx: TenantContext; db: ScopedDb; runId: string; io: JobIO; rule: RuleConfig; executionId: number };

/** Runs the items of one action: reserve → work → settle. */
async function paidItems<R>(c: Ctx, action: string, ids: number[], cost: (id: number) => Promise<number> | number, work: (id: number, key: string) => Promise<{ result: R; credits?: number }>, summary: StepSummary, sequential = false): Promise<{ id: number; result: R }[]> {
  const budgetRule: BudgetRule = { id: c.rule.id, siteId: c.rule.siteId, sectorId: c.rule.sectorId, accountId: c.rule.accountId, name: c.rule.name, timeZone: c.rule.timeZone, limits: c.rule.limits };
  type Done = { skipped?: string; value?: R; credits: number };
  const outcomes: ItemOutcome<Done>[] = await c.io.items<number, Done>(
    ids.map((id) => ({ key: `${action}-${id}`, input: id })),
    async (id, item) => {
      const credits = await cost(id);
      const reservation = await reserveItem(c.db, budgetRule, c.executionId, action, id, credits);
      if (reservation.status === "already_done") return { result: { skipped: "already processed by this rule", credits: 0 } };
      if (reservation.status === "taken") return { result: { skipped: "being processed by another execution of this rule", credits: 0 } };
      try {
        const done = await work(id, item.key);
        await settleItem(c.db, c.rule.id, c.executionId, action, id, { ok: true, credits: done.credits ?? 0 });
        return { result: { value: done.result, credits: done.credits ?? 0 }, credits: done.credits ?? 0 };
      } catch (error) {
        if (item.finalAttempt || !(error instanceof Error) || error instanceof ItemFailedError) await settleItem(c.db, c.rule.id, c.executionId, action, id, { ok: false, reason: (error as Error).message ?? "failed" });
        throw error;
      }
    },
    { sequential, message: ACTION_LABELS[action as keyof typeof ACTION_LABELS] ?? action },
  );
  const out: { id: number; result: R }[] = [];
  for (const [i, o] of outcomes.entries()) {
    if (!o.ok) {
      summary.failed++;
      if (!summary.notes.includes(o.error)) summary.notes.push(o.error);
      // Failed or never started: this execution's reservation (if any) goes back.
      await settleItem(c.db, c.rule.id, c.executionId, action, ids[i], { ok: false, reason: o.error });
      continue;
    }
    if (o.result.skipped) {
      summary.skipped++;
      continue;
    }
    summary.done++;
    summary.credits += o.result.credits;
    out.push({ id: ids[i], result: o.result.value as R });
  }
  return out;
}

async function runAction(c: Ctx, action: RuleAction, ids: number[], summary: StepSummary): Promise<number[]> {
  const { db, ctx, runId, rule } = c;
  const cap = (list: number[]) => [...new Set(list)].slice(0, rule.limits.maxItems);
  switch (action.type) {
    case "cluster": {
      const batches: number[][] = [];
      for (let i = 0; i < ids.length && batches.length < rule.limits.maxItems; i += 50) batches.push(ids.slice(i, i + 50));
      const byFirst = new Map(batches.map((b) => [b[0], b]));
      const work = aiItemWork<{ clusterIds: number[] }>(ctx, runId, "auto_cluster");
      const done = await paidItems(c, "cluster", [...byFirst.keys()], (id) => calculateCredits("auto_cluster", byFirst.get(id)!.length), (id, key) => work({ keywordIds: byFirst.get(id)! }, { key }), summary);
      return cap(done.flatMap((d) => d.result.clusterIds));
    }
    case "generate_ideas": {
      const work = aiItemWork<{ ideaIds: number[] }>(ctx, runId, "generate_ideas");
      const done = await paidItems(c, "generate_ideas", ids, () => calculateCredits("generate_ideas", 1), (id, key) => work({ clusterId: id }, { key }), summary);
      return cap(done.flatMap((d) => d.result.ideaIds));
    }
    case "queue_tasks": {
      const done = await paidItems(c, "queue_tasks", ids, () => 0, async (id) => ({ result: (await queueIdeasToWriter(db, ctx, [id])).taskIds }), summary);
      return cap(done.flatMap((d) => d.result));
    }
    case "generate_content": {
      const work = aiItemWork<{ contentId: number }>(ctx, runId, "generate_content");
      await db.task.updateMany({ where: { id: { in: ids }, status: { in: ["queued", "failed"] } }, data: { status: "in_progress", error: null } });
      const done = await paidItems(c, "generate_content", ids, () => calculateCredits("generate_content", 1), (id, key) => work({ taskId: id }, { key }), summary);
      const ok = new Set(done.map((d) => d.id));
      await db.task.updateMany({ where: { id: { in: ids.filter((id) => !ok.has(id)) }, status: "in_progress" }, data: { status: "queued" } });
      return cap(done.map((d) => d.result.contentId));
    }
    case "generate_images": {
      const prompts = aiItemWork<{ imageIds: number[] }>(ctx, runId, "generate_image_prompts");
      const images = aiItemWork<unknown>(ctx, runId, "generate_images");
      const tasks = new Map((await db.content.findMany({ where: { id: { in: ids } }, select: { id: true, taskId: true } })).map((r) => [r.id, r.taskId]));
      const withTask = ids.filter((id) => tasks.get(id));
      if (withTask.length < ids.length) summary.notes.push("Articles written without a task get no image plan.");
      const planned = await paidItems(c, "image_prompts", withTask, () => calculateCredits("generate_image_prompts", 1), (id, key) => prompts({ taskId: tasks.get(id)! }, { key }), summary);
      const imageIds = planned.flatMap((p) => p.result.imageIds);
      await paidItems(c, "generate_images", imageIds, () => calculateCredits("generate_images", 1), (id, key) => images({ imageId: id }, { key }), summary);
      return ids;
    }
    case "optimize": {
      const todo = new Set(await articlesToOptimize(db, ids));
      const work = aiItemWork<{ optimizationId: number; projectedScore: number }>(ctx, runId, "optimize_content");
      const threshold = action.autoAcceptAbove;
      await paidItems(c, "optimize", ids.filter((id) => todo.has(id)), () => calculateCredits("optimize_content", 1), async (id, key) => {
        const done = await work({ contentId: id, userId: ctx.userId, runId }, { key });
        if (threshold !== undefined && done.result.projectedScore >= threshold) {
          const proposal = await getOptimization(db, done.result.optimizationId);
          const editIds = proposal.edits.map((e) => e.id);
          if (proposal.status === "proposed" && editIds.length) await applyOptimization(ctx, { optimizationId: proposal.id, editIds });
        } else summary.notes.push(`Optimisation of article ${id} left as suggestions (projected score ${done.result.projectedScore}${threshold !== undefined ? `, below ${threshold}` : ""}).`);
        return done;
      }, summary);
      return ids;
    }
    case "link": {
      const sites: SiteIndexCache = new Map();
      await paidItems(c, "link", ids, () => 0, async (id) => ({ result: await linkContentItem(ctx, runId, id, { mode: "apply", includeDrafts: true, maxLinks: 5 }, sites) }), summary, true);
      return ids;
    }
    case "review": {
      await paidItems(c, "review", ids, () => 0, async (id) => ({ result: await updateContentsStatus(db, ctx, [id], "review") }), summary);
      return ids;
    }
    case "publish": {
      const slots = action.maxPerDay ? publishSlots(ids.length, rule.timeZone, action.maxPerDay, action.windowStart ?? 8, action.windowEnd ?? 18) : null;
      const order = new Map(ids.map((id, i) => [id, i]));
      let passed = 0;
      await paidItems(c, "publish", ids, () => 0, async (id) => {
        const problems = await qualityProblems(db, id, rule.qualityGate);
        if (problems.length) {
          summary.notes.push(`Article ${id} stays in review: ${problems.join(" ")}`);
          throw new ItemFailedError(`Quality gate: ${problems.join(" ")}`);
        }
        const content = await db.content.findFirst({ where: { id }, select: { status: true } });
        if (content?.status === "draft") await updateContentsStatus(db, ctx, [id], "review");
        const slot = slots ? slots[passed++] : null;
        const started = await requestPublish(db, ctx, { contentId: id, ...(action.destinations?.length ? { destinations: action.destinations } : {}), ...(slot && slot > new Date() ? { scheduledAt: slot } : {}) });
        void order;
        return { result: { runId: started.runId, scheduledAt: slot } };
      }, summary, true);
      return ids;
    }
  }
}

export default defineHandler<AutomationExecutePayload>(async ({ ctx, db, payload, run, io }) => {
  const execution = await db.automationExecution.findFirst({ where: { id: payload.executionId } });
  const row = execution ? await db.automationRule.findFirst({ where: { id: execution.ruleId } }) : null;
  if (!execution || !row) throw new ItemFailedError("The automation rule was deleted before it ran.");
  const rule = toRuleConfig(row);
  const c: Ctx = { ctx, db, runId: run.id, io, rule, executionId: execution.id };
  await db.automationExecution.update({ where: { id: execution.id }, data: { status: "running", message: "Running…" } });

  const picked = await io.step("pick", () => pickItems(db, rule));
  const steps: StepSummary[] = [];
  const save = (data: Partial<Prisma.AutomationExecutionUpdateInput>) => db.automationExecution.update({ where: { id: execution.id }, data: { steps: steps as unknown as Prisma.InputJsonValue, ...data } });
  let current = picked.ids;
  let stoppedReason: string | null = picked.ids.length ? null : "Nothing matched the rule's conditions.";
  for (const [index, action] of rule.actions.entries()) {
    if (!current.length) break;
    const summary: StepSummary = { action: action.type, label: ACTION_LABELS[action.type], picked: current.length, done: 0, failed: 0, skipped: 0, credits: 0, produced: [], notes: [] };
    steps.push(summary);
    await io.progress({ done: index, total: rule.actions.length, message: `${summary.label} (${current.length})…` });
    current = await runAction(c, action, current, summary);
    summary.produced = current.slice(0, 100);
    await save({});
    const halted = summary.notes.find((n) => n.startsWith("Stopped by "));
    if (halted) {
      stoppedReason = halted;
      break;
    }
  }
  const spent = await db.automationItem.aggregate({ where: { executionId: execution.id, status: "done" }, _sum: { credits: true } });
  const processed = steps[0]?.done ?? 0;
  const failed = steps.some((s) => s.failed > 0);
  const message = stoppedReason ?? steps.map((s) => `${s.label}: ${s.done}${s.failed ? ` (${s.failed} failed)` : ""}${s.skipped ? ` (${s.skipped} skipped)` : ""}`).join("; ");
  await save({ status: stoppedReason && picked.ids.length ? "stopped" : failed ? "completed_with_errors" : "succeeded", stoppedReason, itemsProcessed: processed, creditsSpent: spent._sum.credits ?? 0, message, finishedAt: new Date() });
  return { message, result: { executionId: execution.id, creditsSpent: spent._sum.credits ?? 0, steps } };
});
