import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { listOf } from "@/lib/http/route-meta";
import { pageResponse } from "@/lib/site-builder/responses";
import { createPageSchema, pageListQuerySchema } from "@/lib/site-builder/schemas";
import { createPage, listPages } from "@/lib/site-builder/service";

export const GET = apiRoute({ summary: "List blueprint pages", response: listOf(pageResponse), auth: "user", query: pageListQuerySchema }, async ({ ctx, query }) => paginated(await listPages(scoped(ctx), query), query));

export const POST = apiRoute({ summary: "Add a page to a blueprint", response: pageResponse, auth: "user", body: createPageSchema, status: 201 }, async ({ ctx, body }) => createPage(scoped(ctx), ctx, body));
