import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { deleteClusters, getCluster, updateCluster } from "@/lib/planner/clusters";
import { updateClusterSchema } from "@/lib/planner/schemas";
import { clusterResponse } from "@/lib/planner/responses";
import { z } from "zod";

export const GET = apiRoute({ summary: "Get a cluster", response: clusterResponse, auth: "user" }, async ({ ctx, params }) => getCluster(scoped(ctx), assertValidId(params.id)));

const update = apiRoute({ summary: "Update a cluster", response: clusterResponse, auth: "user", body: updateClusterSchema }, async ({ ctx, params, body }) => updateCluster(scoped(ctx), ctx, assertValidId(params.id), body));
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ summary: "Delete a cluster", response: z.null(), auth: "user" }, async ({ ctx, params }) => {
  await deleteClusters(scoped(ctx), ctx, [assertValidId(params.id)]);
  return null;
});
