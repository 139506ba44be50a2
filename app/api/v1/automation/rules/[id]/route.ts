import { z } from "zod";
import { assertValidId } from "@/lib/auth/service";
import { deleteRule, getRule, updateRule } from "@/lib/automation/service";
import { updateRuleSchema } from "@/lib/automation/schemas";
import { ruleResponse } from "@/lib/automation/responses";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute({ summary: "Get an automation rule", response: ruleResponse, auth: "user" }, async ({ ctx, params }) => getRule(scoped(ctx), assertValidId(params.id)));

const update = apiRoute({ summary: "Update an automation rule (pause: is_active false)", response: ruleResponse, auth: "user", body: updateRuleSchema }, async ({ ctx, params, body }) => updateRule(scoped(ctx), ctx, assertValidId(params.id), body));
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ summary: "Delete an automation rule", response: z.null(), auth: "user" }, async ({ ctx, params }) => {
  await deleteRule(scoped(ctx), ctx, assertValidId(params.id));
  return null;
});
