// Batch optimisation: an AI proposal per article that has something to fix (one item each, side by
// side); articles with nothing to fix are done at once. Nothing is applied: users accept edits in
// the editor.
import { aiItemWork } from "@/lib/ai/engine";
import { defineHandler } from "@/lib/jobs/define";
import type { OptimizeContentPayload } from "@/lib/jobs/table";
import type { OptimizeContentResult } from "@/lib/optimizer/ai/optimize-content";
import { articlesToOptimize } from "@/lib/optimizer/service";

type Outcome = OptimizeContentResult | { contentId: number; nothingToFix: true };

export default defineHandler<OptimizeContentPayload>(async ({ ctx, db, payload, run, io }) => {
  const ids = [...new Set(payload.contentIds)];
  await io.start(ids.length, `Proposing optimizations for ${ids.length} article${ids.length === 1 ? "" : "s"}…`);
  const todo = new Set(await io.step("plan", () => articlesToOptimize(db, ids, payload.checks)));
  const optimize = aiItemWork<OptimizeContentResult>(ctx, run.id, "optimize_content");
  const outcomes = await io.items<number, Outcome>(
    ids.map((contentId) => ({ key: `optimize-${contentId}`, input: contentId })),
    async (contentId, item) => (todo.has(contentId) ? optimize({ contentId, checks: payload.checks, userId: run.userId, runId: run.id, entryPoint: payload.entryPoint ?? "batch" }, item) : { result: { contentId, nothingToFix: true as const } }),
    { message: "Optimization proposed." },
  );
  const proposals = outcomes.flatMap((o) => (o.ok && "optimizationId" in o.result ? [o.result] : []));
  const gain = proposals.reduce((n, r) => n + (r.projectedScore - r.scoreBefore), 0);
  const skipped = ids.length - todo.size;
  return {
    message: `${proposals.length} optimization proposal${proposals.length === 1 ? "" : "s"} ready${proposals.length ? ` (+${Math.round(gain / proposals.length)} points on average if accepted)` : ""}.${skipped ? ` ${skipped} article${skipped === 1 ? " has" : "s have"} nothing to fix.` : ""}`,
    result: { optimizationIds: proposals.map((r) => r.optimizationId), contentIds: proposals.map((r) => r.contentId), nothingToFix: skipped },
  };
});
