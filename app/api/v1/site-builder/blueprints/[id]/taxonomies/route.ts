import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { listOf } from "@/lib/http/route-meta";
import { listQuerySchema, pageOf } from "@/lib/http/validation";
import { taxonomyResponse } from "@/lib/site-builder/responses";
import { createTaxonomySchema } from "@/lib/site-builder/schemas";
import { createTaxonomy, listTaxonomies } from "@/lib/site-builder/service";

export const GET = apiRoute({ summary: "List a blueprint's taxonomies", response: listOf(taxonomyResponse), auth: "user", query: listQuerySchema.pick({ page: true, pageSize: true }) }, async ({ ctx, params, query }) =>
  paginated(pageOf(await listTaxonomies(scoped(ctx), assertValidId(params.id)), query), query),
);

export const POST = apiRoute({ summary: "Add a category or tag to a blueprint", response: taxonomyResponse, auth: "user", body: createTaxonomySchema, status: 201 }, async ({ ctx, params, body }) => createTaxonomy(scoped(ctx), ctx, assertValidId(params.id), body));
