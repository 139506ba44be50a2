import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { checkReadiness } from "@/lib/publishing/deployments";
import { siteIdBodySchema, siteIdQuerySchema } from "@/lib/publishing/schemas";

export const GET = apiRoute({ auth: "user", query: siteIdQuerySchema }, async ({ ctx, query }) => checkReadiness(scoped(ctx), query.siteId));
export const POST = apiRoute({ auth: "user", body: siteIdBodySchema }, async ({ ctx, body }) => checkReadiness(scoped(ctx), body.siteId));
