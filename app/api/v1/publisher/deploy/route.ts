import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { deploySite } from "@/lib/publishing/deployments";
import { siteIdBodySchema } from "@/lib/publishing/schemas";
import { deploymentCreatedResponse } from "@/lib/publishing/responses";

/** Deploys the hosted site: readiness check, a new deployment record, every cached page refreshed. */
export const POST = apiRoute({ summary: "Deploy the hosted site", response: deploymentCreatedResponse, auth: "user", body: siteIdBodySchema, permission: "write", status: 201 }, async ({ ctx, body }) => deploySite(scoped(ctx), ctx, body.siteId));
