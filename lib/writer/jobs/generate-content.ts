// Articles: one item per task, side by side (paced by the account's concurrency limit). Tasks are
// "in progress" while the run works on them; those that failed say why, those not reached
// (cancelled) go back to the queue.
import { emitForRows } from "@/lib/automation/events";
import { aiItemWork } from "@/lib/ai/engine";
import { defineHandler } from "@/lib/jobs/define";
import type { GenerateContentPayload } from "@/lib/jobs/table";
import type { GenerateContentResult } from "@/lib/writer/ai/generate-content";

export default defineHandler<GenerateContentPayload>(async ({ ctx, db, payload, run, io }) => {
  const ids = [...new Set(payload.taskIds)];
  await io.start(ids.length, `Writing ${ids.length} article${ids.length === 1 ? "" : "s"}…`);
  await io.step("mark-in-progress", async () => {
    await db.task.updateMany({ where: { id: { in: ids }, status: { in: ["queued", "failed"] } }, data: { status: "in_progress", error: null } });
    return null;
  });
  const outcomes = await io.items(ids.map((taskId) => ({ key: `content-${taskId}`, input: { taskId } })), aiItemWork<GenerateContentResult>(ctx, run.id, "generate_content"), { message: "Article written." });
  if (outcomes.some((o) => !o.ok)) {
    await io.step("mark-failed", async () => {
      for (const [i, taskId] of ids.entries()) {
        const outcome = outcomes[i];
        if (outcome.ok) continue;
        await db.task.updateMany({ where: { id: taskId, status: "in_progress" }, data: { status: outcome.cancelled ? "queued" : "failed", error: outcome.cancelled ? null : outcome.error.slice(0, 500) } });
      }
      return null;
    });
  }
  const ok = outcomes.flatMap((o) => (o.ok ? [o.result] : []));
  const words = ok.reduce((n, r) => n + r.wordCount, 0);
  if (ok.length) await io.step("automation-events", async () => emitForRows(db, ctx, "content.generated", await db.content.findMany({ where: { id: { in: ok.map((r) => r.contentId) } }, select: { siteId: true, sectorId: true } }), run.id));
  return { message: `${ok.length} article${ok.length === 1 ? "" : "s"} written (${words.toLocaleString("en-US")} words).`, result: { contentIds: ok.map((r) => r.contentId), words } };
});
