import { scoped } from "@/lib/db/scoped";
import { withSelection } from "@/lib/db/tenant-context";
import { apiRoute, paginated } from "@/lib/http/route";
import { createContentRequestSchema, listContentQuerySchema } from "@/lib/writer/schemas";
import { createContent, listContent } from "@/lib/writer/service";
import { contentListItemResponse, contentResource, contentResponse } from "@/lib/writer/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List articles", response: listOf(contentListItemResponse), auth: "user", query: listContentQuerySchema }, async ({ ctx, query }) =>
  paginated(await listContent(scoped(withSelection(ctx, query.siteId, query.sectorId)), query), query),
);

export const POST = apiRoute({ summary: "Create an article", response: contentResponse, auth: "user", body: createContentRequestSchema, status: 201, permission: "write" }, async ({ ctx, body }) =>
  contentResource(await createContent(scoped(ctx), ctx, body)),
);
