import { scoped } from "@/lib/db/scoped";
import { withSelection } from "@/lib/db/tenant-context";
import { apiRoute, paginated } from "@/lib/http/route";
import { createTaskSchema, listTasksQuerySchema } from "@/lib/writer/schemas";
import { createTask, listTasks } from "@/lib/writer/service";
import { taskResponse } from "@/lib/writer/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List writing tasks", response: listOf(taskResponse), auth: "user", query: listTasksQuerySchema }, async ({ ctx, query }) =>
  paginated(await listTasks(scoped(withSelection(ctx, query.siteId, query.sectorId)), query), query),
);

export const POST = apiRoute({ summary: "Create a writing task", response: taskResponse, auth: "user", body: createTaskSchema, status: 201, permission: "write" }, async ({ ctx, body }) => createTask(scoped(ctx), ctx, body));
