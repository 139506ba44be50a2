import { scoped } from "@/lib/db/scoped";
import { withSelection } from "@/lib/db/tenant-context";
import { apiRoute, paginated } from "@/lib/http/route";
import { createContentSchema, listContentQuerySchema } from "@/lib/writer/schemas";
import { createContent, listContent } from "@/lib/writer/service";

export const GET = apiRoute({ auth: "user", query: listContentQuerySchema }, async ({ ctx, query }) =>
  paginated(await listContent(scoped(withSelection(ctx, query.siteId, query.sectorId)), query), query),
);

export const POST = apiRoute({ auth: "user", body: createContentSchema, status: 201, permission: "write" }, async ({ ctx, body }) => createContent(scoped(ctx), ctx, body));
