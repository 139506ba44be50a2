import { createScheduledTask, listScheduledTasks } from "@/lib/automation/service";
import { createScheduledTaskSchema, scheduledTaskListQuerySchema } from "@/lib/automation/schemas";
import { scheduledTaskResponse } from "@/lib/automation/responses";
import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List scheduled automation executions (upcoming and past)", response: listOf(scheduledTaskResponse), auth: "user", query: scheduledTaskListQuerySchema }, async ({ ctx, query }) => paginated(await listScheduledTasks(scoped(ctx), query), query));

export const POST = apiRoute({ summary: "Schedule one extra execution of a rule", response: scheduledTaskResponse, auth: "user", body: createScheduledTaskSchema, status: 201 }, async ({ ctx, body }) => createScheduledTask(scoped(ctx), ctx, body));
