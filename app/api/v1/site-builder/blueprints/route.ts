import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { listOf } from "@/lib/http/route-meta";
import { blueprintResponse } from "@/lib/site-builder/responses";
import { blueprintListQuerySchema, createBlueprintSchema } from "@/lib/site-builder/schemas";
import { createBlueprint, listBlueprints } from "@/lib/site-builder/service";

export const GET = apiRoute({ summary: "List site blueprints", response: listOf(blueprintResponse), auth: "user", query: blueprintListQuerySchema }, async ({ ctx, query }) => paginated(await listBlueprints(scoped(ctx), query), query));

export const POST = apiRoute({ summary: "Create a site blueprint", response: blueprintResponse, auth: "user", body: createBlueprintSchema, status: 201 }, async ({ ctx, body }) => createBlueprint(scoped(ctx), ctx, body));
