import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { checkReadiness } from "@/lib/publishing/deployments";
import { siteIdBodySchema, siteIdQuerySchema } from "@/lib/publishing/schemas";
import { readinessResponse } from "@/lib/publishing/responses";

export const GET = apiRoute({ summary: "Check whether a hosted site can be deployed", response: readinessResponse, auth: "user", query: siteIdQuerySchema }, async ({ ctx, query }) => checkReadiness(scoped(ctx), query.siteId));
export const POST = apiRoute({ summary: "Check whether a hosted site can be deployed", response: readinessResponse, auth: "user", body: siteIdBodySchema }, async ({ ctx, body }) => checkReadiness(scoped(ctx), body.siteId));
