import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { createTasksResponse } from "@/lib/site-builder/responses";
import { pageIdsSchema } from "@/lib/site-builder/schemas";
import { createBlueprintTasks } from "@/lib/site-builder/service";

export const POST = apiRoute({ summary: "Queue writer tasks for the blueprint's blog posts", response: createTasksResponse, auth: "user", body: pageIdsSchema }, async ({ ctx, params, body }) => createBlueprintTasks(scoped(ctx), ctx, assertValidId(params.id), body.pageIds));
