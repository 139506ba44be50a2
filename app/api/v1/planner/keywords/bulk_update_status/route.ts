import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { updateKeywordsStatus } from "@/lib/planner/keywords";
import { bulkStatusSchema } from "@/lib/planner/schemas";

export const POST = apiRoute({ auth: "user", body: bulkStatusSchema }, async ({ ctx, body }) => ({ updated: await updateKeywordsStatus(scoped(ctx), ctx, body.ids, body.status) }));
