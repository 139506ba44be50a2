"use server";

import { z } from "zod";
import { scoped } from "@/lib/db/scoped";
import { defineAction, withToast } from "@/lib/http/action";
import { idSchema } from "@/lib/http/validation";
import { createRuleSchema, updateScheduledTaskSchema } from "./schemas";
import { createRule, deleteRule, executeRule, forecastRule, forecastSavedRule, updateRule, updateScheduledTask } from "./service";

const PAGES = ["/automation", "/runs"];
const byId = z.object({ id: idSchema });

/** Create (no id) or replace (id) a rule from the editor. */
export const saveRuleAction = defineAction({ schema: z.object({ id: idSchema.optional(), rule: createRuleSchema }), permission: "write", revalidate: PAGES }, async (ctx, { id, rule }) => {
  const db = scoped(ctx);
  if (id) {
    const { siteId: _s, sectorId: _t, ...fields } = rule;
    return withToast(await updateRule(db, ctx, id, fields), `Rule "${rule.name}" saved.`);
  }
  return withToast(await createRule(db, ctx, rule), `Rule "${rule.name}" created.`);
});

/** The editor's live estimate of the rule as it stands (saved or not). */
export const forecastDraftAction = defineAction({ schema: z.object({ id: idSchema.optional(), rule: createRuleSchema }) }, async (ctx, { id, rule }) => forecastRule(scoped(ctx), { ...rule, id }));

export const forecastRuleAction = defineAction({ schema: byId }, async (ctx, { id }) => forecastSavedRule(scoped(ctx), id));

export const executeRuleAction = defineAction({ schema: byId, permission: "write", revalidate: PAGES }, async (ctx, { id }) => {
  const { run, forecast } = await executeRule(scoped(ctx), ctx, id);
  return withToast({ runId: run.id }, `Started: up to ${forecast.creditsHigh} credits.`);
});

export const setRuleActiveAction = defineAction({ schema: z.object({ id: idSchema, isActive: z.boolean() }), permission: "write", revalidate: PAGES }, async (ctx, { id, isActive }) => {
  const rule = await updateRule(scoped(ctx), ctx, id, { isActive });
  return withToast(rule, isActive ? `"${rule.name}" resumed.` : `"${rule.name}" paused: nothing runs until you resume it.`);
});

export const deleteRuleAction = defineAction({ schema: byId, permission: "write", revalidate: PAGES }, async (ctx, { id }) => {
  await deleteRule(scoped(ctx), ctx, id);
  return withToast(null, "Rule deleted.");
});

export const updateScheduledTaskAction = defineAction({ schema: z.object({ id: idSchema, change: updateScheduledTaskSchema }), permission: "write", revalidate: PAGES }, async (ctx, { id, change }) => {
  const task = await updateScheduledTask(scoped(ctx), ctx, id, change);
  return withToast(task, task.status === "skipped" ? "That execution will be skipped." : "That execution is back on the schedule.");
});
