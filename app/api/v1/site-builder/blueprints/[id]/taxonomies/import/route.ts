import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { taxonomyImportResponse } from "@/lib/site-builder/responses";
import { importTaxonomiesSchema } from "@/lib/site-builder/schemas";
import { importTaxonomies } from "@/lib/site-builder/service";

/** From a connected WordPress site of the blueprint's site (`source: "wordpress"`, `integration_id`) or a CSV (`source: "csv"`, `csv`). */
export const POST = apiRoute({ summary: "Import taxonomies from WordPress or a CSV", response: taxonomyImportResponse, auth: "user", body: importTaxonomiesSchema }, async ({ ctx, params, body }) => importTaxonomies(scoped(ctx), ctx, assertValidId(params.id), body));
