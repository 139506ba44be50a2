import { createRule, listRules } from "@/lib/automation/service";
import { createRuleSchema, ruleListQuerySchema } from "@/lib/automation/schemas";
import { ruleResponse } from "@/lib/automation/responses";
import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List automation rules", response: listOf(ruleResponse), auth: "user", query: ruleListQuerySchema }, async ({ ctx, query }) => paginated(await listRules(scoped(ctx), query), query));

export const POST = apiRoute({ summary: "Create an automation rule", response: ruleResponse, auth: "user", body: createRuleSchema, status: 201 }, async ({ ctx, body }) => createRule(scoped(ctx), ctx, body));
