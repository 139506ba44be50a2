import { scoped } from "@/lib/db/scoped";
import { withSelection } from "@/lib/db/tenant-context";
import { apiRoute, paginated } from "@/lib/http/route";
import { createTaskSchema, listTasksQuerySchema } from "@/lib/writer/schemas";
import { createTask, listTasks } from "@/lib/writer/service";

export const GET = apiRoute({ auth: "user", query: listTasksQuerySchema }, async ({ ctx, query }) =>
  paginated(await listTasks(scoped(withSelection(ctx, query.siteId, query.sectorId)), query), query),
);

export const POST = apiRoute({ auth: "user", body: createTaskSchema, status: 201, permission: "write" }, async ({ ctx, body }) => createTask(scoped(ctx), ctx, body));
