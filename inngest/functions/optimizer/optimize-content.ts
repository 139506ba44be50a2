// Batch optimisation: an AI proposal per article (a few per step, like the other AI pipelines),
// for articles that have something to fix; nothing is applied (users accept edits in the editor).
import type { OptimizeContentResult } from "@/lib/ai/functions/optimize-content";
import { scoped } from "@/lib/db/scoped";
import { articlesToOptimize } from "@/lib/optimizer/service";
import { contextForRun } from "@/lib/runs/context";
import { advanceRun } from "@/lib/runs/progress";
import { inngest } from "../../client";
import { contentOptimizeRequested } from "../../events";
import { pipelineOptions } from "../options";
import { aiItemsStep, finishStep, groups, startStep } from "../pipeline";

export const optimizeContentBatch = inngest.createFunction(
  { ...pipelineOptions("optimize-content"), triggers: [contentOptimizeRequested] },
  async ({ event, step }) => {
    const data = event.data;
    const ids = [...new Set(data.contentIds)];
    await startStep(step, data, ids.length, `Proposing optimizations for ${ids.length} article${ids.length === 1 ? "" : "s"}…`);
    const todo: number[] = await step.run("plan", async () => {
      const db = scoped(await contextForRun(data));
      const needed = await articlesToOptimize(db, ids, data.checks);
      // Articles with nothing to fix are done already.
      for (let i = needed.length; i < ids.length; i++) await advanceRun(db, data.runId, { message: "Nothing to fix in an article." });
      return needed;
    });
    const outcomes = (
      await Promise.all(
        groups(todo).map((group) =>
          aiItemsStep<OptimizeContentResult>(step, data, `optimize-${group[0]}`, "optimize_content", group.map((contentId) => ({ key: `optimize-${contentId}`, input: { contentId, checks: data.checks, userId: data.userId, runId: data.runId } })), "Optimization proposed."),
        ),
      )
    ).flat();
    return finishStep(step, data, outcomes, (ok) => {
      const gain = ok.reduce((n, r) => n + (r.projectedScore - r.scoreBefore), 0);
      const skipped = ids.length - todo.length;
      return {
        message: `${ok.length} optimization proposal${ok.length === 1 ? "" : "s"} ready${ok.length ? ` (+${Math.round(gain / ok.length)} points on average if accepted)` : ""}.${skipped ? ` ${skipped} article${skipped === 1 ? " has" : "s have"} nothing to fix.` : ""}`,
        result: { optimizationIds: ok.map((r) => r.optimizationId), contentIds: ok.map((r) => r.contentId), nothingToFix: skipped },
      };
    });
  },
);
