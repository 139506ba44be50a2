import { apiRoute, paginated } from "@/lib/http/route";
import { pageOf, pageQuerySchema, parseInput } from "@/lib/http/validation";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { runIdSchema } from "@/lib/runs/schemas";
import { getRunLog } from "@/lib/runs/service";
import { runLogEntryResponse } from "@/lib/runs/responses";
import { listOf } from "@/lib/http/route-meta";
import { z } from "zod";

export const GET = apiRoute({ summary: "A run's step log (prompts and outputs)", response: listOf(runLogEntryResponse), auth: "user", permission: "manageAccount", query: pageQuerySchema, params: z.object({ id: runIdSchema }) }, async ({ ctx, params, query }) =>
  paginated(pageOf(await getRunLog(scoped(ownAccount(ctx)), ctx, parseInput(runIdSchema, params.id)), query), query),
);
