import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { updateKeywordsStatus } from "@/lib/planner/keywords";
import { bulkStatusSchema } from "@/lib/planner/schemas";
import { countsResponse } from "@/lib/planner/responses";

export const POST = apiRoute({ summary: "Change keywords' status", response: countsResponse("updated"), auth: "user", body: bulkStatusSchema }, async ({ ctx, body }) => ({ updated: await updateKeywordsStatus(scoped(ctx), ctx, body.ids, body.status) }));
