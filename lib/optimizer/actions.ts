"use server";

import { z } from "zod";
import { scoped } from "@/lib/db/scoped";
import { defineAction, withToast } from "@/lib/http/action";
import { applyOptimizationSchema, batchOptimizeSchema, dismissOptimizationSchema, listOptimizationsQuerySchema, optimizeSchema } from "./schemas";
import { applyOptimization, dismissOptimization, listOptimizations, optimize, startBatchOptimize } from "./service";

export const optimizeAction = defineAction({ schema: optimizeSchema, permission: "write" }, async (ctx, input) => optimize(ctx, input));

export const applyOptimizationAction = defineAction({ schema: applyOptimizationSchema, permission: "write" }, async (ctx, input) => {
  const result = await applyOptimization(ctx, input);
  const n = result.applied.length;
  const message = n ? `${n} edit${n === 1 ? "" : "s"} applied: score ${result.scoreBefore} → ${result.scoreAfter}.` : `Nothing applied: ${result.skipped[0]?.reason ?? "no edit matched."}`;
  return withToast(result, message);
});

export const dismissOptimizationAction = defineAction({ schema: dismissOptimizationSchema, permission: "write" }, async (ctx, { optimizationId }) => dismissOptimization(ctx, optimizationId));

/** The latest open proposal of an article (e.g. from a batch run), for the editor. */
export const openOptimizationAction = defineAction({ schema: z.object({ contentId: listOptimizationsQuerySchema.shape.contentId }) }, async (ctx, { contentId }) =>
  (await listOptimizations(scoped(ctx), { contentId, status: "proposed" }))[0] ?? null,
);

export const batchOptimizeAction = defineAction({ schema: batchOptimizeSchema, permission: "write" }, async (ctx, input) =>
  withToast(await startBatchOptimize(ctx, input), "AI optimization started: proposals appear in each article's editor. Follow the run in the corner."),
);
