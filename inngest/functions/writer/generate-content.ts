// Articles: a few tasks per step, steps side by side (paced by the per-account concurrency limit).
import type { GenerateContentResult } from "@/lib/ai/functions/generate-content";
import { scoped } from "@/lib/db/scoped";
import { contextForRun } from "@/lib/runs/context";
import { inngest } from "../../client";
import { tasksContentRequested } from "../../events";
import { pipelineOptions } from "../options";
import { aiItemsStep, finishStep, groups, startStep } from "../pipeline";

export const generateContentForTasks = inngest.createFunction(
  { ...pipelineOptions("generate-content"), triggers: [tasksContentRequested] },
  async ({ event, step }) => {
    const data = event.data;
    const ids = [...new Set(data.taskIds)];
    await startStep(step, data, ids.length, `Writing ${ids.length} article${ids.length === 1 ? "" : "s"}…`);
    await step.run("mark-in-progress", async () => {
      await scoped(await contextForRun(data)).task.updateMany({ where: { id: { in: ids }, status: { in: ["queued", "failed"] } }, data: { status: "in_progress", error: null } });
    });
    const outcomes = (
      await Promise.all(groups(ids).map((group) => aiItemsStep<GenerateContentResult>(step, data, `content-${group[0]}`, "generate_content", group.map((taskId) => ({ key: `content-${taskId}`, input: { taskId } })), "Article written.")))
    ).flat();
    const failedIds = ids.filter((_, i) => !outcomes[i].ok);
    if (failedIds.length) {
      await step.run("mark-failed", async () => {
        const db = scoped(await contextForRun(data));
        for (const [i, taskId] of ids.entries()) {
          const outcome = outcomes[i];
          if (!outcome.ok) await db.task.updateMany({ where: { id: taskId, status: "in_progress" }, data: { status: outcome.cancelled ? "queued" : "failed", error: outcome.cancelled ? null : outcome.error.slice(0, 500) } });
        }
      });
    }
    return finishStep(step, data, outcomes, (ok) => ({
      message: `${ok.length} article${ok.length === 1 ? "" : "s"} written (${ok.reduce((n, r) => n + r.wordCount, 0).toLocaleString("en-US")} words).`,
      result: { contentIds: ok.map((r) => r.contentId), words: ok.reduce((n, r) => n + r.wordCount, 0) },
    }));
  },
);
