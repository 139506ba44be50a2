import { z } from "zod";
import { assertValidId } from "@/lib/auth/service";
import { listExecutions } from "@/lib/automation/service";
import { executionResponse } from "@/lib/automation/responses";
import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { listOf } from "@/lib/http/route-meta";
import { listQuerySchema } from "@/lib/http/validation";

const query = listQuerySchema.pick({ page: true, pageSize: true }).extend({ page: z.coerce.number().int().min(1).max(1_000_000).default(1) });

export const GET = apiRoute({ summary: "An automation rule's executions: what each picked, did, spent and skipped", response: listOf(executionResponse), auth: "user", query }, async ({ ctx, params, query }) => paginated(await listExecutions(scoped(ctx), { ruleId: assertValidId(params.id), ...query }), query));
