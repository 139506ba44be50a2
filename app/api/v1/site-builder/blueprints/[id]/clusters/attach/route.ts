import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { blueprintResponse } from "@/lib/site-builder/responses";
import { clusterIdsSchema } from "@/lib/site-builder/schemas";
import { attachClusters } from "@/lib/site-builder/service";

export const POST = apiRoute({ summary: "Attach planner clusters to a blueprint", response: blueprintResponse, auth: "user", body: clusterIdsSchema }, async ({ ctx, params, body }) => attachClusters(scoped(ctx), ctx, assertValidId(params.id), body.clusterIds));
